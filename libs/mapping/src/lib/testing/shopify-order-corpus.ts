import { TYPICAL_SHOPIFY_ORDER } from '../defaults/typical-shopify-order';

type Order = typeof TYPICAL_SHOPIFY_ORDER;
type Json = Record<string, unknown>;

const money = (amount: string) => ({
  shopMoney: { amount, currencyCode: 'USD' },
});

let nextLine = 100;
/** A GraphQL line item as the connector selects it (typical-shopify-order.ts). */
export function lineItem(
  sku: string | null,
  name: string,
  quantity: number,
  unit: string,
  after: string = unit,
  extra: Json = {},
): Json {
  nextLine++;
  return {
    id: `gid://shopify/LineItem/1391234567${nextLine}`,
    sku,
    name,
    quantity,
    currentQuantity: quantity,
    variant: null,
    originalUnitPriceSet: money(unit),
    discountedUnitPriceSet: money(unit),
    discountedUnitPriceAfterAllDiscountsSet: money(after),
    ...extra,
  };
}

/** The typical order with some fields replaced (deep copy). */
export function shopifyOrder(changes: Json): Json {
  return {
    ...(JSON.parse(JSON.stringify(TYPICAL_SHOPIFY_ORDER)) as Order),
    ...changes,
  };
}

const address = (changes: Json): Json => ({
  ...TYPICAL_SHOPIFY_ORDER.shippingAddress,
  ...changes,
});

/** A realistic spread of Shopify orders (DESIGN §4.1) for the default orders mapping. */
export const SHOPIFY_ORDER_CORPUS: { name: string; order: Json }[] = [
  { name: 'typical two-line order', order: shopifyOrder({}) },
  {
    name: 'five lines with a line discount and an order discount',
    order: shopifyOrder({
      legacyResourceId: '5612345678902',
      name: '#1043',
      totalDiscountsSet: money('31.40'),
      totalTaxSet: money('21.17'),
      totalPriceSet: money('262.37'),
      lineItems: {
        nodes: [
          lineItem(
            'WB-1000-BLK',
            'Insulated Water Bottle - Black / 750 ml',
            4,
            '24.00',
            '21.60',
          ),
          lineItem(
            'WB-1000-RED',
            'Insulated Water Bottle - Red / 750 ml',
            2,
            '24.00',
            '21.60',
          ),
          lineItem('CB-220', 'Carry Bag', 1, '18.00', '16.20', {
            discountedUnitPriceSet: money('18.00'),
          }),
          lineItem('LID-07', 'Spare Lid', 6, '4.50', '4.05'),
          lineItem('GIFT-BOX', 'Gift Box - Large', 1, '7.99', '7.19'),
        ],
      },
    }),
  },
  {
    name: 'guest checkout: customer null (protected customer data), no email',
    order: shopifyOrder({
      customer: null,
      email: null,
      legacyResourceId: '5612345678903',
      name: '#1044',
    }),
  },
  {
    name: 'long addresses, company, long city',
    order: shopifyOrder({
      legacyResourceId: '5612345678904',
      name: '#1045',
      note: 'Deliver to the loading dock behind the building, ring twice, ask for Sam in receiving',
      shippingAddress: address({
        company: 'Northwind Outdoor Equipment Wholesale Supply Company',
        address1: '12500 North Harbor Industrial Parkway Building C',
        address2: 'Receiving Dock 14, Attention Purchasing Department',
        city: 'Rancho Santa Margarita',
        provinceCode: 'CA',
        zip: '92688-1234',
      }),
      billingAddress: address({
        address1: '1 Infinite Loop',
        address2: null,
        city: 'Cupertino',
        provinceCode: 'CA',
        zip: '95014',
      }),
    }),
  },
  {
    name: 'non-ASCII names and addresses (Québec)',
    order: shopifyOrder({
      legacyResourceId: '5612345678905',
      name: '#1046',
      customer: {
        ...TYPICAL_SHOPIFY_ORDER.customer,
        firstName: 'Zoë',
        lastName: 'Lefèvre-Ørsted',
        displayName: 'Zoë Lefèvre-Ørsted',
      },
      shippingAddress: address({
        name: 'Zoë Lefèvre-Ørsted',
        address1: '1234 Rue Saint-Jérôme',
        address2: 'Appartement 5 — côté cour',
        city: 'Montréal',
        provinceCode: 'QC',
        zip: 'H2X 1Y4',
        countryCodeV2: 'CA',
      }),
      billingAddress: address({
        name: 'Zoë Lefèvre-Ørsted',
        address1: '1234 Rue Saint-Jérôme',
        address2: null,
        city: 'Montréal',
        provinceCode: 'QC',
        zip: 'H2X 1Y4',
        countryCodeV2: 'CA',
      }),
      lineItems: {
        nodes: [
          lineItem(
            'THÉ-01',
            'Thé vert japonais — édition spéciale été',
            2,
            '12.50',
          ),
        ],
      },
    }),
  },
  {
    name: 'line items as Relay edges, a removed line and a shipping method code',
    order: shopifyOrder({
      legacyResourceId: '5612345678906',
      name: '#1047',
      shippingLines: {
        edges: [
          {
            node: {
              title: 'Express',
              code: 'EXP',
              originalPriceSet: money('19.00'),
            },
          },
        ],
      },
      lineItems: {
        edges: [
          {
            node: lineItem(
              'WB-1000-BLK',
              'Insulated Water Bottle - Black / 750 ml',
              1,
              '24.00',
            ),
          },
          {
            node: lineItem('CB-220', 'Carry Bag', 2, '18.00', '18.00', {
              currentQuantity: 0,
            }),
          },
        ],
      },
    }),
  },
  {
    name: 'no billing address (billing falls back to shipping), PO number given',
    order: shopifyOrder({
      legacyResourceId: '5612345678907',
      name: '#1048',
      billingAddress: null,
      poNumber: 'PO-2026-000981',
    }),
  },
];

