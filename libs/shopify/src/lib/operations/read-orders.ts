import { ShopifyGraphqlClient } from '../client/shopify-graphql-client';
import {
  ShopifyAddress,
  ShopifyLineItem,
  ShopifyMoney,
  ShopifyOrder,
} from './shopify-order';

export interface ReadOrdersOptions {
  /** updated_at watermark of the previous run (ISO); null reads everything visible. */
  since: string | null;
  /** Re-read this far behind the watermark: Shopify's search lags writes by seconds. */
  overlapMs?: number;
  /** Orders per page; the default keeps the requested cost under 1000 points. */
  pageSize?: number;
  /** Line items fetched with the order; more are paged in separately. */
  lineItemsPerOrder?: number;
}

export interface OrdersPage {
  orders: ShopifyOrder[];
  /** Highest updatedAt seen so far in this read: the next run's `since`. */
  watermark: string | null;
}

const MONEY = 'shopMoney { amount currencyCode }';
const ADDRESS =
  'name company address1 address2 city provinceCode zip countryCodeV2 phone';
const LINE_ITEM = `id sku name quantity currentQuantity variant { id }
  originalUnitPriceSet { shopMoney { amount } } discountedUnitPriceSet { shopMoney { amount } }`;

const ORDERS_QUERY = `query FerryOrders($first: Int!, $after: String, $query: String, $lines: Int!) {
  orders(first: $first, after: $after, query: $query, sortKey: UPDATED_AT) {
    pageInfo { hasNextPage endCursor }
    nodes {
      id legacyResourceId name createdAt updatedAt cancelledAt closed email phone note poNumber tags
      customAttributes { key value }
      currencyCode displayFinancialStatus displayFulfillmentStatus
      totalPriceSet { ${MONEY} } subtotalPriceSet { ${MONEY} } totalTaxSet { ${MONEY} }
      totalShippingPriceSet { ${MONEY} } totalDiscountsSet { ${MONEY} }
      customer { id email firstName lastName phone }
      shippingAddress { ${ADDRESS} }
      billingAddress { ${ADDRESS} }
      shippingLines(first: 2) { nodes { title code originalPriceSet { shopMoney { amount } } } }
      lineItems(first: $lines) { pageInfo { hasNextPage endCursor } nodes { ${LINE_ITEM} } }
    }
  }
}`;

const MORE_LINES_QUERY = `query FerryOrderLines($id: ID!, $after: String) {
  order(id: $id) { lineItems(first: 100, after: $after) { pageInfo { hasNextPage endCursor } nodes { ${LINE_ITEM} } } }
}`;

interface RawLineItem {
  id: string;
  sku: string | null;
  name: string;
  quantity: number;
  currentQuantity: number;
  variant: { id: string } | null;
  originalUnitPriceSet: { shopMoney: { amount: string } };
  discountedUnitPriceSet: { shopMoney: { amount: string } };
}

interface LineItemPage {
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  nodes: RawLineItem[];
}

interface RawOrder {
  id: string;
  legacyResourceId: string;
  name: string;
  createdAt: string;
  updatedAt: string;
  cancelledAt: string | null;
  closed: boolean;
  email: string | null;
  phone: string | null;
  note: string | null;
  poNumber: string | null;
  tags: string[];
  customAttributes: { key: string; value: string | null }[];
  currencyCode: string;
  displayFinancialStatus: string | null;
  displayFulfillmentStatus: string;
  totalPriceSet: { shopMoney: ShopifyMoney };
  subtotalPriceSet: { shopMoney: ShopifyMoney } | null;
  totalTaxSet: { shopMoney: ShopifyMoney } | null;
  totalShippingPriceSet: { shopMoney: ShopifyMoney };
  totalDiscountsSet: { shopMoney: ShopifyMoney } | null;
  customer: ShopifyOrder['customer'];
  shippingAddress: ShopifyAddress | null;
  billingAddress: ShopifyAddress | null;
  shippingLines: {
    nodes: {
      title: string;
      code: string | null;
      originalPriceSet: { shopMoney: { amount: string } };
    }[];
  };
  lineItems: LineItemPage;
}

function lineItem(raw: RawLineItem): ShopifyLineItem {
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

function toOrder(raw: RawOrder, lines: RawLineItem[]): ShopifyOrder {
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
    customer: raw.customer,
    shippingAddress: raw.shippingAddress,
    billingAddress: raw.billingAddress,
    shippingLines: raw.shippingLines.nodes.map((s) => ({
      title: s.title,
      code: s.code,
      price: s.originalPriceSet.shopMoney.amount,
    })),
    lineItems: lines.map(lineItem),
  };
}

async function allLineItems(
  client: ShopifyGraphqlClient,
  raw: RawOrder,
): Promise<RawLineItem[]> {
  const lines = [...raw.lineItems.nodes];
  let page = raw.lineItems.pageInfo;
  while (page.hasNextPage) {
    const data = await client.request<{
      order: { lineItems: LineItemPage } | null;
    }>(MORE_LINES_QUERY, { id: raw.id, after: page.endCursor });
    if (!data.order) break;
    lines.push(...data.order.lineItems.nodes);
    page = data.order.lineItems.pageInfo;
  }
  return lines;
}

/**
 * Largest page whose requested cost stays under Shopify's 1000-point query limit:
 * an order costs about 25 points plus 6 per line item requested (object 1, MoneyBag 2).
 */
export function defaultPageSize(lineItemsPerOrder: number): number {
  return Math.max(1, Math.floor((1000 - 2) / (25 + 6 * lineItemsPerOrder)));
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
  for (;;) {
    const data: {
      orders: {
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
        nodes: RawOrder[];
      };
    } = await client.request(ORDERS_QUERY, {
      first: options.pageSize ?? defaultPageSize(lines),
      after,
      query,
      lines,
    });
    const orders: ShopifyOrder[] = [];
    for (const raw of data.orders.nodes) {
      const previous = yielded.get(raw.id);
      if (previous !== undefined && previous >= raw.updatedAt) continue;
      yielded.set(raw.id, raw.updatedAt);
      orders.push(toOrder(raw, await allLineItems(client, raw)));
      if (!watermark || raw.updatedAt > watermark) watermark = raw.updatedAt;
    }
    if (orders.length > 0) yield { orders, watermark };
    if (!data.orders.pageInfo.hasNextPage) return;
    after = data.orders.pageInfo.endCursor;
  }
}
