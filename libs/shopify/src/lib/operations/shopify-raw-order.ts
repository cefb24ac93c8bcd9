import { ShopifyAddress } from './shopify-order';

/**
 * The order node exactly as the GraphQL Admin API returns it for the connector's
 * selection (Shopify's field names, MoneyBags, connections), plain JSON. This is what
 * the default orders mapping reads (`ORDER_FIELDS_READ_BY_DEFAULT_MAPPING` in
 * @ferry/contracts) and what the ledger keeps as the source payload. The one change from
 * the wire: `lineItems` holds every line item in `nodes` (the extra pages merged in, no
 * `pageInfo`).
 */
export interface ShopifyRawMoneyBag {
  shopMoney: { amount: string; currencyCode: string };
}

export interface ShopifyRawLineItem {
  id: string;
  sku: string | null;
  name: string;
  quantity: number;
  currentQuantity: number;
  variant: { id: string } | null;
  originalUnitPriceSet: ShopifyRawMoneyBag;
  discountedUnitPriceSet: ShopifyRawMoneyBag;
}

export interface ShopifyRawShippingLine {
  title: string;
  code: string | null;
  originalPriceSet: ShopifyRawMoneyBag;
}

export interface ShopifyRawCustomer {
  id: string;
  displayName: string;
  email: string | null;
  firstName: string | null;
  lastName: string | null;
  phone: string | null;
}

export interface ShopifyRawOrder {
  id: string;
  legacyResourceId: string;
  name: string;
  createdAt: string;
  processedAt: string;
  updatedAt: string;
  cancelledAt: string | null;
  closed: boolean;
  test: boolean;
  email: string | null;
  phone: string | null;
  note: string | null;
  poNumber: string | null;
  tags: string[];
  customAttributes: { key: string; value: string | null }[];
  currencyCode: string;
  displayFinancialStatus: string | null;
  displayFulfillmentStatus: string;
  totalPriceSet: ShopifyRawMoneyBag;
  subtotalPriceSet: ShopifyRawMoneyBag | null;
  totalTaxSet: ShopifyRawMoneyBag | null;
  totalShippingPriceSet: ShopifyRawMoneyBag;
  totalDiscountsSet: ShopifyRawMoneyBag | null;
  /** Null for guest checkouts and without protected customer data access. */
  customer: ShopifyRawCustomer | null;
  shippingAddress: ShopifyAddress | null;
  billingAddress: ShopifyAddress | null;
  /** The first two shipping lines (the mapping reads the first). */
  shippingLines: { nodes: ShopifyRawShippingLine[] };
  /** All line items, merged across pages. */
  lineItems: { nodes: ShopifyRawLineItem[] };
}
