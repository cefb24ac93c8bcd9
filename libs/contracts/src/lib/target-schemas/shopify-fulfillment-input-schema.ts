import type { TargetSchema } from './schema-node';

/**
 * Shopify `fulfillmentCreate(fulfillment: FulfillmentInput)` (shopify.dev, DESIGN §4.1):
 * the shipped lines grouped by fulfillment order, with tracking info.
 */
export const SHOPIFY_FULFILLMENT_INPUT_SCHEMA: TargetSchema = {
  id: 'shopify.fulfillment-input',
  name: 'Shopify fulfillment',
  version: 1,
  description:
    'The FulfillmentInput of Shopify fulfillmentCreate: one ERP shipment becomes one fulfillment.',
  root: {
    type: 'object',
    fields: {
      notifyCustomer: { type: 'boolean' },
      trackingInfo: {
        type: 'object',
        fields: {
          company: {
            type: 'string',
            description: 'Carrier name as Shopify knows it (e.g. UPS, FedEx)',
          },
          number: { type: 'string', maxLength: 255 },
          url: {
            type: 'string',
            pattern: '^https?://',
            patternText: 'an http(s) URL',
          },
        },
      },
      originAddress: {
        type: 'object',
        fields: {
          address1: { type: 'string' },
          address2: { type: 'string' },
          city: { type: 'string' },
          provinceCode: { type: 'string' },
          zip: { type: 'string' },
          countryCode: { type: 'string', required: true },
        },
      },
      lineItemsByFulfillmentOrder: {
        type: 'array',
        required: true,
        minItems: 1,
        items: {
          type: 'object',
          fields: {
            fulfillmentOrderId: {
              type: 'string',
              required: true,
              pattern: '^gid://shopify/FulfillmentOrder/\\d+$',
              patternText: 'a FulfillmentOrder GID',
            },
            fulfillmentOrderLineItems: {
              type: 'array',
              items: {
                type: 'object',
                fields: {
                  id: {
                    type: 'string',
                    required: true,
                    pattern: '^gid://shopify/FulfillmentOrderLineItem/\\d+$',
                    patternText: 'a FulfillmentOrderLineItem GID',
                  },
                  quantity: {
                    type: 'number',
                    required: true,
                    integer: true,
                    exclusiveMinimum: 0,
                  },
                },
              },
            },
          },
        },
      },
    },
  },
};
