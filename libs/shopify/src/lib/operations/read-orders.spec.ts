import {
  ORDER_FIELDS_NOT_YET_FETCHED,
  ORDER_FIELDS_READ_BY_DEFAULT_MAPPING,
  ORDER_FIELDS_READ_BY_ORDER_FILTERS,
} from '@ferry/contracts';
import { Harness, startHarness } from '../../testing/emulator-harness';
import {
  defaultPageSize,
  OrdersPage,
  readOrdersUpdatedSince,
  requestedOrderCost,
  updatedSinceQuery,
} from './read-orders';
import { ShopifyOrder } from './shopify-order';

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The objects that should hold the last segment of `path` (connections' `nodes` flattened). */
function holdersOf(root: unknown, path: string): Record<string, unknown>[] {
  let level: unknown[] = [root];
  for (const segment of path.split('.').slice(0, -1)) {
    level = level.flatMap((value) => {
      const next = isRecord(value) ? value[segment] : undefined;
      return Array.isArray(next) ? next : [next];
    });
  }
  return level.filter(isRecord);
}

/** Paths whose last field is missing from some holder, or that no order reaches at all. */
function missingPaths(raws: unknown[], paths: readonly string[]): string[] {
  return paths.filter((path) => {
    const field = path.split('.').pop() ?? '';
    const holders = raws.flatMap((raw) => holdersOf(raw, path));
    return holders.length === 0 || holders.some((h) => !(field in h));
  });
}

/** Paths whose last field some order carries. */
function presentPaths(raws: unknown[], paths: readonly string[]): string[] {
  return paths.filter((path) => {
    const field = path.split('.').pop() ?? '';
    return raws.some((raw) => holdersOf(raw, path).some((h) => field in h));
  });
}

describe('readOrdersUpdatedSince', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness(1000);
  });
  afterAll(() => h.close());

  async function readAll(
    iterator: AsyncGenerator<OrdersPage>,
    onPage?: (n: number) => void,
  ) {
    const versions: string[] = [];
    const orders: ShopifyOrder[] = [];
    const pages: OrdersPage[] = [];
    let watermark: string | null = null;
    let n = 0;
    for await (const page of iterator) {
      pages.push(page);
      for (const o of page.orders) versions.push(`${o.id}@${o.updatedAt}`);
      orders.push(...page.orders);
      watermark = page.watermark;
      await onPage?.(n++);
    }
    return { versions, orders, pages, watermark };
  }

  /** A client that records the requested cost Shopify reports for each orders page. */
  function costRecordingClient(shop: Parameters<Harness['client']>[0]) {
    const requested: number[] = [];
    const client = h.client(shop, {
      fetch: async (input, init) => {
        const response = await fetch(input, init);
        if (String(init.body).includes('FerryOrders')) {
          const body = (await response.clone().json()) as {
            extensions?: { cost?: { requestedQueryCost?: number } };
          };
          requested.push(body.extensions?.cost?.requestedQueryCost ?? -1);
        }
        return response;
      },
    });
    return { client, requested };
  }

  it('keeps the requested cost of a page under 1000 points', () => {
    expect(defaultPageSize(10)).toBe(9);
    expect(2 + 9 * requestedOrderCost(10)).toBeLessThan(1000);
    expect(2 + 10 * requestedOrderCost(10)).toBeGreaterThanOrEqual(1000);
    expect(updatedSinceQuery('2026-01-01T00:10:00.000Z', 600_000)).toBe(
      "updated_at:>='2026-01-01T00:00:00Z'",
    );
  });

  it("is charged by Shopify's cost rules exactly what the page size was computed for", async () => {
    const shop = await h.shop('read-cost', 'PLUS');
    await h.emulator.generateOrders('read-cost', { count: 30, seed: 5 });
    const { client, requested } = costRecordingClient(shop);
    for await (const page of readOrdersUpdatedSince(client, { since: null }))
      expect(page.orders.length).toBeGreaterThan(0);
    expect(requested.length).toBe(4); // 30 orders in pages of 9
    // The emulator prices the real selection: the formula must match it.
    for (const cost of requested) {
      expect(cost).toBe(2 + defaultPageSize(10) * requestedOrderCost(10));
      expect(cost).toBeLessThan(1000);
    }
  });

  it('asks for a small first page when told to, then full pages', async () => {
    const shop = await h.shop('read-first-page', 'PLUS');
    await h.emulator.generateOrders('read-first-page', { count: 30, seed: 6 });
    const { client, requested } = costRecordingClient(shop);
    const { orders, pages } = await readAll(
      readOrdersUpdatedSince(client, { since: null, firstPageSize: 2 }),
    );
    expect(orders).toHaveLength(30);
    expect(new Set(orders.map((o) => o.id)).size).toBe(30);
    expect(pages.map((p) => p.orders.length)).toEqual([2, 9, 9, 9, 1]);
    expect(requested[0]).toBe(2 + 2 * requestedOrderCost(10));
    expect(requested.slice(1)).toEqual(
      Array(4).fill(2 + defaultPageSize(10) * requestedOrderCost(10)),
    );
  });

  it("hands out each order's raw GraphQL node, aligned with the normalized order", async () => {
    const shop = await h.shop('read-raw', 'PLUS');
    await h.emulator.generateOrders('read-raw', {
      count: 60,
      seed: 13,
      spreadMs: 3_600_000,
    });
    const pages: OrdersPage[] = [];
    for await (const page of readOrdersUpdatedSince(h.client(shop), {
      since: null,
    }))
      pages.push(page);
    expect(pages.length).toBeGreaterThan(1);
    for (const page of pages) {
      expect(page.rawOrders.length).toBe(page.orders.length);
      page.orders.forEach((order, i) => {
        const raw = page.rawOrders[i];
        expect(raw?.id).toBe(order.id);
        expect(raw?.updatedAt).toBe(order.updatedAt);
        expect(raw?.totalPriceSet.shopMoney).toEqual(order.totalPrice);
        expect(raw?.lineItems.nodes.map((l) => l.id)).toEqual(
          order.lineItems.map((l) => l.id),
        );
        // Plain JSON: the ledger stores it as is.
        expect(JSON.parse(JSON.stringify(raw))).toEqual(raw);
      });
    }
  });

  it('carries every field the default orders mapping and the order filters read', async () => {
    const shop = await h.shop('read-fields', 'PLUS');
    await h.emulator.generateOrders('read-fields', { count: 40, seed: 17 });
    const raws: unknown[] = [];
    for await (const page of readOrdersUpdatedSince(h.client(shop), {
      since: null,
    }))
      raws.push(...page.rawOrders);
    expect(raws.length).toBe(40);
    const fetched = ORDER_FIELDS_READ_BY_DEFAULT_MAPPING.filter(
      (path) => !ORDER_FIELDS_NOT_YET_FETCHED.includes(path),
    );
    expect(fetched.length).toBeGreaterThan(30);
    expect(missingPaths(raws, fetched)).toEqual([]);
    expect(missingPaths(raws, ORDER_FIELDS_READ_BY_ORDER_FILTERS)).toEqual([]);
    // Once a field is fetched, take it off the "not yet fetched" list.
    expect(presentPaths(raws, ORDER_FIELDS_NOT_YET_FETCHED)).toEqual([]);
  });

  it('reads 1,200 orders with ties on page boundaries and edits during the read: no miss, no duplicate', async () => {
    const shop = await h.shop('read-ties', 'PLUS');
    const created = await h.emulator.generateOrders('read-ties', {
      count: 1200,
      seed: 8,
      spreadMs: 7_200_000,
      tieGroupSize: 11,
    });
    const client = h.client(shop);
    const edited = [created[5], created[600], created[1100]].map(
      (o) => o?.orderId ?? '',
    );
    const { versions, orders, watermark } = await readAll(
      readOrdersUpdatedSince(client, { since: null }),
      async (n) => {
        if (n !== 3) return;
        for (const id of edited) {
          await h.emulator.editOrder('read-ties', id, {
            note: 'edited mid-read',
          });
        }
      },
    );
    expect(new Set(orders.map((o) => o.id))).toEqual(
      new Set(created.map((o) => o.orderId)),
    );
    expect(new Set(versions).size).toBe(versions.length);
    // The latest version of every edited order was seen.
    for (const id of edited)
      expect(
        orders
          .filter((o) => o.id === id)
          .some((o) => o.note === 'edited mid-read'),
      ).toBe(true);
    expect(watermark).toBe(
      orders
        .map((o) => o.updatedAt)
        .sort()
        .pop(),
    );
    expect(orders[0]?.lineItems.length).toBeGreaterThan(0);
    expect(orders[0]?.totalPrice.currencyCode).toBe('USD');
  });

  it('loses nothing when 5xx, resets, 429 and throttling hit the read', async () => {
    const shop = await h.shop('read-faults', 'PLUS');
    const created = await h.emulator.generateOrders('read-faults', {
      count: 300,
      seed: 4,
      spreadMs: 3_600_000,
      tieGroupSize: 4,
    });
    const client = h.client(shop, { maxAttempts: 10 });
    let page = 0;
    const { orders } = await readAll(
      readOrdersUpdatedSince(client, { since: null }),
      async () => {
        page++;
        if (page % 5 !== 1) return;
        await h.emulator.addFault({
          kind: 'status',
          status: 503,
          shop: 'read-faults',
        });
        await h.emulator.addFault({ kind: 'reset', shop: 'read-faults' });
        await h.emulator.addFault({
          kind: 'status',
          status: 429,
          shop: 'read-faults',
        });
        await h.emulator.addFault({ kind: 'throttle', shop: 'read-faults' });
      },
    );
    await h.emulator.clearFaults();
    expect(new Set(orders.map((o) => o.id))).toEqual(
      new Set(created.map((o) => o.orderId)),
    );
    expect(client.stats.retries).toBeGreaterThanOrEqual(
      4 * Math.floor(orders.length / 11 / 5),
    );
  });

  it('pages in line items beyond the first page', async () => {
    const shop = await h.shop('read-lines');
    await h.emulator.addLocation('read-lines', { name: 'Main' });
    await h.emulator.createOrder('read-lines', {
      lineItems: Array.from({ length: 23 }, (_, i) => ({
        title: `Part ${i}`,
        sku: `P-${i}`,
        quantity: 1,
        price: '1.00',
      })),
    });
    const { orders, pages } = await readAll(
      readOrdersUpdatedSince(h.client(shop), {
        since: null,
        lineItemsPerOrder: 5,
      }),
    );
    expect(orders[0]?.lineItems.map((l) => l.sku)).toEqual(
      Array.from({ length: 23 }, (_, i) => `P-${i}`),
    );
    const [page] = pages;
    expect(page?.rawOrders[0]?.lineItems).toEqual({
      nodes: expect.any(Array),
    });
    expect(page?.rawOrders[0]?.lineItems.nodes.map((l) => l.sku)).toEqual(
      Array.from({ length: 23 }, (_, i) => `P-${i}`),
    );
  });

  it('resumes from the watermark with an overlap window', async () => {
    const shop = await h.shop('read-resume');
    await h.emulator.generateOrders('read-resume', {
      count: 20,
      seed: 2,
      spreadMs: 86_400_000,
    });
    const client = h.client(shop);
    const first = await readAll(
      readOrdersUpdatedSince(client, { since: null }),
    );
    // Later writes get a later updated_at than the first read's watermark.
    await new Promise((r) => setTimeout(r, 1100));
    const [fresh] = await h.emulator.generateOrders('read-resume', {
      count: 1,
      seed: 3,
    });
    const second = await readAll(
      readOrdersUpdatedSince(client, {
        since: first.watermark,
        overlapMs: 60_000,
      }),
    );
    expect(second.orders.map((o) => o.id)).toContain(fresh?.orderId);
    expect(second.orders.length).toBeLessThan(5);
  });

  it('reads 5,000 orders on the Standard plan without a single THROTTLED response', async () => {
    const shop = await h.shop('read-standard', 'STANDARD');
    await h.emulator.generateOrders('read-standard', {
      count: 5000,
      seed: 21,
      spreadMs: 30 * 86_400_000,
    });
    const client = h.client(shop);
    const { orders } = await readAll(
      readOrdersUpdatedSince(client, { since: null }),
    );
    expect(new Set(orders.map((o) => o.id)).size).toBe(5000);
    expect(client.stats.throttledResponses).toBe(0);
  }, 60_000);
});
