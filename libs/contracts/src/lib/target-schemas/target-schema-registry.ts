import { CIMCLOUD_PASSTHROUGH_ORDER_SCHEMA } from './cimcloud-passthrough-order-schema';
import type { ErpFieldProfile } from './erp-field-profile';
import { SAGE100_FIELD_PROFILE } from './sage100-field-profile';
import type { TargetSchema } from './schema-node';
import { SHOPIFY_FULFILLMENT_INPUT_SCHEMA } from './shopify-fulfillment-input-schema';
import { SHOPIFY_INVENTORY_QUANTITY_SCHEMA } from './shopify-inventory-quantity-schema';

/** Every target schema Ferry ships, by id. */
export const TARGET_SCHEMAS: Readonly<Record<string, TargetSchema>> =
  Object.freeze({
    [CIMCLOUD_PASSTHROUGH_ORDER_SCHEMA.id]: CIMCLOUD_PASSTHROUGH_ORDER_SCHEMA,
    [SHOPIFY_FULFILLMENT_INPUT_SCHEMA.id]: SHOPIFY_FULFILLMENT_INPUT_SCHEMA,
    [SHOPIFY_INVENTORY_QUANTITY_SCHEMA.id]: SHOPIFY_INVENTORY_QUANTITY_SCHEMA,
  });

/** Every ERP field profile Ferry ships, by id. */
export const ERP_FIELD_PROFILES: Readonly<Record<string, ErpFieldProfile>> =
  Object.freeze({
    [SAGE100_FIELD_PROFILE.id]: SAGE100_FIELD_PROFILE,
  });
