import { ApiPropertyOptional } from '@nestjs/swagger';
import { MappingReplayRequest } from '@ferry/contracts';
import { ArrayMaxSize, IsArray, IsOptional, IsUUID } from 'class-validator';

export class MappingReplayDto implements MappingReplayRequest {
  @ApiPropertyOptional({ type: [String], description: 'Error ids to retry; omitted: every error the active version resolves' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true, message: 'must be a list of error ids (UUIDs)' })
  errorIds?: string[];
}
