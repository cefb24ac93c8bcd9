import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Min } from 'class-validator';

export class VersionDiffQueryDto {
  @ApiPropertyOptional({ description: 'The version to compare with (default: the one before)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be a version number' })
  @Min(1)
  against?: number;
}
