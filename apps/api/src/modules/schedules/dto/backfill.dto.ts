import { ApiProperty } from '@nestjs/swagger';
import { BackfillRequest } from '@ferry/contracts';
import { IsISO8601 } from 'class-validator';

export class BackfillDto implements BackfillRequest {
  @ApiProperty({ format: 'date-time', example: '2026-11-01T00:00:00Z' })
  @IsISO8601({}, { message: 'must be an ISO 8601 date or date-time' })
  since!: string;
}
