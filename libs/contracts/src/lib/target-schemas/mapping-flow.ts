/** The three flows of DESIGN §2; each tenant has one mapping per flow. */
export const MAPPING_FLOWS = ['orders', 'shipments', 'inventory'] as const;
export type MappingFlow = (typeof MAPPING_FLOWS)[number];

/** The target schema each flow's mapping produces. */
export const FLOW_TARGET_SCHEMA_IDS: Readonly<Record<MappingFlow, string>> = {
  orders: 'cimcloud.passthrough-order',
  shipments: 'shopify.fulfillment-input',
  inventory: 'shopify.inventory-quantity',
};
