import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { OrderDefaultsResponse, OrderFilters } from '@ferry/contracts';
import { RequireScope } from '../../core/auth/access-rule';
import { CurrentTenant } from '../../core/auth/current-tenant.decorator';
import { problems } from '../../core/http/problem';
import { TenantContext } from '../../core/tenancy/tenant-context';
import { OrderFiltersDto } from './dto/order-filters.dto';
import { OrderSettingsService } from './order-settings.service';

@ApiTags('order-settings')
@Controller()
export class OrderSettingsController {
  constructor(private readonly settings: OrderSettingsService) {}

  @Get('order-defaults')
  @RequireScope('defaults:read')
  @ApiOperation({ summary: 'Default order values, with the ones the ERP does not know flagged' })
  getDefaults(@CurrentTenant() tenant: TenantContext): Promise<OrderDefaultsResponse> {
    return this.settings.getDefaults(tenant);
  }

  @Put('order-defaults')
  @RequireScope('defaults:write')
  @ApiOperation({ summary: 'Save default order values (Sage 100 rules: see ORDER_DEFAULT_FIELDS in the contracts)' })
  @ApiBody({ schema: { type: 'object', additionalProperties: true } })
  saveDefaults(@CurrentTenant() tenant: TenantContext, @Body() body: unknown): Promise<OrderDefaultsResponse> {
    // Checked field by field by checkOrderDefaults, the same function the admin form uses.
    if (typeof body !== 'object' || body === null || Array.isArray(body)) throw problems.badRequest('The body must be a JSON object of default values.');
    return this.settings.saveDefaults(tenant, body as Record<string, unknown>);
  }

  @Get('order-filters')
  @RequireScope('defaults:read')
  @ApiOperation({ summary: 'Which Shopify orders are imported' })
  getFilters(@CurrentTenant() tenant: TenantContext): Promise<OrderFilters> {
    return this.settings.getFilters(tenant);
  }

  @Put('order-filters')
  @RequireScope('defaults:write')
  @ApiOperation({ summary: 'Save the order filters' })
  saveFilters(@CurrentTenant() tenant: TenantContext, @Body() body: OrderFiltersDto): Promise<OrderFilters> {
    return this.settings.saveFilters(tenant, body);
  }
}
