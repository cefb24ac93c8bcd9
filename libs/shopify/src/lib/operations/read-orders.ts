import { ShopifyGraphqlClient } from '../client/shopify-graphql-client';
import { ShopifyLineItem, ShopifyOrder } from './shopify-order';
import { ShopifyRawLineItem, ShopifyRawOrder } from './shopify-raw-order';

export interface ReadOrdersOptions {
  /** updated_at watermark of the previous run (ISO); null reads everything visible. */
  since: string | null;
  /** Re-read this far behind the watermark: Shopify's search lags writes by seconds. */
  overlapMs?: number;
  /** Orders per page; the default keeps the requested cost under 1000 points. */
  pageSize?: number;
  /**
   * Orders on the first page only (later pages use `pageSize`). A webhook-triggered read
   * usually finds a handful of orders: a small first page asks for a fraction of the
   * bucket instead of ~950 points, which on a Standard plan (100 points/s restore)
   * would otherwise wait seconds whenever the bucket is low.
   */
  firstPageSize?: number;
  /** Line items fetched with the order; more are paged in separately. */
  lineItemsPerOrder?: number;
}

export interface OrdersPage {
  /** The orders in the connector's normalized shape. */
  orders: ShopifyOrder[];
  /**
   * The same orders as the Admin API's raw GraphQL nodes (all line items merged into
   * `lineItems.nodes`), aligned by index with `orders`: what the mapping reads and the
   * ledger stores.
   */
  rawOrders: ShopifyRawOrder[];
  /** Highest updatedAt seen so far in this read: the next run's `since`. */
  watermark: string | null;
}

// Scalars cost nothing: MoneyBags always carry the currency, so the raw node is a
// complete MoneyV2. Every field the default mapping reads is selected
// (ORDER_FIELDS_READ_BY_DEFAULT_MAPPING in @ferry/contracts, checked by the spec).
const MONEY = 'shopMoney { amount currencyCode }';
const ADDRESS =
  'name company address1 address2 city provinceCode zip countryCodeV2 phone';
const LINE_ITEM = `id sku name quantity currentQuantity variant { id }
  originalUnitPriceSet { ${MONEY} } discountedUnitPriceSet { ${MONEY} } discountedUnitPriceAfterAllDiscountsSet { ${MONEY} }`;

const ORDERS_QUERY = `query FerryOrders($first: Int!, $after: String, $query: String, $lines: Int!) {
  orders(first: $first, after: $after, query: $query, sortKey: UPDATED_AT) {
    pageInfo { hasNextPage endCursor }
    nodes {
      id legacyResourceId name createdAt processedAt updatedAt cancelledAt closed test
      email phone note poNumber tags
      customAttributes { key value }
      currencyCode displayFinancialStatus displayFulfillmentStatus
      totalPriceSet { ${MONEY} } subtotalPriceSet { ${MONEY} } totalTaxSet { ${MONEY} }
      totalShippingPriceSet { ${MONEY} } totalDiscountsSet { ${MONEY} }
      customer { id displayName email firstName lastName phone }
      shippingAddress { ${ADDRESS} }
      billingAddress { ${ADDRESS} }
      shippingLines(first: 2) { nodes { title code originalPriceSet { ${MONEY} } } }
      lineItems(first: $lines) { pageInfo { hasNextPage endCursor } nodes { ${LINE_ITEM} } }
    }
  }
}`;

const MORE_LINES_QUERY = `query FerryOrderLines($id: ID!, $after: String) {
  order(id: $id) { lineItems(first: 100, after: $after) { pageInfo { hasNextPage endCursor } nodes { ${LINE_ITEM} } } }
}`;

interface LineItemPage {
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  nodes: ShopifyRawLineItem[];
}

/** An order node as it comes off the wire: only its first page of line items. */
type WireOrder = Omit<ShopifyRawOrder, 'lineItems'> & {
  lineItems: LineItemPage;
};

function lineItem(raw: ShopifyRawLineItem): ShopifyLineItem {
  return {
    id: raw.id,
    sku: raw.sku,
    name: raw.name,
    quantity: raw.quantity,
    currentQuantity: raw.currentQuantity,
    variantId: raw.variant?.id ?? null,
    unitPrice: raw.originalUnitPriceSet.shopMoney.amount,
    discountedUnitPrice: raw.discountedUnitPriceSet.shopMoney.amount,
  };
}

