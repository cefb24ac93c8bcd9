import { ApiPropertyOptional } from '@nestjs/swagger';
import { RollbackMappingRequest } from '@ferry/contracts';
import { IsOptional, IsString, MaxLength } from 'class-validator';

export class RollbackMappingDto implements RollbackMappingRequest {
  @ApiPropertyOptional({ description: 'Added to the version note "Rollback to version N"' })
  @IsOptional()
  @IsString()
  @MaxLength(400)
  note?: string;
}
