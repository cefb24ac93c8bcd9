import type { MappingDefinition } from '@ferry/contracts';

/**
 * ERP stock level → Shopify inventory quantity (DESIGN §2.3). Input: an
 * `InventoryMappingInput`; the engine resolves SKU → inventory item and the warehouse ↔
 * location link, the `warehouse_locations` table is the fallback for the location.
 * Available = on hand − committed when the ERP does not give it.
 */
export const DEFAULT_INVENTORY_MAPPING: MappingDefinition = {
  flow: 'inventory',
  targetSchemaId: 'shopify.inventory-quantity',
  fieldRules: [
    { target: 'inventoryItemId', expression: 'inventoryItemId' },
    {
      target: 'locationId',
      expression:
        'locationId ? locationId : $lookup("warehouse_locations", stock.warehouse)',
    },
    {
      target: 'quantity',
      expression:
        '$floor($exists(stock.available) ? stock.available : stock.on_hand - stock.committed)',
    },
    {
      target: 'changeFromQuantity',
      expression: '$exists(currentAvailable) ? currentAvailable : null',
    },
  ],
  lookupTables: [
    {
      name: 'warehouse_locations',
      description: 'ERP warehouse code → Shopify location GID',
      ignoreCase: true,
      rows: [],
    },
  ],
  testCases: [
    {
      name: 'available computed from on hand and committed',
      input: {
        stock: {
          item_code: 'WB-1000-BLK',
          warehouse: '000',
          on_hand: 40,
          committed: 7,
        },
        inventoryItemId: 'gid://shopify/InventoryItem/8812345678901',
        locationId: 'gid://shopify/Location/9912345678',
        currentAvailable: 35,
      },
      expected: {
        inventoryItemId: 'gid://shopify/InventoryItem/8812345678901',
        locationId: 'gid://shopify/Location/9912345678',
        quantity: 33,
        changeFromQuantity: 35,
      },
    },
  ],
};
