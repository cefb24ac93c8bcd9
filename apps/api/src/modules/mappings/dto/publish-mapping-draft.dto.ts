import { ApiPropertyOptional } from '@nestjs/swagger';
import { PublishMappingDraftRequest } from '@ferry/contracts';
import { IsBoolean, IsOptional, IsString, MaxLength } from 'class-validator';

export class PublishMappingDraftDto implements PublishMappingDraftRequest {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;

  @ApiPropertyOptional({ description: 'Publish even though records that map validly now would break' })
  @IsOptional()
  @IsBoolean()
  confirmBreaking?: boolean;
}
