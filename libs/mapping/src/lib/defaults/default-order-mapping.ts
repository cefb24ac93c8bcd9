import type { FieldRule, MappingDefinition } from '@ferry/contracts';
import {
  TYPICAL_SHOPIFY_ORDER,
  TYPICAL_SHOPIFY_ORDER_DEFAULTS,
  TYPICAL_SHOPIFY_ORDER_EXPECTED,
} from './typical-shopify-order';

/** The bill-to address: the billing address, else the shipping address (POS and gift orders). */
const BILL_TO =
  '$a := billingAddress.address1 ? billingAddress : shippingAddress;';

/** Address lines wrapped to Sage's 30 characters between words: address1 spills into address2/3 instead of being cut. */
const addressLine = (address: string, index: 0 | 1 | 2): string =>
  `$lines := $append($wrap(${address}.address1, 30), $wrap(${address}.address2, 30));\n$lines[${index}]`;

const addressRules = (
  target: 'customer' | 'shipping_address',
  address: string,
  prefix: string,
): FieldRule[] => [
  {
    target: `${target}.address1`,
    expression: `${prefix}${addressLine(address, 0)}`,
  },
  {
    target: `${target}.address2`,
    expression: `${prefix}${addressLine(address, 1)}`,
  },
  {
    target: `${target}.address3`,
    expression: `${prefix}${addressLine(address, 2)}`,
  },
  {
    target: `${target}.city`,
    expression: `${prefix}$truncate(${address}.city, 20)`,
    note: 'Sage 100 cities have 20 characters',
  },
  { target: `${target}.state`, expression: `${prefix}${address}.provinceCode` },
  { target: `${target}.zip`, expression: `${prefix}$trim(${address}.zip)` },
  {
    target: `${target}.country_code`,
    expression: `${prefix}${address}.countryCodeV2`,
  },
  { target: `${target}.telephone`, expression: `${prefix}${address}.phone` },
];

/**
 * Shopify order (GraphQL Admin API) → CIMcloud pass-through order (DESIGN §2.1): the
 * tenant's default order values from `$defaults`, SKU → item code (through the optional
 * `item_codes` table), shipping method → ship-via (through `ship_via`, else the default),
 * addresses fitted to the Sage 100 lengths, prices after all discounts.
 */
export const DEFAULT_ORDER_MAPPING: MappingDefinition = {
  flow: 'orders',
  targetSchemaId: 'cimcloud.passthrough-order',
  erpProfileId: 'sage100',
  fieldRules: [
    {
      target: 'order_number',
      expression: 'legacyResourceId ? legacyResourceId : $split(id, "/")[-1]',
      note: 'Stable and unique per shop: CIMcloud updates instead of duplicating on a re-post',
    },
    { target: 'ref_id', expression: 'name' },
    { target: 'order_source', expression: '"Shopify"' },
    {
      target: 'po_number',
      expression: '$truncate(poNumber ? poNumber : name, 15)',
    },
    {
      target: 'order_date',
      expression: 'processedAt ? processedAt : createdAt',
    },
    {
      target: 'comments',
      expression: '$wrap(note, 30)[0]',
      note: 'Sage 100 comments have 30 characters: the first line of the note, cut between words',
    },
    { target: 'ship_method', expression: '$nodes(shippingLines)[0].title' },
    {
      target: 'erp_ship_via',
      expression:
        '$line := $nodes(shippingLines)[0];\n$lookup("ship_via", $line.title, $lookup("ship_via", $line.code, $defaults.shipVia))',
    },
    {
      target: 'shipping_total',
      expression: '$money(totalShippingPriceSet.shopMoney.amount)',
    },
    { target: 'tax_total', expression: '$money(totalTaxSet.shopMoney.amount)' },
    {
      target: 'order_total',
      expression: '$money(totalPriceSet.shopMoney.amount)',
    },
    { target: 'erp_ship_to_warehouse', expression: '$defaults.warehouseCode' },
    { target: 'erp_sales_tax_schedule', expression: '$defaults.taxSchedule' },
    {
      target: 'erp_print_sales_order',
      expression: '$yesNo($defaults.printSalesOrder, false)',
    },
    {
      target: 'erp_print_pick_sheet',
      expression: '$yesNo($defaults.printPickSheet, false)',
    },
    {
      target: 'erp_order_type',
      expression: '$defaults.orderType ? $defaults.orderType : "S"',
    },
    {
      target: 'erp_order_status',
      expression: '$defaults.orderStatus ? $defaults.orderStatus : "N"',
    },
    {
      target: 'erp_hold_reason_code',
      expression: '$defaults.orderStatus = "H" ? $defaults.holdReasonCode',
    },
    {
      target: 'customer.customer_no',
      expression: '$code($defaults.customerNo)',
    },
    {
      target: 'customer.division_no',
      expression: '$padLeft($defaults.divisionNo, 2, "0")',
    },
    {
      target: 'customer.salesperson_no',
      expression: '$defaults.salespersonNo',
    },
    { target: 'customer.terms_code', expression: '$defaults.termsCode' },
    { target: 'customer.tax_schedule', expression: '$defaults.taxSchedule' },
    {
      target: 'customer.name',
      expression: `${BILL_TO}\n$truncate($a.company ? $a.company : ($a.name ? $a.name : customer.displayName), 30)`,
    },
    ...addressRules('customer', '$a', `${BILL_TO}\n`),
    { target: 'customer.email', expression: 'email ? email : customer.email' },
    {
      target: 'shipping_address.name',
      expression:
        '$truncate(shippingAddress.company ? shippingAddress.company : shippingAddress.name, 30)',
    },
    {
      target: 'shipping_address.attention',
      expression:
        'shippingAddress.company ? $truncate(shippingAddress.name, 30)',
    },
    ...addressRules('shipping_address', 'shippingAddress', ''),
    {
      target: 'details[]',
      expression:
        '$nodes(lineItems)[($exists(currentQuantity) ? currentQuantity : quantity) > 0]',
      note: 'Lines removed by an order edit (current quantity 0) are not sent',
    },
    {
      target: 'details[].sku',
      expression:
        '$sku := sku ? $trim(sku);\n$sku ? $lookup("item_codes", $sku, $sku) : $defaults.noSkuItemCode',
      note: 'SKU = item code unless the item_codes table says otherwise; lines without SKU use the default item code',
    },
    { target: 'details[].description', expression: '$truncate(name, 30)' },
    {
      target: 'details[].quantity',
      expression: '$exists(currentQuantity) ? currentQuantity : quantity',
    },
    {
      target: 'details[].price',
      expression:
        '$price := discountedUnitPriceAfterAllDiscountsSet ? discountedUnitPriceAfterAllDiscountsSet\n  : discountedUnitPriceSet ? discountedUnitPriceSet : originalUnitPriceSet;\n$money($price.shopMoney.amount)',
      note: 'Unit price after line and order discounts',
    },
  ],
  lookupTables: [
    {
      name: 'ship_via',
      description:
        'Shopify shipping method (title or code) → ERP ship-via code',
      ignoreCase: true,
      rows: [],
    },
    {
      name: 'item_codes',
      description: 'Shopify SKU → ERP item code, where they differ',
      rows: [],
    },
  ],
  testCases: [
    {
      name: 'typical two-line order with a discount, tax and shipping',
      input: TYPICAL_SHOPIFY_ORDER,
      context: {
        runAt: '2026-11-02T10:00:00.000Z',
        defaults: TYPICAL_SHOPIFY_ORDER_DEFAULTS,
      },
      expected: TYPICAL_SHOPIFY_ORDER_EXPECTED,
    },
  ],
};
