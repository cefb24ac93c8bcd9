/**
 * EVERYTHING CIMcloud DOES NOT DOCUMENT PUBLICLY, IN ONE PLACE.
 *
 * help.cimcloud.com documents authenticate/refresh, the health checks, orderpassthrough
 * (POST), customers/ and products/ (GET), paging, searchstrings and rate limits. It does
 * not document how to read a pass-through order's ERP import result, shipments, stock or
 * the ERP's code lists, nor the body of a queued POST or of a validation error. The
 * emulator defines them here as ASSUMED, so they can be corrected in one place when
 * CIMcloud documents them. They are ordinary GET resources read like documented ones:
 * `/{site}/{resource}/{searchstring}/{page}`, 50 rows a page, JSON array bodies.
 */
import type { JsonObject } from './core/json-value';
import type { FieldProblem } from './passthrough/passthrough-order';
import type { SiteState, StoredOrder } from './sites/site-state';

/** ASSUMED resource names (the seed's CIMcloud table names where it has one). */
export const ASSUMED_RESOURCES = {
  /** Import status and ERP error per pass-through order. */
  importStatus: 's_orders',
  /** Lines of pass-through orders, with shipped quantities. */
  orderDetails: 's_order_details',
  /** One row per shipped line per package per invoice. */
  shipments: 'external_order_shipments',
  /** Stock per item and warehouse. */
  stock: 'product_qty_in_stock',
  warehouses: 'erp_warehouses',
  shipVias: 'erp_ship_vias',
  termsCodes: 'erp_terms_codes',
  taxSchedules: 'erp_tax_schedules',
} as const;

function shipmentStatus(order: StoredOrder): 'none' | 'partial' | 'complete' {
  const shipped = order.lines.reduce((n, l) => n + l.quantityShipped, 0);
  if (shipped === 0) return 'none';
  return order.lines.every((l) => l.quantityShipped >= l.quantityOrdered) ? 'complete' : 'partial';
}

const byChange = <T extends { seq: number }>(rows: T[]): T[] => [...rows].sort((a, b) => a.seq - b.seq);

/** ASSUMED row shapes, oldest change first so `updated_at` cursors page cleanly. */
export const ASSUMED_ROWS: Record<string, (site: SiteState) => JsonObject[]> = {
  [ASSUMED_RESOURCES.importStatus]: (site) =>
    byChange([...site.orders.values()]).map((o) => ({
      order_number: o.orderNumber,
      import_status: o.status,
      error_source: o.errorSource ?? null,
      erp_error: o.error ?? null,
      erp_error_field: o.errorField ?? null,
      erp_error_path: o.errorPath ?? null,
      erp_order_number: o.salesOrderNo ?? null,
      erp_ship_to_warehouse: o.warehouseCode ?? null,
      erp_ship_via: o.shipVia ?? null,
      shipment_status: shipmentStatus(o),
      revision: o.revision,
      received_at: o.receivedAt,
      imported_at: o.importedAt ?? null,
      updated_at: o.updatedAt,
    })),
  [ASSUMED_RESOURCES.orderDetails]: (site) =>
    byChange([...site.orders.values()]).flatMap((o) =>
      (o.order?.details ?? []).map((d, i) => {
        const line = o.lines.find((l) => l.lineNo === i + 1);
        return {
          order_number: o.orderNumber,
          line_no: i + 1,
          sku: String(d['sku']),
          quantity: Number(d['quantity']),
          price: Number(d['price']),
          quantity_shipped: line?.quantityShipped ?? 0,
          updated_at: o.updatedAt,
        };
      }),
    ),
  [ASSUMED_RESOURCES.shipments]: (site) =>
    byChange(site.shipments).map((s) => ({
      shipment_id: s.shipmentId,
      order_number: s.orderNumber,
      erp_order_number: s.salesOrderNo,
      invoice_no: s.invoiceNo,
      invoice_date: s.invoiceDate,
      package_no: s.packageNo,
      tracking_id: s.trackingId,
      ship_via: s.shipVia,
      line_no: s.lineNo,
      sku: s.itemCode,
      quantity_ordered: s.quantityOrdered,
      quantity_shipped: s.quantityShipped,
      warehouse_code: s.warehouseCode,
      shipped_at: s.shippedAt,
      updated_at: s.updatedAt,
    })),
  [ASSUMED_RESOURCES.stock]: (site) =>
    site.stock.rows().map((l) => ({
      sku: l.itemCode,
      warehouse_code: l.warehouseCode,
      quantity_on_hand: l.onHand,
      quantity_committed: l.committed,
      quantity_available: l.onHand - l.committed,
      updated_at: l.updatedAt,
    })),
  [ASSUMED_RESOURCES.warehouses]: (site) =>
    [...site.master.warehouses.values()].map((c) => ({ warehouse_code: c.code, description: c.description })),
  [ASSUMED_RESOURCES.shipVias]: (site) =>
    [...site.master.shipVias.values()].map((c) => ({ ship_via: c.code, description: c.description })),
  [ASSUMED_RESOURCES.termsCodes]: (site) =>
    [...site.master.termsCodes.values()].map((c) => ({ terms_code: c.code, description: c.description })),
  [ASSUMED_RESOURCES.taxSchedules]: (site) =>
    [...site.master.taxSchedules.values()].map((c) => ({ tax_schedule: c.code, description: c.description })),
};

/**
 * ASSUMED field names of the documented customers/ and products/ reads (the endpoints are
 * documented; their columns are only visible in a site's Worker Portal).
 */
export const DOCUMENTED_READ_ROWS: Record<string, (site: SiteState) => JsonObject[]> = {
  customers: (site) =>
    [...site.master.customers.values()].map((c) => ({
      customer_no: c.customerNo,
      division_no: c.divisionNo,
      name: c.name,
      email: c.email ?? null,
      terms_code: c.termsCode ?? null,
      tax_schedule: c.taxSchedule ?? null,
      salesperson_no: c.salespersonNo ?? null,
      warehouse_code: c.warehouseCode ?? null,
      ship_via: c.shipVia ?? null,
    })),
  products: (site) =>
    [...site.master.items.values()].map((i) => ({
      sku: i.itemCode,
      name: i.description,
      price: i.price,
      unit_of_measure: i.unitOfMeasure ?? null,
    })),
};

/** Documented body of a POST handled at once (help.cimcloud.com, POST Requests). */
export function importedResponse(count: number, imported: number, updated: number): JsonObject {
  return { action: 'DataImported', success: true, importedRecords: imported, updatedRecords: updated, recordCountInRequest: count, message: null };
}

/** ASSUMED body of a POST of more than 10 records, which CIMcloud queues. */
export function queuedResponse(count: number, queueId: string): JsonObject {
  return {
    action: 'DataQueued',
    success: true,
    importedRecords: 0,
    updatedRecords: 0,
    recordCountInRequest: count,
    message: `${count} records were added to the import queue.`,
    queue_id: queueId,
  };
}

/** ASSUMED body of a POST refused by validation: nothing in the request is stored. */
export function validationFailedResponse(count: number, problems: { record: number; orderNumber?: string; problem: FieldProblem }[]): JsonObject {
  return {
    action: 'DataImportFailed',
    success: false,
    importedRecords: 0,
    updatedRecords: 0,
    recordCountInRequest: count,
    message: problems.map((p) => `Record ${p.record}: ${p.problem.message}`).join('; '),
    errors: problems.map((p) => ({
      record: p.record,
      order_number: p.orderNumber ?? null,
      field: p.problem.field,
      message: p.problem.message,
    })),
  };
}
