import { Injectable } from '@nestjs/common';
import { SkuReport } from '@ferry/contracts';
import { listVariants } from '@ferry/shopify';
import { toCsv } from '../../core/http/csv';
import { problems } from '../../core/http/problem';
import { DbContextRunner } from '../../core/tenancy/db-context-runner';
import { TenantContext } from '../../core/tenancy/tenant-context';
import { ConnectorClients } from '../connections/connector-clients';

/** Shopify's SKUs against the ERP item master (cached ERP list `items`): what will not match. */
@Injectable()
export class SkuReportService {
  constructor(
    private readonly db: DbContextRunner,
    private readonly clients: ConnectorClients,
  ) {}

  async build(tenant: TenantContext): Promise<SkuReport> {
    const connection = await this.clients.shopify(tenant.tenantId);
    if (!connection) throw problems.conflict('Connect Shopify first: the report reads its product variants.');
    const items = await this.db.forTenant(tenant, async (m) => {
      const refreshed = await m.query(`select 1 from erp_list_refreshes where tenant_id = $1 and kind = 'items'`, [tenant.tenantId]);
      if (refreshed.length === 0) throw problems.conflict('Refresh the ERP lists first: the report compares with the ERP item master.');
      return ((await m.query(`select code from erp_list_entries where tenant_id = $1 and kind = 'items'`, [tenant.tenantId])) as Array<{ code: string }>).map((r) => r.code);
    });
    const perSku = new Map<string, number>();
    const blanks: SkuReport['blanks'] = [];
    let variants = 0;
    for await (const page of listVariants(connection.client)) {
      for (const variant of page) {
        variants++;
        const sku = variant.sku?.trim();
        if (!sku) blanks.push({ variantId: variant.id, title: variant.displayName });
        else perSku.set(sku, (perSku.get(sku) ?? 0) + 1);
      }
    }
    const erpItems = new Set(items);
    const shopifyOnly = [...perSku.keys()].filter((sku) => !erpItems.has(sku)).sort();
    const erpOnly = items.filter((code) => !perSku.has(code)).sort();
    const duplicates = [...perSku.entries()].filter(([, n]) => n > 1).map(([sku, n]) => ({ sku, variants: n })).sort((a, b) => a.sku.localeCompare(b.sku));
    return {
      generatedAt: new Date().toISOString(),
      counts: {
        shopifyVariants: variants,
        erpItems: erpItems.size,
        matched: [...perSku.keys()].filter((sku) => erpItems.has(sku)).length,
        shopifyOnly: shopifyOnly.length,
        erpOnly: erpOnly.length,
        duplicates: duplicates.length,
        blanks: blanks.length,
      },
      shopifyOnly,
      erpOnly,
      duplicates,
      blanks,
    };
  }
}

/** One row per finding: `problem,sku,detail` — opens in any spreadsheet. */
export function skuReportCsv(report: SkuReport): string {
  const rows: string[][] = [['problem', 'sku', 'detail']];
  for (const sku of report.shopifyOnly) rows.push(['not in ERP item master', sku, '']);
  for (const sku of report.erpOnly) rows.push(['not in Shopify', sku, '']);
  for (const d of report.duplicates) rows.push(['duplicate SKU in Shopify', d.sku, `${d.variants} variants`]);
  for (const b of report.blanks) rows.push(['variant without SKU', '', `${b.title} (${b.variantId})`]);
  return toCsv(rows);
}
