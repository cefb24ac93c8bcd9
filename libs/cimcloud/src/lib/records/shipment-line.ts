import type { Row } from '../paged-reader';
import { numeric, optionalText, text } from './row-fields';

/** ASSUMED shape: one shipped line in one package of one invoice. */
export interface ShipmentLine {
  /** Unique per invoice, package and line: the ledger key. */
  shipmentId: string;
  orderNumber: string;
  salesOrderNo: string;
  invoiceNo: string;
  packageNo: string;
  trackingId?: string;
  shipVia?: string;
  lineNo: number;
  sku: string;
  quantityShipped: number;
  warehouseCode?: string;
  shippedAt?: string;
  updatedAt: string;
}

export function parseShipmentLine(row: Row): ShipmentLine {
  return {
    shipmentId: text(row, 'shipment_id'),
    orderNumber: text(row, 'order_number'),
    salesOrderNo: text(row, 'erp_order_number'),
    invoiceNo: text(row, 'invoice_no'),
    packageNo: text(row, 'package_no'),
    trackingId: optionalText(row, 'tracking_id'),
    shipVia: optionalText(row, 'ship_via'),
    lineNo: numeric(row, 'line_no'),
    sku: text(row, 'sku'),
    quantityShipped: numeric(row, 'quantity_shipped'),
    warehouseCode: optionalText(row, 'warehouse_code'),
    shippedAt: optionalText(row, 'shipped_at'),
    updatedAt: text(row, 'updated_at'),
  };
}
