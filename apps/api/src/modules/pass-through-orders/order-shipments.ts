import { OrderShipment, ShipmentPushStatus } from '@ferry/contracts';
import { EntityManager } from 'typeorm';

export interface ShipmentRow {
  id: string;
  invoice_no: string;
  package_no: string;
  ship_via: string | null;
  tracking_number: string | null;
  status: ShipmentPushStatus;
  fulfillment_id: string | null;
  error: string | null;
  source_payload: { lines?: Array<{ item_code?: unknown; quantity?: unknown }> } | null;
  mapped_payload: { trackingInfo?: { number?: unknown; company?: unknown; url?: unknown } } | null;
  created_at: Date;
  updated_at: Date;
}

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

/**
 * An order's shipments and fulfillments (the shipment_pushes ledger). The shipments flow
 * finds the Shopify order by the CIMcloud order number, so that is the link here too.
 */
export async function readOrderShipments(m: EntityManager, tenantId: string, orderNumber: string | null): Promise<OrderShipment[]> {
  if (!orderNumber) return [];
  const rows = (await m.query(
    `select id, invoice_no, package_no, ship_via, tracking_number, status, fulfillment_id, error, source_payload, mapped_payload, created_at, updated_at
       from shipment_pushes where tenant_id = $1 and order_number = $2 order by created_at, invoice_no, package_no`,
    [tenantId, orderNumber],
  )) as ShipmentRow[];
  return rows.map(toShipment);
}

export function toShipment(row: ShipmentRow): OrderShipment {
  const tracking = row.mapped_payload?.trackingInfo;
  return {
    id: row.id,
    invoiceNo: row.invoice_no,
    packageNo: row.package_no,
    shipVia: row.ship_via,
    trackingNumber: text(tracking?.number) ?? row.tracking_number,
    trackingCompany: text(tracking?.company),
    trackingUrl: text(tracking?.url),
    lines: (row.source_payload?.lines ?? []).flatMap((l) => (typeof l.item_code === 'string' && typeof l.quantity === 'number' ? [{ itemCode: l.item_code, quantity: l.quantity }] : [])),
    status: row.status,
    fulfillmentId: row.fulfillment_id,
    error: row.error,
    readAt: row.created_at.toISOString(),
    // The ledger row is settled in the same step the fulfillment is created.
    pushedAt: row.status === 'fulfilled' ? row.updated_at.toISOString() : null,
  };
}
