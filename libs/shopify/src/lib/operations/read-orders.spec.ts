import { Harness, startHarness } from '../../testing/emulator-harness';
import {
  defaultPageSize,
  readOrdersUpdatedSince,
  updatedSinceQuery,
} from './read-orders';
import { ShopifyOrder } from './shopify-order';

describe('readOrdersUpdatedSince', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness(1000);
  });
  afterAll(() => h.close());

  async function readAll(
    iterator: AsyncGenerator<{
      orders: ShopifyOrder[];
      watermark: string | null;
    }>,
    onPage?: (n: number) => void,
  ) {
    const versions: string[] = [];
    const orders: ShopifyOrder[] = [];
    let watermark: string | null = null;
    let n = 0;
    for await (const page of iterator) {
      for (const o of page.orders) versions.push(`${o.id}@${o.updatedAt}`);
      orders.push(...page.orders);
      watermark = page.watermark;
      await onPage?.(n++);
    }
    return { versions, orders, watermark };
  }

  it('keeps the requested cost of a page under 1000 points', () => {
    expect(defaultPageSize(10)).toBe(11);
    expect(updatedSinceQuery('2026-01-01T00:10:00.000Z', 600_000)).toBe(
      "updated_at:>='2026-01-01T00:00:00Z'",
    );
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
    const { orders } = await readAll(
      readOrdersUpdatedSince(h.client(shop), {
        since: null,
        lineItemsPerOrder: 5,
      }),
    );
    expect(orders[0]?.lineItems.map((l) => l.sku)).toEqual(
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