/** Orders that cannot be mapped as they are: the default mapping must say precisely why. */
export const UNMAPPABLE_SHOPIFY_ORDERS: {
  name: string;
  order: Json;
  issues: { path: string; rule: string }[];
}[] = [
  {
    name: 'a custom line item without SKU',
    order: shopifyOrder({
      legacyResourceId: '5612345678910',
      lineItems: {
        nodes: [
          lineItem('WB-1000-BLK', 'Insulated Water Bottle', 1, '24.00'),
          lineItem(null, 'Gift wrapping', 1, '5.00'),
        ],
      },
    }),
    issues: [{ path: 'details[1].sku', rule: 'required' }],
  },
  {
    name: 'a digital order without any address',
    order: shopifyOrder({
      legacyResourceId: '5612345678911',
      billingAddress: null,
      shippingAddress: null,
    }),
    issues: [
      { path: 'customer.address1', rule: 'required' },
      { path: 'customer.city', rule: 'required' },
      { path: 'customer.state', rule: 'required' },
      { path: 'customer.zip', rule: 'required' },
      { path: 'customer.country_code', rule: 'required' },
      { path: 'shipping_address.address1', rule: 'required' },
      { path: 'shipping_address.city', rule: 'required' },
      { path: 'shipping_address.state', rule: 'required' },
      { path: 'shipping_address.zip', rule: 'required' },
      { path: 'shipping_address.country_code', rule: 'required' },
    ],
  },
  {
    name: 'a United Kingdom order (no province) with a three-letter county code',
    order: shopifyOrder({
      legacyResourceId: '5612345678912',
      billingAddress: null,
      shippingAddress: address({
        city: 'London',
        provinceCode: null,
        zip: 'SW1A 1AA',
        countryCodeV2: 'GB',
      }),
    }),
    issues: [
      { path: 'customer.state', rule: 'required' },
      { path: 'shipping_address.state', rule: 'required' },
    ],
  },
  {
    name: 'a fully refunded order (no line left)',
    order: shopifyOrder({
      legacyResourceId: '5612345678913',
      lineItems: {
        nodes: [
          lineItem('CB-220', 'Carry Bag', 2, '18.00', '18.00', {
            currentQuantity: 0,
          }),
        ],
      },
    }),
    issues: [{ path: 'details', rule: 'minItems' }],
  },
];
