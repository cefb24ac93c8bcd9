import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Page, TenantSummary } from '@ferry/contracts';
import { PlatformOperatorOnly, SignedIn } from '../../core/auth/access-rule';
import { CurrentPrincipal } from '../../core/auth/current-tenant.decorator';
import { Principal } from '../../core/auth/principal';
import { PageQueryDto } from '../../core/http/cursor-page';
import { uuidParam } from '../../core/http/uuid-param';
import { CreateTenantDto } from './dto/create-tenant.dto';
import { TenantsService } from './tenants.service';

@ApiTags('tenants')
@Controller('tenants')
export class TenantsController {
  constructor(private readonly tenants: TenantsService) {}

  @Get()
  @SignedIn()
  @ApiOperation({ summary: 'Tenants the caller can act in (operators: all)' })
  list(@CurrentPrincipal() principal: Principal, @Query() query: PageQueryDto): Promise<Page<TenantSummary>> {
    return this.tenants.list(principal, query);
  }

  @Get(':tenantId')
  @SignedIn()
  @ApiOperation({ summary: 'One tenant the caller can act in' })
  get(@CurrentPrincipal() principal: Principal, @Param('tenantId', uuidParam('tenantId')) id: string): Promise<TenantSummary> {
    return this.tenants.get(principal, id);
  }

  @Post()
  @PlatformOperatorOnly()
  @ApiOperation({ summary: 'Create a tenant (platform operators)' })
  create(@Body() body: CreateTenantDto): Promise<TenantSummary> {
    return this.tenants.create(body.name, body.slug);
  }
}
