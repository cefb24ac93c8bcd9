import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SHOPIFY_AUTH_MODES, ShopifyAuthMode, ShopifyConnectionRequest } from '@ferry/contracts';
import { IsIn, IsOptional, IsString, IsUrl, Matches, MaxLength, MinLength } from 'class-validator';

export class ShopifyConnectionDto implements ShopifyConnectionRequest {
  @ApiProperty({ example: 'acme.myshopify.com' })
  @IsString()
  @Matches(/^[a-z0-9][a-z0-9-]{0,60}\.myshopify\.com$/, { message: 'must be the shop\'s myshopify.com domain, e.g. acme.myshopify.com' })
  shopDomain!: string;

  @ApiProperty({ enum: SHOPIFY_AUTH_MODES })
  @IsIn(SHOPIFY_AUTH_MODES, { message: `must be one of ${SHOPIFY_AUTH_MODES.join(', ')}` })
  authMode!: ShopifyAuthMode;

  @ApiPropertyOptional({ description: 'Admin API access token (shpat_…), write-only' })
  @IsOptional()
  @IsString()
  @MinLength(10)
  @MaxLength(500)
  accessToken?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(4)
  @MaxLength(200)
  clientId?: string;

  @ApiPropertyOptional({ description: 'write-only' })
  @IsOptional()
  @IsString()
  @MinLength(8)
  @MaxLength(500)
  clientSecret?: string;

  @ApiPropertyOptional({ description: 'Webhook signing secret, write-only' })
  @IsOptional()
  @IsString()
  @MinLength(8)
  @MaxLength(500)
  webhookSecret?: string;

  @ApiPropertyOptional({ description: 'Only where the server allows it (FERRY_ALLOW_CONNECTOR_BASE_URLS)' })
  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true }, { message: 'must be an http(s) URL' })
  adminBaseUrl?: string;
}
