import { ApiPropertyOptional } from '@nestjs/swagger';
import { MappingSampleQuery } from '@ferry/contracts';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Max, Min, MaxLength } from 'class-validator';

export const SAMPLE_STATUSES = ['all', 'failed'] as const;

export class MappingSamplesQueryDto implements MappingSampleQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;

  @ApiPropertyOptional({ enum: SAMPLE_STATUSES })
  @IsOptional()
  @IsIn(SAMPLE_STATUSES, { message: `must be one of ${SAMPLE_STATUSES.join(', ')}` })
  status?: 'all' | 'failed';

  @ApiPropertyOptional({ description: 'Shopify order name (orders), order number or item code' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  search?: string;

  @ApiPropertyOptional({ description: 'The record of this open error (fix and replay)' })
  @IsOptional()
  @IsUUID('all', { message: 'must be an error id (UUID)' })
  errorId?: string;
}
