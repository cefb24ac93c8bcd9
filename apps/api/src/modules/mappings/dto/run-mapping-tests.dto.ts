import { ApiPropertyOptional } from '@nestjs/swagger';
import { MappingDefinition, RunMappingTestsRequest } from '@ferry/contracts';
import { Type } from 'class-transformer';
import { IsOptional, ValidateNested } from 'class-validator';
import { MappingDefinitionDto } from './mapping-definition.dto';

export class RunMappingTestsDto implements RunMappingTestsRequest {
  @ApiPropertyOptional({ description: 'Test this definition instead of the saved draft' })
  @IsOptional()
  @ValidateNested()
  @Type(() => MappingDefinitionDto)
  definition?: MappingDefinition;
}
