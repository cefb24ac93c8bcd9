import { RunningShopifyEmulator, startShopifyEmulator } from '../index';
import { adminClient, pick } from '../testing/admin-client';

const PAGE = `query Page($after: String, $query: String, $first: Int!) {
  orders(first: $first, after: $after, sortKey: UPDATED_AT, query: $query) {
    edges { cursor node { id updatedAt } }
    pageInfo { hasNextPage endCursor }
  }
}`;

interface PageResult {
  edges: { cursor: string; node: { id: string; updatedAt: string } }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

describe('orders query', () => {
  let emu: RunningShopifyEmulator;

  beforeAll(async () => {
    // Fast bucket refill so big reads are not throttled here (throttling has its own spec).
    emu = await startShopifyEmulator({ timeScale: 100 });
  });
  afterAll(() => emu.close());

  async function readAll(
    call: ReturnType<typeof adminClient>,
    query: string | null,
    first: number,
    onPage?: (n: number) => void,
  ) {
    const ids: string[] = [];
    let after: string | null = null;
    for (let n = 0; ; n++) {
      const res = await call(PAGE, { after, query, first });
      expect(res.json.errors).toBeUndefined();
      const page = pick(res.json.data, 'orders') as PageResult;
      ids.push(...page.edges.map((e) => e.node.id));
      onPage?.(n);
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    return ids;
  }

  it('pages 1,000 orders with updated_at ties on page boundaries, no miss, no duplicate', async () => {
    const shop = emu.control.createShop({ shop: 'ties', plan: 'PLUS' });
    const created = emu.control.generateOrders('ties', {
      count: 1000,
      seed: 3,
      spreadMs: 3_600_000,
      tieGroupSize: 7,
    });
    const ids = await readAll(
      adminClient(shop.graphqlUrl, shop.app.accessToken ?? ''),
      "updated_at:>='2000-01-01T00:00:00Z'",
      250,
    );
    expect(ids).toHaveLength(1000);
    expect(new Set(ids).size).toBe(1000);
    expect(new Set(ids)).toEqual(new Set(created.map((o) => o.orderId)));
  });

  it('keeps cursors stable while orders are edited during the read (edited ones move to the end)', async () => {
    const shop = emu.control.createShop({ shop: 'edits', plan: 'PLUS' });
    const created = emu.control.generateOrders('edits', {
      count: 300,
      seed: 5,
      spreadMs: 600_000,
      tieGroupSize: 3,
    });
    const call = adminClient(shop.graphqlUrl, shop.app.accessToken ?? '');
    const edited = [created[10], created[150], created[290]].map(
      (o) => o?.orderId ?? '',
    );
    const ids = await readAll(call, null, 50, (n) => {
      if (n === 1)
        for (const id of edited)
          emu.control.editOrder('edits', id, { note: 'changed' });
    });
    // No order is missed; an order edited after it was read shows up again (Ferry dedups).
    expect(new Set(ids)).toEqual(new Set(created.map((o) => o.orderId)));
    expect(ids.length).toBeGreaterThanOrEqual(300);
    expect(ids.slice(-3).sort()).toEqual([...edited].sort());
  });

  it('returns Shopify shapes: GIDs, legacyResourceId, MoneyBags, addresses, attributes', async () => {
    const shop = emu.control.createShop({ shop: 'shapes' });
    const { locationId } = emu.control.addLocation('shapes', { name: 'Main' });
    const product = emu.control.addProduct('shapes', {
      title: 'Widget',
      variants: [{ sku: 'W-1', price: '12.50' }],
    });
    const order = emu.control.createOrder('shapes', {
      email: 'buyer@example.com',
      note: 'gate code 42',
      tags: ['b2b', 'rush'],
      customAttributes: [{ key: 'po', value: 'PO-7' }],
      shippingAddress: {
        firstName: 'Ada',
        lastName: 'L',
        address1: '1 Main St',
        city: 'Austin',
        provinceCode: 'TX',
        zip: '73301',
        countryCode: 'US',
      },
      lineItems: [{ variantId: product.variants[0]?.variantId, quantity: 2 }],
      shippingLines: [{ title: 'Ground', price: '5.00' }],
      locationId,
    });
    const res = await adminClient(shop.graphqlUrl, shop.app.accessToken ?? '')(
      `query($id: ID!) { order(id: $id) { id legacyResourceId name note tags email
        customAttributes { key value }
        totalPriceSet { shopMoney { amount currencyCode } presentmentMoney { amount } }
        shippingAddress { name address1 city provinceCode zip countryCodeV2 }
        shippingLines(first: 5) { nodes { title originalPriceSet { shopMoney { amount } } } }
        lineItems(first: 5) { nodes { id sku quantity variant { id } originalUnitPriceSet { shopMoney { amount } } } }
        displayFulfillmentStatus displayFinancialStatus } }`,
      { id: order.orderId },
    );
    const o = pick(res.json.data, 'order') as Record<string, unknown>;
    expect(o['id']).toMatch(/^gid:\/\/shopify\/Order\/\d+$/);
    expect(o['legacyResourceId']).toBe(String(o['id']).split('/').pop());
    expect(o).toMatchObject({
      name: '#1001',
      note: 'gate code 42',
      tags: ['b2b', 'rush'],
      email: 'buyer@example.com',
      customAttributes: [{ key: 'po', value: 'PO-7' }],
      totalPriceSet: {
        shopMoney: { amount: '30.0', currencyCode: 'USD' },
        presentmentMoney: { amount: '30.0' },
      },
      shippingAddress: {
        name: 'Ada L',
        city: 'Austin',
        provinceCode: 'TX',
        countryCodeV2: 'US',
      },
      shippingLines: {
        nodes: [
          {
            title: 'Ground',
            originalPriceSet: { shopMoney: { amount: '5.0' } },
          },
        ],
      },
      displayFulfillmentStatus: 'UNFULFILLED',
      displayFinancialStatus: 'PAID',
    });
    expect(pick(o, 'lineItems.nodes.0')).toMatchObject({
      id: expect.stringMatching(/^gid:\/\/shopify\/LineItem\/\d+$/),
      sku: 'W-1',
      quantity: 2,
      variant: { id: product.variants[0]?.variantId },
      originalUnitPriceSet: { shopMoney: { amount: '12.5' } },
    });
  });

  it('filters with the search syntax subset', async () => {
    const shop = emu.control.createShop({ shop: 'search' });
    const call = adminClient(shop.graphqlUrl, shop.app.accessToken ?? '');
    const old = emu.control.generateOrders('search', {
      count: 3,
      seed: 1,
      spreadMs: 10 * 86_400_000,
    });
    const cancelled = emu.control.generateOrders('search', {
      count: 1,
      seed: 2,
    })[0];
    emu.control.cancelOrder('search', cancelled?.orderId ?? '');
    const since = new Date(Date.now() - 86_400_000).toISOString();
    const ids = async (query: string): Promise<string[]> => {
      const res = await call(PAGE, { query, first: 50, after: null });
      return (pick(res.json.data, 'orders.edges') as PageResult['edges']).map(
        (e) => e.node.id,
      );
    };
    expect(await ids(`updated_at:>='${since}'`)).toEqual([cancelled?.orderId]);
    expect((await ids(`created_at:<'${since}'`)).sort()).toEqual(
      old.map((o) => o.orderId).sort(),
    );
    expect(await ids('status:cancelled')).toEqual([cancelled?.orderId]);
    expect(await ids('status:open')).toHaveLength(3);
    expect(await ids(`-status:cancelled AND updated_at:>='${since}'`)).toEqual(
      [],
    );
    expect(
      await ids(`status:cancelled OR created_at:<'${since}'`),
    ).toHaveLength(4);
  });

  it('hides orders older than 60 days without read_all_orders', async () => {
    const shop = emu.control.createShop({ shop: 'window' });
    emu.control.generateOrders('window', { count: 1, seed: 9 });
    const ancient = emu.control.createOrder('window', {
      lineItems: [{ title: 'Old thing', quantity: 1, price: '1.00' }],
      createdAt: new Date(Date.now() - 90 * 86_400_000).toISOString(),
    });
    const all = adminClient(shop.graphqlUrl, shop.app.accessToken ?? '');
    expect(
      pick(
        (await all(PAGE, { first: 10, after: null, query: null })).json.data,
        'orders.edges.length',
      ),
    ).toBe(2);
    const recent = emu.control.installApp('window', {
      scopes: ['read_orders'],
    });
    const limited = adminClient(shop.graphqlUrl, recent.accessToken ?? '');
    expect(
      pick(
        (await limited(PAGE, { first: 10, after: null, query: null })).json
          .data,
        'orders.edges.length',
      ),
    ).toBe(1);
    const direct = await limited('query($id: ID!) { order(id: $id) { id } }', {
      id: ancient.orderId,
    });
    expect(pick(direct.json.data, 'order')).toBeNull();
  });

  it('lags search behind writes when search lag is injected', async () => {
    const shop = emu.control.createShop({ shop: 'lag', searchLagMs: 5000 });
    const call = adminClient(shop.graphqlUrl, shop.app.accessToken ?? '');
    const [order] = emu.control.generateOrders('lag', { count: 1 });
    expect(
      pick(
        (await call(PAGE, { first: 10, after: null, query: null })).json.data,
        'orders.edges.length',
      ),
    ).toBe(0);
    expect(
      pick(
        (
          await call('query($id: ID!) { order(id: $id) { id } }', {
            id: order?.orderId,
          })
        ).json.data,
        'order.id',
      ),
    ).toBe(order?.orderId);
    emu.control.advanceClock(5000);
    expect(
      pick(
        (await call(PAGE, { first: 10, after: null, query: null })).json.data,
        'orders.edges.length',
      ),
    ).toBe(1);
  });

  it('returns null customer data without protected customer data access', async () => {
    const shop = emu.control.createShop({
      shop: 'pcd',
      protectedCustomerDataAccess: false,
    });
    emu.control.generateOrders('pcd', { count: 1 });
    const res = await adminClient(
      shop.graphqlUrl,
      shop.app.accessToken ?? '',
    )(
      '{ orders(first: 1) { nodes { email customer { id } shippingAddress { city } } } }',
    );
    expect(pick(res.json.data, 'orders.nodes.0')).toEqual({
      email: null,
      customer: null,
      shippingAddress: null,
    });
  });

  it('bumps updatedAt when an order changes and cancels with a reason', async () => {
    const shop = emu.control.createShop({ shop: 'bump' });
    const [order] = emu.control.generateOrders('bump', { count: 1 });
    emu.control.advanceClock(2000);
    const cancelled = emu.control.cancelOrder(
      'bump',
      order?.orderId ?? '',
      'INVENTORY',
    );
    expect(cancelled.updatedAt > (order?.updatedAt ?? '')).toBe(true);
    const res = await adminClient(shop.graphqlUrl, shop.app.accessToken ?? '')(
      'query($id: ID!) { order(id: $id) { updatedAt cancelledAt cancelReason closed } }',
      { id: order?.orderId },
    );
    expect(pick(res.json.data, 'order')).toMatchObject({
      updatedAt: cancelled.updatedAt,
      cancelReason: 'INVENTORY',
      closed: true,
    });
  });
});
