/**
 * What the sync engine hands to the shipments and inventory mappings (the orders mapping
 * reads the Shopify GraphQL order itself). Snake case fields are CIMcloud's, camel case
 * Shopify's.
 */
export interface ShipmentMappingInput {
  shipment: {
    invoice_no: string;
    package_no?: string;
    tracking_number?: string;
    ship_via?: string;
    ship_date?: string;
    lines: { item_code: string; quantity: number }[];
  };
  order: { id: string; name: string; legacyResourceId?: string };
  /** The order's fulfillment orders as Shopify returns them. */
  fulfillmentOrders: {
    id: string;
    status?: string;
    supportedActions?: string[];
    lineItems: { id: string; sku: string | null; remainingQuantity: number }[];
  }[];
}

export interface InventoryMappingInput {
  stock: {
    item_code: string;
    warehouse: string;
    on_hand: number;
    committed: number;
    available?: number;
    updated_at?: string;
  };
  /** Resolved by the engine from the SKU; absent when no variant matched. */
  inventoryItemId?: string;
  /** Resolved from the tenant's warehouse ↔ location links, if any. */
  locationId?: string;
  /** Shopify's current `available` (for `changeFromQuantity`); null to skip the compare. */
  currentAvailable?: number | null;
}
