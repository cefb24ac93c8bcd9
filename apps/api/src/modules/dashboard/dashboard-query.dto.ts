import { ApiPropertyOptional } from '@nestjs/swagger';
import { DASHBOARD_MAX_HOURS } from '@ferry/contracts';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** `?hours=`: how many hours back the dashboard reaches (the current hour included). */
export class DashboardQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: DASHBOARD_MAX_HOURS, default: 24 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number of hours' })
  @Min(1)
  @Max(DASHBOARD_MAX_HOURS)
  hours?: number;
}
