import { OrderShipment } from './pass-through-orders';

/**
 * One ERP shipment package in the shipments ledger (DESIGN §2.2), as the orders monitor's
 * Shipments tab lists it: the order's shipment shape plus the order it belongs to.
 */
export interface ShipmentPushSummary extends OrderShipment {
  /** The CIMcloud order number the ERP shipped against. */
  orderNumber: string;
  /** The Shopify order's name (`#1001`) and its ledger id, when Ferry sent that order. */
  shopifyOrderName: string | null;
  orderId: string | null;
}
