import { InventoryPushStatus } from '@ferry/contracts';
import { EntityManager } from 'typeorm';

/** What a run made of one ERP stock level: one row per item × warehouse in inventory_pushes. */
export interface InventoryLedgerEntry {
  itemCode: string;
  warehouseCode: string;
  inventoryItemId: string | null;
  locationId: string | null;
  /** The quantity Ferry wants Shopify to show. */
  available: number;
  /** Set when Shopify now shows `available` (pushed, or found already equal); null keeps the last one. */
  syncedAvailable: number | null;
  status: InventoryPushStatus;
  error: string | null;
  erpUpdatedAt: string | null;
}

export interface InventoryLedgerRow {
  item_code: string;
  warehouse_code: string;
  available: number;
  last_pushed_available: number | null;
  status: InventoryPushStatus;
  erp_updated_at: Date | null;
}

/** The record key of a stock level in the error queue and the API. */
export const stockKey = (itemCode: string, warehouseCode: string): string => `${itemCode}@${warehouseCode}`;

/** Ledger rows of the given levels, keyed by stockKey. */
export async function readLedgerRows(m: EntityManager, tenantId: string, keys: ReadonlyArray<{ itemCode: string; warehouseCode: string }>): Promise<Map<string, InventoryLedgerRow>> {
  if (keys.length === 0) return new Map();
  const rows = (await m.query(
    `select p.item_code, p.warehouse_code, p.available, p.last_pushed_available, p.status, p.erp_updated_at
       from inventory_pushes p join unnest($2::text[], $3::text[]) as k(item_code, warehouse_code)
         on k.item_code = p.item_code and k.warehouse_code = p.warehouse_code
      where p.tenant_id = $1`,
    [tenantId, keys.map((k) => k.itemCode), keys.map((k) => k.warehouseCode)],
  )) as InventoryLedgerRow[];
  return new Map(rows.map((r) => [stockKey(r.item_code, r.warehouse_code), r]));
}

export async function writeLedgerEntry(m: EntityManager, tenantId: string, entry: InventoryLedgerEntry): Promise<void> {
  await m.query(
    `insert into inventory_pushes (tenant_id, item_code, warehouse_code, inventory_item_id, location_id, available, last_pushed_available, status, error, erp_updated_at, pushed_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, case when $8 = 'pushed' then now() end)
     on conflict (tenant_id, item_code, warehouse_code) do update set
       inventory_item_id = excluded.inventory_item_id, location_id = excluded.location_id, available = excluded.available,
       last_pushed_available = coalesce(excluded.last_pushed_available, inventory_pushes.last_pushed_available),
       status = excluded.status, error = excluded.error,
       erp_updated_at = greatest(excluded.erp_updated_at, inventory_pushes.erp_updated_at),
       pushed_at = coalesce(excluded.pushed_at, inventory_pushes.pushed_at), updated_at = now()`,
    [
      tenantId,
      entry.itemCode,
      entry.warehouseCode,
      entry.inventoryItemId,
      entry.locationId,
      entry.available,
      entry.syncedAvailable,
      entry.status,
      entry.error?.slice(0, 2000) ?? null,
      entry.erpUpdatedAt,
    ],
  );
}
