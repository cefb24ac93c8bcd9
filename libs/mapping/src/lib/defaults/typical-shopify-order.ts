import type { DefaultOrderValues } from '@ferry/contracts';

const money = (amount: string) => ({
  shopMoney: { amount, currencyCode: 'USD' },
});

const address = {
  name: 'Dana Whitfield',
  company: null,
  address1: '350 Fifth Avenue',
  address2: 'Suite 4100',
  city: 'New York',
  provinceCode: 'NY',
  zip: '10118',
  countryCodeV2: 'US',
  phone: '+12125550199',
};

/**
 * A typical order as the Shopify connector hands it over: the raw GraphQL Admin API node
 * of its selection (`readOrdersUpdatedSince` → `rawOrders`), all line items merged into
 * `lineItems.nodes`. Only real Admin API fields; the default mapping's test case.
 */
export const TYPICAL_SHOPIFY_ORDER = {
  id: 'gid://shopify/Order/5612345678901',
  legacyResourceId: '5612345678901',
  name: '#1042',
  createdAt: '2026-11-02T09:14:03Z',
  processedAt: '2026-11-02T09:14:03Z',
  updatedAt: '2026-11-02T09:15:40Z',
  cancelledAt: null,
  closed: false,
  test: false,
  email: 'dana.whitfield@example.com',
  phone: null,
  note: 'Please leave at the side door',
  poNumber: null,
  tags: ['wholesale-lead'],
  customAttributes: [{ key: 'gift', value: 'no' }],
  currencyCode: 'USD',
  displayFinancialStatus: 'PAID',
  displayFulfillmentStatus: 'UNFULFILLED',
  totalPriceSet: money('114.48'),
  subtotalPriceSet: money('108.00'),
  totalTaxSet: money('8.53'),
  totalShippingPriceSet: money('9.95'),
  totalDiscountsSet: money('12.00'),
  customer: {
    id: 'gid://shopify/Customer/7001234567890',
    displayName: 'Dana Whitfield',
    email: 'dana.whitfield@example.com',
    firstName: 'Dana',
    lastName: 'Whitfield',
    phone: '+12125550199',
  },
  shippingAddress: { ...address },
  billingAddress: { ...address },
  shippingLines: {
    nodes: [
      {
        title: 'Standard Shipping',
        code: 'STANDARD',
        originalPriceSet: money('9.95'),
      },
    ],
  },
  lineItems: {
    nodes: [
      {
        id: 'gid://shopify/LineItem/13912345678901',
        sku: 'WB-1000-BLK',
        name: 'Insulated Water Bottle - Black / 750 ml',
        quantity: 3,
        currentQuantity: 3,
        variant: { id: 'gid://shopify/ProductVariant/4412345678901' },
        originalUnitPriceSet: money('24.00'),
        discountedUnitPriceSet: money('24.00'),
        discountedUnitPriceAfterAllDiscountsSet: money('20.00'),
      },
      {
        id: 'gid://shopify/LineItem/13912345678902',
        sku: 'CB-220',
        name: 'Carry Bag',
        quantity: 2,
        currentQuantity: 2,
        variant: { id: 'gid://shopify/ProductVariant/4412345678902' },
        originalUnitPriceSet: money('18.00'),
        discountedUnitPriceSet: money('18.00'),
        discountedUnitPriceAfterAllDiscountsSet: money('18.00'),
      },
    ],
  },
};

/** Default order values as a tenant sets them on the settings page. */
export const TYPICAL_SHOPIFY_ORDER_DEFAULTS: DefaultOrderValues = {
  customerNo: 'webcust',
  divisionNo: '1',
  termsCode: '00',
  salespersonNo: '0100',
  taxSchedule: 'NY',
  orderType: 'S',
  orderStatus: 'N',
  printPickSheet: true,
  printSalesOrder: false,
  shipVia: 'UPS GROUND',
  warehouseCode: '000',
};

export const TYPICAL_SHOPIFY_ORDER_EXPECTED = {
  order_number: '5612345678901',
  ref_id: '#1042',
  order_source: 'Shopify',
  po_number: '#1042',
  order_date: '2026-11-02T09:14:03Z',
  comments: 'Please leave at the side door',
  ship_method: 'Standard Shipping',
  erp_ship_via: 'UPS GROUND',
  shipping_total: 9.95,
  tax_total: 8.53,
  order_total: 114.48,
  erp_ship_to_warehouse: '000',
  erp_sales_tax_schedule: 'NY',
  erp_print_sales_order: 'N',
  erp_print_pick_sheet: 'Y',
  erp_order_type: 'S',
  erp_order_status: 'N',
  customer: {
    customer_no: 'WEBCUST',
    division_no: '01',
    salesperson_no: '0100',
    terms_code: '00',
    tax_schedule: 'NY',
    name: 'Dana Whitfield',
    address1: '350 Fifth Avenue',
    address2: 'Suite 4100',
    city: 'New York',
    state: 'NY',
    zip: '10118',
    country_code: 'US',
    telephone: '+12125550199',
    email: 'dana.whitfield@example.com',
  },
  shipping_address: {
    name: 'Dana Whitfield',
    address1: '350 Fifth Avenue',
    address2: 'Suite 4100',
    city: 'New York',
    state: 'NY',
    zip: '10118',
    country_code: 'US',
    telephone: '+12125550199',
  },
  details: [
    {
      sku: 'WB-1000-BLK',
      description: 'Insulated Water Bottle - Black',
      quantity: 3,
      price: 20,
    },
    { sku: 'CB-220', description: 'Carry Bag', quantity: 2, price: 18 },
  ],
};
