import type { MappingDefinition } from '@ferry/contracts';

/**
 * ERP shipment → Shopify fulfillmentCreate input (DESIGN §2.2). Input: a
 * `ShipmentMappingInput` (the shipment, the order, its fulfillment orders). Lines are
 * matched by SKU = item code and capped at what remains open; ship-via → carrier name
 * through the tenant's `carrier` table (else the ship-via itself). The engine re-reads the
 * fulfillment orders before any retry and caps again across fulfillment orders.
 */
export const DEFAULT_SHIPMENT_MAPPING: MappingDefinition = {
  flow: 'shipments',
  targetSchemaId: 'shopify.fulfillment-input',
  fieldRules: [
    { target: 'notifyCustomer', expression: '$defaults.notifyCustomer = true' },
    {
      target: 'trackingInfo.company',
      expression: '$lookup("carrier", shipment.ship_via, shipment.ship_via)',
    },
    { target: 'trackingInfo.number', expression: 'shipment.tracking_number' },
    {
      target: 'lineItemsByFulfillmentOrder[]',
      expression:
        '$shipped := shipment.lines.item_code;\nfulfillmentOrders[\n  ($not($exists(supportedActions)) or "CREATE_FULFILLMENT" in supportedActions)\n  and $count(lineItems[remainingQuantity > 0 and sku in $shipped]) > 0\n]',
    },
    {
      target: 'lineItemsByFulfillmentOrder[].fulfillmentOrderId',
      expression: 'id',
    },
    {
      target: 'lineItemsByFulfillmentOrder[].fulfillmentOrderLineItems',
      expression:
        '[lineItems[remainingQuantity > 0 and sku in $$.shipment.lines.item_code].(\n  $sku := sku;\n  $shippedQuantity := $sum($$.shipment.lines[item_code = $sku].quantity);\n  { "id": id, "quantity": $min([remainingQuantity, $shippedQuantity]) }\n)]',
    },
  ],
  lookupTables: [
    {
      name: 'carrier',
      description: 'ERP ship-via code → Shopify tracking company',
      ignoreCase: true,
      rows: [
        { key: 'UPS GROUND', value: 'UPS' },
        { key: 'UPS 2ND DAY', value: 'UPS' },
        { key: 'FEDEX GROUND', value: 'FedEx' },
        { key: 'FEDEX 2DAY', value: 'FedEx' },
        { key: 'USPS PRIORITY', value: 'USPS' },
        { key: 'DHL EXPRESS', value: 'DHL Express' },
      ],
    },
  ],
  testCases: [
    {
      name: 'partial shipment of one line, tracked by UPS',
      input: {
        shipment: {
          invoice_no: '0100231',
          package_no: '0001',
          tracking_number: '1Z999AA10123456784',
          ship_via: 'UPS GROUND',
          lines: [{ item_code: 'WB-1000-BLK', quantity: 2 }],
        },
        order: { id: 'gid://shopify/Order/5612345678901', name: '#1042' },
        fulfillmentOrders: [
          {
            id: 'gid://shopify/FulfillmentOrder/6612345678901',
            status: 'OPEN',
            supportedActions: ['CREATE_FULFILLMENT', 'HOLD'],
            lineItems: [
              {
                id: 'gid://shopify/FulfillmentOrderLineItem/7712345678901',
                sku: 'WB-1000-BLK',
                remainingQuantity: 3,
              },
              {
                id: 'gid://shopify/FulfillmentOrderLineItem/7712345678902',
                sku: 'CB-220',
                remainingQuantity: 2,
              },
            ],
          },
        ],
      },
      context: { defaults: { notifyCustomer: true } },
      expected: {
        notifyCustomer: true,
        trackingInfo: { company: 'UPS', number: '1Z999AA10123456784' },
        lineItemsByFulfillmentOrder: [
          {
            fulfillmentOrderId: 'gid://shopify/FulfillmentOrder/6612345678901',
            fulfillmentOrderLineItems: [
              {
                id: 'gid://shopify/FulfillmentOrderLineItem/7712345678901',
                quantity: 2,
              },
            ],
          },
        ],
      },
    },
  ],
};
