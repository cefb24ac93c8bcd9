import type { TargetSchema } from './schema-node';

/**
 * One entry of Shopify `inventorySetQuantities(input: {name: "available", quantities: [...]})`
 * (shopify.dev, DESIGN §4.1). `changeFromQuantity` is required from API 2026-04; `null`
 * is Shopify's way to skip the compare.
 */
export const SHOPIFY_INVENTORY_QUANTITY_SCHEMA: TargetSchema = {
  id: 'shopify.inventory-quantity',
  name: 'Shopify inventory quantity',
  version: 1,
  description:
    'One InventoryQuantityInput: the available quantity of an inventory item at a location.',
  root: {
    type: 'object',
    fields: {
      inventoryItemId: {
        type: 'string',
        required: true,
        pattern: '^gid://shopify/InventoryItem/\\d+$',
        patternText: 'an InventoryItem GID',
      },
      locationId: {
        type: 'string',
        required: true,
        pattern: '^gid://shopify/Location/\\d+$',
        patternText: 'a Location GID',
      },
      quantity: {
        type: 'number',
        required: true,
        integer: true,
        minimum: -1000000000,
        maximum: 1000000000,
      },
      changeFromQuantity: {
        type: 'number',
        integer: true,
        nullable: true,
        required: true,
      },
    },
  },
};
