/** One shipped line in one package of one invoice: the grain of `external_order_shipments`. */
export interface ShipmentRecord {
  shipmentId: string;
  orderNumber: string;
  salesOrderNo: string;
  invoiceNo: string;
  invoiceDate: string;
  packageNo: string;
  trackingId: string;
  shipVia: string;
  lineNo: number;
  itemCode: string;
  quantityOrdered: number;
  quantityShipped: number;
  warehouseCode: string;
  shippedAt: string;
  updatedAt: string;
  seq: number;
}
