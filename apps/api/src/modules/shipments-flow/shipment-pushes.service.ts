import { Injectable } from '@nestjs/common';
import { Page, ShipmentPushStatus, ShipmentPushSummary } from '@ferry/contracts';
import { isUUID } from 'class-validator';
import { cursorAtSql, decodeCursor, PageQueryDto, readPage } from '../../core/http/cursor-page';
import { problems } from '../../core/http/problem';
import { DbContextRunner } from '../../core/tenancy/db-context-runner';
import { TenantContext } from '../../core/tenancy/tenant-context';
import { ShipmentRow, toShipment } from '../pass-through-orders/order-shipments';

interface PushRow extends ShipmentRow {
  order_number: string;
  order_id: string | null;
  shopify_order_name: string | null;
  cursorAt: string;
}

export interface ShipmentPushesFilter {
  status?: ShipmentPushStatus;
  /** An exact ERP order number, invoice number or tracking number. */
  search?: string;
}

/**
 * One page of the ledger, newest first. Parameters: tenant, status, search, cursor time, cursor
 * id, rows to read. Search is by equality only: under FORCEd row-level security PostgreSQL uses
 * an index just for leakproof operators.
 */
export const SHIPMENT_PUSHES_PAGE_SQL = `
  select s.id, s.invoice_no, s.package_no, s.ship_via, s.tracking_number, s.status, s.fulfillment_id, s.error, s.source_payload, s.mapped_payload,
         s.created_at, s.updated_at, s.order_number, o.id as order_id, o.shopify_order_name, ${cursorAtSql('s.created_at')} as "cursorAt"
    from shipment_pushes s
    -- The shipments flow finds the order by its CIMcloud order number; the latest order sent under it wins.
    left join lateral (
      select p.id, p.shopify_order_name from pass_through_orders p
       where p.tenant_id = s.tenant_id and p.order_number = s.order_number
       order by p.created_at desc limit 1) o on true
   where s.tenant_id = $1 and ($2::text is null or s.status = $2)
     and ($3::text is null or s.order_number = $3 or s.invoice_no = $3 or s.tracking_number = $3)
     and ($4::timestamptz is null or (s.created_at, s.id) < ($4::timestamptz, $5::uuid))
   order by s.created_at desc, s.id desc limit $6`;

/** The shipments ledger as the monitor reads it: newest package first, with the order it belongs to. */
@Injectable()
export class ShipmentPushesService {
  constructor(private readonly db: DbContextRunner) {}

  list(tenant: TenantContext, filter: ShipmentPushesFilter, page: PageQueryDto): Promise<Page<ShipmentPushSummary>> {
    const search = filter.search?.trim() || null;
    // The cursor's id is cast to uuid in SQL: a forged one must be a 400, not a 500.
    const cursorId = decodeCursor(page.cursor)?.id;
    if (cursorId !== undefined && !isUUID(cursorId)) throw problems.badRequest('is not a cursor returned by this endpoint', 'cursor');
    return this.db.forTenant(tenant, (m) =>
      readPage<PushRow, ShipmentPushSummary>(
        page,
        (after, take) => m.query(SHIPMENT_PUSHES_PAGE_SQL, [tenant.tenantId, filter.status ?? null, search, after?.createdAt ?? null, after?.id ?? null, take]),
        toSummary,
      ),
    );
  }
}

function toSummary(row: PushRow): ShipmentPushSummary {
  return { ...toShipment(row), orderNumber: row.order_number, shopifyOrderName: row.shopify_order_name, orderId: row.order_id };
}
