import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CimcloudConnectionRequest } from '@ferry/contracts';
import { IsOptional, IsString, IsUrl, Matches, MaxLength, MinLength } from 'class-validator';

export class CimcloudConnectionDto implements CimcloudConnectionRequest {
  @ApiProperty({ example: 'acme' })
  @IsString()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$/, { message: 'must be the CIMcloud site name (letters, digits, - and _)' })
  siteName!: string;

  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  authUserName!: string;

  @ApiPropertyOptional({ description: 'write-only' })
  @IsOptional()
  @IsString()
  @MinLength(4)
  @MaxLength(500)
  authKey?: string;

  @ApiPropertyOptional({ description: 'write-only' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  authPassword?: string;

  @ApiPropertyOptional({ description: 'Only where the server allows it (FERRY_ALLOW_CONNECTOR_BASE_URLS)' })
  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true }, { message: 'must be an http(s) URL' })
  baseUrl?: string;
}
