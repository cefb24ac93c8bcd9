import { ApiPropertyOptional } from '@nestjs/swagger';
import { UpdateScheduleRequest } from '@ferry/contracts';
import { IsBoolean, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

export class UpdateScheduleDto implements UpdateScheduleRequest {
  @ApiPropertyOptional({ minimum: 1, maximum: 1440, description: 'Run every N minutes (1 minute to 24 hours)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1440)
  intervalMinutes?: number;

  @ApiPropertyOptional({ example: '*/15 * * * *', description: 'Cron expression, 5 fields, UTC' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  cron?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  paused?: boolean;
}
