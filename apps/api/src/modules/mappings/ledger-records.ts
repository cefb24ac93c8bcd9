import { Flow, InventoryMappingInput, ShipmentMappingInput } from '@ferry/contracts';
import { EntityManager } from 'typeorm';

/** A real record of a flow as its ledger holds it: what the sync read and what it made of it. */
export interface LedgerRecord {
  /** Ledger row id (inventory rows have none: `item@warehouse`). */
  id: string;
  /** The error queue's key of the record. */
  recordKey: string;
  label: string;
  status: string;
  occurredAt: string;
  /** When the sync last mapped (or tried to map) it: the `$runAt` to evaluate it with. */
  mappedAt: string;
  input: unknown;
  output: unknown | null;
  mappedWithVersion: number | null;
}

export interface LedgerQuery {
  limit: number;
  /** Only records that failed (in Ferry or in the ERP). */
  failedOnly?: boolean;
  /** Only records a sync mapped (orders skipped by a filter never were; every inventory row was). */
  mappedOnly?: boolean;
  /** Shopify order name, CIMcloud order number, invoice or item code, partial. */
  search?: string;
  /** Only these records (error queue keys). */
  recordKeys?: readonly string[];
}

interface RawRow {
  id: string;
  record_key: string;
  label: string;
  status: string;
  occurred_at: Date;
  mapped_at: Date;
  source_payload: unknown;
  mapped_payload: unknown | null;
  version: number | null;
}

/** Rows of a shipments ledger source: the ERP package as read (see shipment-groups.ts). */
interface StoredPackage {
  invoiceNo: string;
  packageNo: string;
  trackingNumber: string | null;
  shipVia: string | null;
  lines: Array<{ item_code: string; quantity: number }>;
}

const likePattern = (search: string | undefined): string | null => (search ? `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null);

/**
 * The most recent records of a flow, newest first, as mapping input. Orders map from the
 * stored Shopify order exactly as a sync run does. Shipments and inventory are rebuilt from
 * their ledger rows: the live Shopify state a run adds (fulfillment orders, on-hand and
 * committed quantities) is not stored, so those inputs carry what the ledger knows.
 */
export async function readLedgerRecords(m: EntityManager, tenantId: string, flow: Flow, query: LedgerQuery): Promise<LedgerRecord[]> {
  const params = [tenantId, query.failedOnly ?? false, likePattern(query.search), query.recordKeys ? [...query.recordKeys] : null, query.limit, query.mappedOnly ?? false];
  if (flow === 'orders') {
    const rows = (await m.query(
      `select o.id, o.shopify_order_id as record_key, o.shopify_order_name as label, o.status, o.shopify_created_at as occurred_at, o.updated_at as mapped_at,
              o.source_payload, o.mapped_payload, v.version
         from pass_through_orders o left join mapping_versions v on v.id = o.mapping_version_id
        where o.tenant_id = $1 and (not $2 or o.status in ('failed', 'import_failed')) and ($3::text is null or o.shopify_order_name ilike $3)
          and ($4::text[] is null or o.shopify_order_id = any($4)) and (not $6 or o.status <> 'skipped')
        order by o.created_at desc, o.id desc limit $5`,
      params,
    )) as RawRow[];
    return rows.map((r) => toRecord(r, r.source_payload));
  }
  if (flow === 'shipments') {
    const rows = (await m.query(
      `select s.id, s.shipment_key as record_key, s.order_number || ' / ' || s.invoice_no || '-' || s.package_no as label, s.status, s.created_at as occurred_at,
              s.updated_at as mapped_at, s.source_payload, s.mapped_payload, v.version, o.shopify_order_id, o.shopify_order_name
         from shipment_pushes s left join mapping_versions v on v.id = s.mapping_version_id
         left join pass_through_orders o on o.tenant_id = s.tenant_id and o.order_number = s.order_number
        where s.tenant_id = $1 and (not $2 or s.status = 'failed') and ($3::text is null or s.order_number ilike $3 or s.invoice_no ilike $3)
          and ($4::text[] is null or s.shipment_key = any($4)) and (not $6 or s.status <> 'skipped')
        order by s.created_at desc, s.id desc limit $5`,
      params,
    )) as Array<RawRow & { shopify_order_id: string | null; shopify_order_name: string | null }>;
    return rows.map((r) => {
      const pkg = r.source_payload as StoredPackage;
      const input: ShipmentMappingInput = {
        shipment: {
          invoice_no: pkg.invoiceNo,
          package_no: pkg.packageNo,
          ...(pkg.trackingNumber ? { tracking_number: pkg.trackingNumber } : {}),
          ...(pkg.shipVia ? { ship_via: pkg.shipVia } : {}),
          lines: pkg.lines ?? [],
        },
        order: { id: r.shopify_order_id ?? '', name: r.shopify_order_name ?? '' },
        fulfillmentOrders: [],
      };
      return toRecord(r, input);
    });
  }
  const rows = (await m.query(
    `select p.item_code || '@' || p.warehouse_code as id, p.item_code || '@' || p.warehouse_code as record_key, p.item_code || ' @ ' || p.warehouse_code as label,
            p.status, coalesce(p.erp_updated_at, p.updated_at) as occurred_at, p.updated_at as mapped_at, p.item_code, p.warehouse_code, p.available,
            p.last_pushed_available, p.inventory_item_id, p.location_id, null::jsonb as source_payload, null::jsonb as mapped_payload, null::int as version
       from inventory_pushes p
      where p.tenant_id = $1 and (not $2 or p.status in ('failed', 'sku_not_matched', 'duplicate_sku', 'location_not_matched'))
        and ($3::text is null or p.item_code ilike $3) and ($4::text[] is null or p.item_code || '@' || p.warehouse_code = any($4))
      order by p.updated_at desc, p.item_code, p.warehouse_code limit $5`,
    params.slice(0, 5),
  )) as Array<
    RawRow & { item_code: string; warehouse_code: string; available: number; last_pushed_available: number | null; inventory_item_id: string | null; location_id: string | null }
  >;
  return rows.map((r) => {
    const input: InventoryMappingInput = {
      stock: { item_code: r.item_code, warehouse: r.warehouse_code, on_hand: r.available, committed: 0, available: r.available, updated_at: r.occurred_at.toISOString() },
      ...(r.inventory_item_id ? { inventoryItemId: r.inventory_item_id } : {}),
      ...(r.location_id ? { locationId: r.location_id } : {}),
      ...(r.last_pushed_available === null ? {} : { currentAvailable: r.last_pushed_available }),
    };
    return toRecord(r, input);
  });
}

function toRecord(row: RawRow, input: unknown): LedgerRecord {
  return {
    id: row.id,
    recordKey: row.record_key,
    label: row.label,
    status: row.status,
    occurredAt: row.occurred_at.toISOString(),
    mappedAt: row.mapped_at.toISOString(),
    input,
    output: row.mapped_payload,
    mappedWithVersion: row.version,
  };
}
