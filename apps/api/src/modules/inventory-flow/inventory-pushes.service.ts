import { Injectable } from '@nestjs/common';
import { InventoryPushStatus, InventoryPushSummary, Page } from '@ferry/contracts';
import { cursorAtSql, PageQueryDto, readPage } from '../../core/http/cursor-page';
import { DbContextRunner } from '../../core/tenancy/db-context-runner';
import { TenantContext } from '../../core/tenancy/tenant-context';

interface PushRow {
  id: string;
  item_code: string;
  warehouse_code: string;
  inventory_item_id: string | null;
  location_id: string | null;
  available: number;
  last_pushed_available: number | null;
  status: InventoryPushStatus;
  error: string | null;
  erp_updated_at: Date | null;
  pushed_at: Date | null;
  updated_at: Date;
  cursorAt: string;
}

export interface InventoryPushesFilter {
  status?: InventoryPushStatus;
  /** Part of an item code, or a warehouse code. */
  q?: string;
}

/** The inventory ledger as the monitor reads it: most recently settled first. */
@Injectable()
export class InventoryPushesService {
  constructor(private readonly db: DbContextRunner) {}

  list(tenant: TenantContext, filter: InventoryPushesFilter, page: PageQueryDto): Promise<Page<InventoryPushSummary>> {
    const q = filter.q?.trim() || null;
    return this.db.forTenant(tenant, (m) =>
      readPage<PushRow, InventoryPushSummary>(
        page,
        (after, take) =>
          m.query(
            `select * from (
               select item_code || '@' || warehouse_code as id, item_code, warehouse_code, inventory_item_id, location_id, available, last_pushed_available,
                      status, error, erp_updated_at, pushed_at, updated_at, ${cursorAtSql('updated_at')} as "cursorAt"
                 from inventory_pushes
                where tenant_id = $1 and ($2::text is null or status = $2)
                  and ($3::text is null or item_code ilike '%' || $3 || '%' or warehouse_code = $3)) p
              where ($4::timestamptz is null or (p.updated_at, p.id) < ($4::timestamptz, $5::text))
              order by p.updated_at desc, p.id desc limit $6`,
            [tenant.tenantId, filter.status ?? null, q, after?.createdAt ?? null, after?.id ?? null, take],
          ),
        toSummary,
      ),
    );
  }
}

function toSummary(row: PushRow): InventoryPushSummary {
  return {
    id: row.id,
    itemCode: row.item_code,
    warehouseCode: row.warehouse_code,
    inventoryItemId: row.inventory_item_id,
    locationId: row.location_id,
    available: row.available,
    lastPushedAvailable: row.last_pushed_available,
    status: row.status,
    error: row.error,
    erpUpdatedAt: row.erp_updated_at?.toISOString() ?? null,
    pushedAt: row.pushed_at?.toISOString() ?? null,
    updatedAt: row.updated_at.toISOString(),
  };
}
