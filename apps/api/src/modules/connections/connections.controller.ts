import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  CimcloudConnectionSummary,
  CONNECTION_KINDS,
  ConnectionKind,
  ConnectionsResponse,
  ConnectionTestResult,
  ShopifyConnectionSummary,
} from '@ferry/contracts';
import { RequireScope } from '../../core/auth/access-rule';
import { CurrentTenant } from '../../core/auth/current-tenant.decorator';
import { enumParam } from '../../core/http/enum-param';
import { TenantContext } from '../../core/tenancy/tenant-context';
import { ConnectionsService } from './connections.service';
import { CimcloudConnectionDto } from './dto/cimcloud-connection.dto';
import { ShopifyConnectionDto } from './dto/shopify-connection.dto';

const kindParam = (value: string): ConnectionKind => enumParam('kind', CONNECTION_KINDS, value);

@ApiTags('connections')
@Controller('connections')
export class ConnectionsController {
  constructor(private readonly connections: ConnectionsService) {}

  @Get()
  @RequireScope('connections:read')
  @ApiOperation({ summary: 'The Shopify and CIMcloud connections (secrets masked)' })
  list(@CurrentTenant() tenant: TenantContext): Promise<ConnectionsResponse> {
    return this.connections.list(tenant);
  }

  @Put('shopify')
  @RequireScope('connections:write')
  @ApiOperation({ summary: 'Save the Shopify connection (secrets write-only), then test it' })
  saveShopify(@CurrentTenant() tenant: TenantContext, @Body() body: ShopifyConnectionDto): Promise<ShopifyConnectionSummary> {
    return this.connections.saveShopify(tenant, body);
  }

  @Put('cimcloud')
  @RequireScope('connections:write')
  @ApiOperation({ summary: 'Save the CIMcloud connection (secrets write-only), then test it' })
  saveCimcloud(@CurrentTenant() tenant: TenantContext, @Body() body: CimcloudConnectionDto): Promise<CimcloudConnectionSummary> {
    return this.connections.saveCimcloud(tenant, body);
  }

  @Post(':kind/test')
  @RequireScope('connections:write')
  @HttpCode(200)
  @ApiOperation({ summary: 'Test a connection: Shopify shop, plan and scopes; CIMcloud validate' })
  test(@CurrentTenant() tenant: TenantContext, @Param('kind') kind: string): Promise<ConnectionTestResult> {
    return this.connections.test(tenant, kindParam(kind));
  }

  @Delete(':kind')
  @RequireScope('connections:write')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a connection and its secrets' })
  remove(@CurrentTenant() tenant: TenantContext, @Param('kind') kind: string): Promise<void> {
    return this.connections.remove(tenant, kindParam(kind));
  }
}
