import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiKeySummary, CreatedApiKey, Page } from '@ferry/contracts';
import { RequireScope } from '../../core/auth/access-rule';
import { CurrentTenant } from '../../core/auth/current-tenant.decorator';
import { PageQueryDto } from '../../core/http/cursor-page';
import { uuidParam } from '../../core/http/uuid-param';
import { TenantContext } from '../../core/tenancy/tenant-context';
import { ApiKeysService } from './api-keys.service';
import { CreateApiKeyDto } from './dto/create-api-key.dto';

@ApiTags('api-keys')
@Controller('api-keys')
export class ApiKeysController {
  constructor(private readonly apiKeys: ApiKeysService) {}

  @Get()
  @RequireScope('api_keys:read')
  @ApiOperation({ summary: "The tenant's API keys (never their secrets)" })
  list(@CurrentTenant() tenant: TenantContext, @Query() query: PageQueryDto): Promise<Page<ApiKeySummary>> {
    return this.apiKeys.list(tenant, query);
  }

  @Post()
  @RequireScope('api_keys:write')
  @ApiOperation({ summary: 'Create an API key; the token is shown in this answer only' })
  create(@CurrentTenant() tenant: TenantContext, @Body() body: CreateApiKeyDto): Promise<CreatedApiKey> {
    return this.apiKeys.create(tenant, body.name, body.scopes, body.expiresAt);
  }

  @Delete(':apiKeyId')
  @RequireScope('api_keys:write')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke an API key' })
  revoke(@CurrentTenant() tenant: TenantContext, @Param('apiKeyId', uuidParam('apiKeyId')) id: string): Promise<void> {
    return this.apiKeys.revoke(tenant, id);
  }
}
