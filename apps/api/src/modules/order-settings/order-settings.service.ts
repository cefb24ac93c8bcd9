import { Injectable } from '@nestjs/common';
import { checkOrderDefaults, DEFAULT_ORDER_FILTERS, OrderDefaults, OrderDefaultsResponse, OrderFilters } from '@ferry/contracts';
import { EntityManager } from 'typeorm';
import { recordAudit } from '../../core/audit/audit-log';
import { problems } from '../../core/http/problem';
import { DbContextRunner } from '../../core/tenancy/db-context-runner';
import { TenantContext } from '../../core/tenancy/tenant-context';
import { ErpListsService } from '../erp-lists/erp-lists.service';

interface SettingsRow {
  defaults: OrderDefaults | null;
  filters: OrderFilters | null;
  updated_at: Date;
}

/** The tenant's default order values ($defaults of the orders mapping) and order filters. */
@Injectable()
export class OrderSettingsService {
  constructor(
    private readonly db: DbContextRunner,
    private readonly erpLists: ErpListsService,
  ) {}

  getDefaults(tenant: TenantContext): Promise<OrderDefaultsResponse> {
    return this.db.forTenant(tenant, async (m) => {
      const row = await this.row(m, tenant.tenantId);
      return {
        values: row?.defaults ?? null,
        unknownToErp: row?.defaults ? await this.erpLists.unknownValues(m, tenant.tenantId, row.defaults) : [],
        updatedAt: row?.updated_at.toISOString() ?? null,
      };
    });
  }

  /** Checks every field by the Sage 100 rules; saves only when all pass. */
  async saveDefaults(tenant: TenantContext, input: Record<string, unknown>): Promise<OrderDefaultsResponse> {
    const { values, errors } = checkOrderDefaults(input);
    if (errors.length) throw problems.validation(errors);
    await this.db.forTenant(tenant, async (m) => {
      await m.query(
        `insert into order_settings (tenant_id, defaults, updated_at) values ($1, $2::jsonb, now())
         on conflict (tenant_id) do update set defaults = excluded.defaults, updated_at = now()`,
        [tenant.tenantId, JSON.stringify(values)],
      );
      await recordAudit(m, tenant, { action: 'order_defaults.saved', targetType: 'order_defaults', targetId: null, details: { ...values } });
    });
    return this.getDefaults(tenant);
  }

  getFilters(tenant: TenantContext): Promise<OrderFilters> {
    return this.db.forTenant(tenant, async (m) => (await this.row(m, tenant.tenantId))?.filters ?? DEFAULT_ORDER_FILTERS);
  }

  async saveFilters(tenant: TenantContext, filters: OrderFilters): Promise<OrderFilters> {
    const normalized: OrderFilters = { ...filters, skipTags: [...new Set(filters.skipTags.map((t) => t.trim()).filter(Boolean))] };
    await this.db.forTenant(tenant, async (m) => {
      await m.query(
        `insert into order_settings (tenant_id, filters, updated_at) values ($1, $2::jsonb, now())
         on conflict (tenant_id) do update set filters = excluded.filters, updated_at = now()`,
        [tenant.tenantId, JSON.stringify(normalized)],
      );
      await recordAudit(m, tenant, { action: 'order_filters.saved', targetType: 'order_filters', targetId: null, details: { ...normalized } });
    });
    return normalized;
  }

  private async row(m: EntityManager, tenantId: string): Promise<SettingsRow | undefined> {
    return ((await m.query('select defaults, filters, updated_at from order_settings where tenant_id = $1', [tenantId])) as SettingsRow[])[0];
  }
}
