/** What became of one ERP stock level (item × warehouse) on its way to Shopify (DESIGN §2.3). */
export const INVENTORY_PUSH_STATUSES = ['pending', 'pushed', 'unchanged', 'sku_not_matched', 'duplicate_sku', 'location_not_matched', 'failed'] as const;
export type InventoryPushStatus = (typeof INVENTORY_PUSH_STATUSES)[number];

export interface InventoryPushSummary {
  /** `itemCode@warehouseCode`: the record key of its errors in the error queue. */
  id: string;
  itemCode: string;
  warehouseCode: string;
  /** Shopify ids the item code and warehouse matched, when they did. */
  inventoryItemId: string | null;
  locationId: string | null;
  /** The quantity Ferry computed from the ERP's latest level. */
  available: number;
  /** The quantity last set in (or found already in) Shopify. */
  lastPushedAvailable: number | null;
  status: InventoryPushStatus;
  error: string | null;
  erpUpdatedAt: string | null;
  pushedAt: string | null;
  updatedAt: string;
}
