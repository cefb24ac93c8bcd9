import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CreateApiKeyRequest, Scope, SCOPES } from '@ferry/contracts';
import { ArrayMinSize, ArrayUnique, IsArray, IsIn, IsISO8601, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

export class CreateApiKeyDto implements CreateApiKeyRequest {
  @ApiProperty({ example: 'ERP partner sync' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name!: string;

  @ApiProperty({ enum: SCOPES, isArray: true })
  @IsArray()
  @ArrayMinSize(1, { message: 'must name at least one scope' })
  @ArrayUnique()
  @IsIn(SCOPES, { each: true, message: `each must be one of ${SCOPES.join(', ')}` })
  scopes!: Scope[];

  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'must be an ISO 8601 date-time' })
  expiresAt?: string;
}
