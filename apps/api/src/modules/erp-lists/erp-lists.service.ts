import { Injectable } from '@nestjs/common';
import { ERP_LIST_KINDS, ErpListEntry, ErpListKind, ErpListSummary, OrderDefaults, ORDER_DEFAULT_FIELDS, UnknownErpValue } from '@ferry/contracts';
import { CimcloudClient } from '@ferry/cimcloud';
import { EntityManager } from 'typeorm';
import { recordAudit } from '../../core/audit/audit-log';
import { problems } from '../../core/http/problem';
import { DbContextRunner } from '../../core/tenancy/db-context-runner';
import { TenantContext } from '../../core/tenancy/tenant-context';
import { ConnectorClients } from '../connections/connector-clients';

/** Customers are keyed by division and number in the ERP; the cache keeps them as `01-ABF`. */
export const customerCode = (divisionNo: string, customerNo: string) => `${divisionNo}-${customerNo}`;

/**
 * The ERP's own lists (customers, terms, tax schedules, ship-vias, warehouses, items), read
 * through CIMcloud and cached per tenant: pages are read once per refresh, never per request,
 * because CIMcloud allows only 100 calls per 15 minutes.
 */
@Injectable()
export class ErpListsService {
  constructor(
    private readonly db: DbContextRunner,
    private readonly clients: ConnectorClients,
  ) {}

  summaries(tenant: TenantContext): Promise<ErpListSummary[]> {
    return this.db.forTenant(tenant, async (m) => {
      const rows = (await m.query('select kind, entry_count, refreshed_at from erp_list_refreshes where tenant_id = $1', [tenant.tenantId])) as Array<{
        kind: ErpListKind;
        entry_count: number;
        refreshed_at: Date;
      }>;
      return ERP_LIST_KINDS.map((kind) => {
        const row = rows.find((r) => r.kind === kind);
        return { kind, count: row?.entry_count ?? 0, refreshedAt: row?.refreshed_at.toISOString() ?? null };
      });
    });
  }

  search(tenant: TenantContext, kind: ErpListKind, q: string | undefined, limit: number): Promise<ErpListEntry[]> {
    return this.db.forTenant(tenant, async (m) =>
      (await m.query(
        `select code, description from erp_list_entries
          where tenant_id = $1 and kind = $2 and ($3::text is null or code ilike $3 || '%' or description ilike '%' || $3 || '%')
          order by code limit $4`,
        [tenant.tenantId, kind, q?.trim() || null, limit],
      )) as ErpListEntry[],
    );
  }

  /** Reads every list from the ERP and replaces the cache (one transaction per list). */
  async refresh(tenant: TenantContext): Promise<ErpListSummary[]> {
    const connection = await this.clients.cimcloud(tenant.tenantId);
    if (!connection) throw problems.conflict('Connect CIMcloud first: the ERP lists are read through it.');
    const lists = await readLists(connection.client);
    await this.db.forTenant(tenant, async (m) => {
      for (const kind of ERP_LIST_KINDS) await replaceList(m, tenant.tenantId, kind, lists[kind]);
      await recordAudit(m, tenant, {
        action: 'erp_lists.refreshed',
        targetType: 'erp_lists',
        targetId: null,
        details: Object.fromEntries(ERP_LIST_KINDS.map((k) => [k, lists[k].length])),
      });
    });
    return this.summaries(tenant);
  }

  /** Default values that the ERP's (refreshed) lists do not contain: the import would reject them. */
  async unknownValues(m: EntityManager, tenantId: string, values: OrderDefaults): Promise<UnknownErpValue[]> {
    const unknown: UnknownErpValue[] = [];
    const refreshed = (await m.query('select kind from erp_list_refreshes where tenant_id = $1', [tenantId])) as Array<{ kind: ErpListKind }>;
    for (const field of ORDER_DEFAULT_FIELDS) {
      const value = values[field.key];
      if (!field.erpList || typeof value !== 'string' || !refreshed.some((r) => r.kind === field.erpList)) continue;
      const code = field.erpList === 'customers' ? customerCode(values.divisionNo, value) : value;
      const found = await m.query('select 1 from erp_list_entries where tenant_id = $1 and kind = $2 and code = $3', [tenantId, field.erpList, code]);
      if (found.length === 0) unknown.push({ field: field.key, value, list: field.erpList });
    }
    return unknown;
  }
}

async function readLists(client: CimcloudClient): Promise<Record<ErpListKind, ErpListEntry[]>> {
  const items: ErpListEntry[] = [];
  for await (const page of client.productPages()) items.push(...page.map((p) => ({ code: p.sku, description: p.name ?? '' })));
  const [customers, terms, taxSchedules, shipVias, warehouses] = await Promise.all([
    client.customers(),
    client.termsCodes(),
    client.taxSchedules(),
    client.shipVias(),
    client.warehouses(),
  ]);
  const codes = (list: Array<{ code: string; description?: string }>) => list.map((e) => ({ code: e.code, description: e.description ?? '' }));
  return {
    customers: customers.map((c) => ({ code: customerCode(c.divisionNo ?? '00', c.customerNo), description: c.name ?? '' })),
    terms: codes(terms),
    tax_schedules: codes(taxSchedules),
    ship_vias: codes(shipVias),
    warehouses: codes(warehouses),
    items,
  };
}

async function replaceList(m: EntityManager, tenantId: string, kind: ErpListKind, entries: ErpListEntry[]): Promise<void> {
  await m.query('delete from erp_list_entries where tenant_id = $1 and kind = $2', [tenantId, kind]);
  const unique = [...new Map(entries.map((e) => [e.code, e])).values()];
  for (let i = 0; i < unique.length; i += 1000) {
    const chunk = unique.slice(i, i + 1000);
    await m.query(
      `insert into erp_list_entries (tenant_id, kind, code, description) select $1, $2, code, description from unnest($3::text[], $4::text[]) as v(code, description)`,
      [tenantId, kind, chunk.map((e) => e.code), chunk.map((e) => e.description)],
    );
  }
  await m.query(
    `insert into erp_list_refreshes (tenant_id, kind, entry_count, refreshed_at) values ($1, $2, $3, now())
     on conflict (tenant_id, kind) do update set entry_count = excluded.entry_count, refreshed_at = excluded.refreshed_at`,
    [tenantId, kind, unique.length],
  );
}
