import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MappingDefinition, SaveMappingDraftRequest } from '@ferry/contracts';
import { Type } from 'class-transformer';
import { IsDefined, IsInt, IsOptional, Min, ValidateNested } from 'class-validator';
import { MappingDefinitionDto } from './mapping-definition.dto';

export class SaveMappingDraftDto implements SaveMappingDraftRequest {
  @ApiProperty({ description: 'The MappingDefinition on screen; it may not compile yet' })
  @IsDefined()
  @ValidateNested()
  @Type(() => MappingDefinitionDto)
  definition!: MappingDefinition;

  @ApiPropertyOptional({ description: 'The revision the editor last saw; a newer saved one answers 409' })
  @IsOptional()
  @IsInt()
  @Min(0)
  revision?: number;
}
