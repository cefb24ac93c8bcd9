import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MappingDefinition, PublishMappingRequest } from '@ferry/contracts';
import { Type } from 'class-transformer';
import { IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { MappingDefinitionDto } from './mapping-definition.dto';

export class PublishMappingDto implements PublishMappingRequest {
  @ApiProperty({ description: 'A MappingDefinition (see @ferry/contracts), e.g. an exported mapping file' })
  @ValidateNested()
  @Type(() => MappingDefinitionDto)
  definition!: MappingDefinition;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;
}