function toOrder(raw: ShopifyRawOrder): ShopifyOrder {
  const customer = raw.customer;
  return {
    id: raw.id,
    legacyResourceId: raw.legacyResourceId,
    name: raw.name,
    createdAt: raw.createdAt,
    updatedAt: raw.updatedAt,
    cancelledAt: raw.cancelledAt,
    closed: raw.closed,
    email: raw.email,
    phone: raw.phone,
    note: raw.note,
    poNumber: raw.poNumber,
    tags: raw.tags,
    customAttributes: raw.customAttributes,
    currencyCode: raw.currencyCode,
    displayFinancialStatus: raw.displayFinancialStatus,
    displayFulfillmentStatus: raw.displayFulfillmentStatus,
    totalPrice: raw.totalPriceSet.shopMoney,
    subtotalPrice: raw.subtotalPriceSet?.shopMoney ?? null,
    totalTax: raw.totalTaxSet?.shopMoney ?? null,
    totalShipping: raw.totalShippingPriceSet.shopMoney,
    totalDiscounts: raw.totalDiscountsSet?.shopMoney ?? null,
    customer: customer && {
      id: customer.id,
      email: customer.email,
      firstName: customer.firstName,
      lastName: customer.lastName,
      phone: customer.phone,
    },
    shippingAddress: raw.shippingAddress,
    billingAddress: raw.billingAddress,
    shippingLines: raw.shippingLines.nodes.map((s) => ({
      title: s.title,
      code: s.code,
      price: s.originalPriceSet.shopMoney.amount,
    })),
    lineItems: raw.lineItems.nodes.map(lineItem),
  };
}

/** The wire node with the remaining line-item pages read and merged into `nodes`. */
async function completeOrder(
  client: ShopifyGraphqlClient,
  wire: WireOrder,
): Promise<ShopifyRawOrder> {
  const lines = [...wire.lineItems.nodes];
  let page = wire.lineItems.pageInfo;
  while (page.hasNextPage) {
    const data = await client.request<{
      order: { lineItems: LineItemPage } | null;
    }>(MORE_LINES_QUERY, { id: wire.id, after: page.endCursor });
    if (!data.order) break;
    lines.push(...data.order.lineItems.nodes);
    page = data.order.lineItems.pageInfo;
  }
  return { ...wire, lineItems: { nodes: lines } };
}

/**
 * Requested cost of one order in ORDERS_QUERY: the node 1, customAttributes, customer
 * and two addresses 1 each, five MoneyBags 2 each, shipping lines 2 + 2 × 3, line items
 * 2 + 6 per line requested (node, variant, two MoneyBags). Scalars are free.
 */
export function requestedOrderCost(lineItemsPerOrder: number): number {
  return 25 + 8 * lineItemsPerOrder;
}

/** Largest page whose requested cost (2 for the connection) stays under Shopify's 1000-point query limit. */
export function defaultPageSize(lineItemsPerOrder: number): number {
  return Math.max(
    1,
    Math.floor((1000 - 2) / requestedOrderCost(lineItemsPerOrder)),
  );
}

/** Search syntax wants the date quoted. */
export function updatedSinceQuery(
  since: string | null,
  overlapMs: number,
): string | null {
  if (!since) return null;
  const from = new Date(Date.parse(since) - overlapMs)
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z');
  return `updated_at:>='${from}'`;
}

/**
 * Orders updated since a watermark, oldest change first, as pages. The read starts
 * `overlapMs` before the watermark (search lag) and drops what this read already
 * yielded in the same version (same id and updatedAt), so ties on page boundaries and
 * orders edited during the read are neither missed nor repeated needlessly.
 */
export async function* readOrdersUpdatedSince(
  client: ShopifyGraphqlClient,
  options: ReadOrdersOptions,
): AsyncGenerator<OrdersPage> {
  const query = updatedSinceQuery(
    options.since,
    options.overlapMs ?? 5 * 60_000,
  );
  const lines = options.lineItemsPerOrder ?? 10;
  const yielded = new Map<string, string>();
  let watermark = options.since;
  let after: string | null = null;
  const pageSize = options.pageSize ?? defaultPageSize(lines);
  let first = Math.min(options.firstPageSize ?? pageSize, pageSize);
  for (;;) {
    const data: {
      orders: {
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
        nodes: WireOrder[];
      };
    } = await client.request(ORDERS_QUERY, {
      first,
      after,
      query,
      lines,
    });
    const orders: ShopifyOrder[] = [];
    const rawOrders: ShopifyRawOrder[] = [];
    for (const wire of data.orders.nodes) {
      const previous = yielded.get(wire.id);
      if (previous !== undefined && previous >= wire.updatedAt) continue;
      yielded.set(wire.id, wire.updatedAt);
      const raw = await completeOrder(client, wire);
      rawOrders.push(raw);
      orders.push(toOrder(raw));
      if (!watermark || wire.updatedAt > watermark) watermark = wire.updatedAt;
    }
    if (orders.length > 0) yield { orders, rawOrders, watermark };
    if (!data.orders.pageInfo.hasNextPage) return;
    after = data.orders.pageInfo.endCursor;
    first = pageSize;
  }
}
