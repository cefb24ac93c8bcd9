import { ApiPropertyOptional } from '@nestjs/swagger';
import { MappingDefinition, MappingImpactRequest } from '@ferry/contracts';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min, ValidateNested } from 'class-validator';
import { MappingDefinitionDto } from './mapping-definition.dto';

/** Records an impact preview maps at most (each with two versions). */
export const MAX_IMPACT_RECORDS = 500;
export const DEFAULT_IMPACT_RECORDS = 50;

export class MappingImpactDto implements MappingImpactRequest {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_IMPACT_RECORDS, default: DEFAULT_IMPACT_RECORDS })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_IMPACT_RECORDS)
  limit?: number;

  @ApiPropertyOptional({ description: 'Preview this definition instead of the saved draft' })
  @IsOptional()
  @ValidateNested()
  @Type(() => MappingDefinitionDto)
  definition?: MappingDefinition;
}
