import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Dashboard } from '@ferry/contracts';
import { RequireScope } from '../../core/auth/access-rule';
import { CurrentTenant } from '../../core/auth/current-tenant.decorator';
import { TenantContext } from '../../core/tenancy/tenant-context';
import { DashboardQueryDto } from './dashboard-query.dto';
import { DashboardService } from './dashboard.service';

@ApiTags('dashboard')
@Controller('dashboard')
export class DashboardController {
  constructor(private readonly dashboard: DashboardService) {}

  @Get()
  @RequireScope('orders:read')
  @ApiOperation({ summary: 'The sync per hour: orders synced and failed, error rate, order latency, upstream throttling; open errors by category' })
  get(@CurrentTenant() tenant: TenantContext, @Query() query: DashboardQueryDto): Promise<Dashboard> {
    return this.dashboard.read(tenant, query.hours ?? 24);
  }
}
