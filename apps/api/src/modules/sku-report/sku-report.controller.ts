import { Controller, Get, Header } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { SkuReport } from '@ferry/contracts';
import { RequireScope } from '../../core/auth/access-rule';
import { CurrentTenant } from '../../core/auth/current-tenant.decorator';
import { TenantContext } from '../../core/tenancy/tenant-context';
import { skuReportCsv, SkuReportService } from './sku-report.service';

@ApiTags('sku-report')
@Controller()
export class SkuReportController {
  constructor(private readonly report: SkuReportService) {}

  @Get('sku-report')
  @RequireScope('connections:read')
  @ApiOperation({ summary: 'Shopify SKUs vs the ERP item master: missing on either side, duplicates, blanks' })
  get(@CurrentTenant() tenant: TenantContext): Promise<SkuReport> {
    return this.report.build(tenant);
  }

  @Get('sku-report.csv')
  @RequireScope('connections:read')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="sku-report.csv"')
  @ApiProduces('text/csv')
  @ApiOperation({ summary: 'The SKU report as CSV' })
  async csv(@CurrentTenant() tenant: TenantContext): Promise<string> {
    return skuReportCsv(await this.report.build(tenant));
  }
}
