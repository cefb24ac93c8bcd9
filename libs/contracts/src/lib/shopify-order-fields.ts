/**
 * The contract between the Shopify connector's order read and the default orders mapping
 * (DESIGN §2.1, §5): field paths in the raw GraphQL Admin API order node, dot-separated,
 * connections written through `nodes` (e.g. `lineItems.nodes.sku`).
 *
 * libs/shopify checks that the raw order it hands out carries every fetched path (against
 * the emulator); libs/mapping checks that the default mapping's expressions read exactly
 * these paths. Change a mapping expression and this list together, and the connector's
 * GraphQL selection follows.
 */
export const ORDER_FIELDS_READ_BY_DEFAULT_MAPPING: readonly string[] = [
  'id',
  'legacyResourceId',
  'name',
  'poNumber',
  'processedAt',
  'createdAt',
  'note',
  'email',
  'totalPriceSet.shopMoney.amount',
  'totalTaxSet.shopMoney.amount',
  'totalShippingPriceSet.shopMoney.amount',
  'customer.displayName',
  'customer.email',
  ...['billingAddress', 'shippingAddress'].flatMap((address) =>
    [
      'name',
      'company',
      'address1',
      'address2',
      'city',
      'provinceCode',
      'zip',
      'countryCodeV2',
      'phone',
    ].map((field) => `${address}.${field}`),
  ),
  'shippingLines.nodes.title',
  'shippingLines.nodes.code',
  'lineItems.nodes.sku',
  'lineItems.nodes.name',
  'lineItems.nodes.quantity',
  'lineItems.nodes.currentQuantity',
  'lineItems.nodes.originalUnitPriceSet.shopMoney.amount',
  'lineItems.nodes.discountedUnitPriceSet.shopMoney.amount',
  'lineItems.nodes.discountedUnitPriceAfterAllDiscountsSet.shopMoney.amount',
];

/**
 * Read by the default mapping, real in Shopify's Admin API, but not requested by the
 * connector yet because the Shopify emulator does not serve them (a query naming them
 * fails validation there). The mapping falls back (after-all-discounts → line-discounted →
 * original unit price), so the result misses only order-level discounts in line prices.
 * Remove an entry once the emulator serves the field and the connector selects it: the
 * connector's test fails while a listed field is fetched.
 */
export const ORDER_FIELDS_NOT_YET_FETCHED: readonly string[] = [];

/** Read by the order filters (`OrderFilters`, DESIGN §2.1 step 2) on the raw order. */
export const ORDER_FIELDS_READ_BY_ORDER_FILTERS: readonly string[] = [
  'test',
  'cancelledAt',
  'displayFinancialStatus',
  'tags',
];
