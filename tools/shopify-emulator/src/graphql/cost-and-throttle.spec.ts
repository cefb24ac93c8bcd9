import { RunningShopifyEmulator, startShopifyEmulator } from '../index';
import { adminClient, pick } from '../testing/admin-client';

describe('query cost and the leaky bucket', () => {
  let emu: RunningShopifyEmulator;

  beforeAll(async () => {
    emu = await startShopifyEmulator({ timeScale: 20 });
  });
  afterAll(() => emu.close());

  function shopWith(
    name: string,
    plan: 'STANDARD' | 'ADVANCED' | 'PLUS' | 'ENTERPRISE' = 'STANDARD',
  ) {
    const shop = emu.control.createShop({ shop: name, plan });
    emu.control.generateOrders(name, { count: 3 });
    return adminClient(shop.graphqlUrl, shop.app.accessToken ?? '');
  }

  it('prices a query statically and charges the actual cost', async () => {
    const call = shopWith('cost');
    // shop 1; orders 2 + 10 × (node 1 + totalPriceSet 1 + shopMoney 1 + lineItems (2 + 5 × 1))
    const res =
      await call(`{ shop { name } orders(first: 10) { edges { node { id
      totalPriceSet { shopMoney { amount } } lineItems(first: 5) { nodes { sku } } } } } }`);
    expect(res.json.extensions?.cost?.requestedQueryCost).toBe(
      1 + 2 + 10 * (1 + 2 + 7),
    );
    const lineCounts = (
      pick(res.json.data, 'orders.edges') as {
        node: { lineItems: { nodes: unknown[] } };
      }[]
    ).map((e) => e.node.lineItems.nodes.length);
    const actual =
      1 + 2 + lineCounts.reduce((sum, n) => sum + 1 + 2 + 2 + n, 0);
    expect(res.json.extensions?.cost?.actualQueryCost).toBe(actual);
    expect(res.json.extensions?.cost?.throttleStatus).toMatchObject({
      maximumAvailable: 2000,
      restoreRate: 100,
    });
  });

  it.each([
    ['STANDARD', 100],
    ['ADVANCED', 200],
    ['PLUS', 1000],
    ['ENTERPRISE', 2000],
  ] as const)(
    'uses the %s plan preset (restore %i/s, bucket 20×)',
    async (plan, rate) => {
      const call = shopWith(`plan-${plan.toLowerCase()}`, plan);
      const res = await call('{ shop { name } }');
      expect(res.json.extensions?.cost?.throttleStatus).toMatchObject({
        restoreRate: rate,
        maximumAvailable: rate * 20,
      });
    },
  );

  it('rejects first > 250 and a connection without first or last', async () => {
    const call = shopWith('pagesize');
    const tooBig = await call('{ orders(first: 251) { nodes { id } } }');
    expect(tooBig.status).toBe(200);
    expect(tooBig.json.data).toBeUndefined();
    expect(tooBig.json.errors?.[0]?.message).toContain('250');
    const none = await call('{ orders { nodes { id } } }');
    expect(none.json.errors?.[0]?.message).toBe(
      'you must provide one of first or last',
    );
  });

  it('fails a query over 1000 points with MAX_COST_EXCEEDED before running it', async () => {
    const call = shopWith('maxcost');
    const res = await call(
      '{ orders(first: 250) { nodes { id lineItems(first: 10) { nodes { id } } } } }',
    );
    const expected = 2 + 250 * (1 + 2 + 10);
    expect(res.status).toBe(200);
    expect(res.json.data).toBeUndefined();
    expect(res.json.errors?.[0]?.message).toMatch(
      new RegExp(
        `^Query cost is ${expected}, which exceeds the single query max cost limit \\(1000\\)\\.`,
      ),
    );
    expect(res.json.errors?.[0]?.extensions).toMatchObject({
      code: 'MAX_COST_EXCEEDED',
      cost: expected,
      maxCost: 1000,
    });
    expect(res.json.extensions?.cost).toMatchObject({
      requestedQueryCost: expected,
      actualQueryCost: null,
    });
    expect(
      res.json.extensions?.cost?.throttleStatus.currentlyAvailable,
    ).toBeGreaterThan(1900);
  });

  it('prices each mutation at 10', async () => {
    const call = shopWith('mutcost');
    const res = await call(
      'mutation { webhookSubscriptionDelete(id: "gid://shopify/WebhookSubscription/1") { userErrors { message } } }',
    );
    expect(res.json.extensions?.cost).toMatchObject({
      requestedQueryCost: 10,
      actualQueryCost: 10,
    });
  });

  it('answers THROTTLED with HTTP 200 and no data once the bucket is empty, then refills', async () => {
    const call = shopWith('drain');
    emu.control.generateOrders('drain', { count: 120 });
    const big =
      '{ orders(first: 70) { nodes { id lineItems(first: 11) { nodes { id } } } } }'; // 2 + 70 × 14 = 982
    let throttled = null;
    for (let i = 0; i < 12 && !throttled; i++) {
      const res = await call(big);
      if (res.json.errors?.[0]?.extensions?.['code'] === 'THROTTLED')
        throttled = res;
    }
    expect(throttled).not.toBeNull();
    expect(throttled?.status).toBe(200);
    expect(throttled?.json.data).toBeUndefined();
    expect(throttled?.json.errors?.[0]?.message).toBe('Throttled');
    expect(throttled?.json.extensions?.cost).toMatchObject({
      requestedQueryCost: 982,
      actualQueryCost: null,
    });
    const available =
      throttled?.json.extensions?.cost?.throttleStatus.currentlyAvailable ?? 0;
    expect(available).toBeLessThan(982);
    // At 20× speed the Standard bucket restores 2000 points/s of real time.
    await new Promise((resolve) =>
      setTimeout(resolve, ((982 - available) / 2000) * 1000 + 50),
    );
    expect((await call(big)).json.errors).toBeUndefined();
  });

  it('can answer throttling with 429 + Retry-After instead', async () => {
    const call = shopWith('http429');
    emu.control.setThrottleMode('http429', 'http429');
    emu.control.addFault({ kind: 'throttle', shop: 'http429' });
    const res = await call('{ shop { name } }');
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect((await call('{ shop { name } }')).status).toBe(200);
  });

  it('forces throttling with a fault', async () => {
    const call = shopWith('forced');
    // A fresh keep-alive socket first: a request racing the server's idle-socket close is
    // sent again by the client, and each delivery would take one of the faults.
    await call('{ shop { name } }');
    emu.control.addFault({ kind: 'throttle', shop: 'forced', count: 2 });
    expect(
      (await call('{ shop { name } }')).json.errors?.[0]?.extensions?.['code'],
    ).toBe('THROTTLED');
    expect(
      (await call('{ shop { name } }')).json.errors?.[0]?.extensions?.['code'],
    ).toBe('THROTTLED');
  });

  it('keeps buckets per app and shop', async () => {
    const shop = emu.control.createShop({ shop: 'perapp' });
    const other = emu.control.installApp('perapp', {});
    const a = adminClient(shop.graphqlUrl, shop.app.accessToken ?? '');
    const b = adminClient(shop.graphqlUrl, other.accessToken ?? '');
    emu.control.generateOrders('perapp', { count: 250, seed: 3 });
    const statusA = (await a('{ orders(first: 250) { nodes { id } } }')).json
      .extensions?.cost?.throttleStatus;
    const statusB = (await b('{ shop { name } }')).json.extensions?.cost
      ?.throttleStatus;
    // A's query spent ~250 points of A's bucket; B's bucket lost only its own 1 point (which a
    // loaded machine may have restored already: 100 points/s is 1 point per 10 ms).
    expect(statusA?.currentlyAvailable).toBeLessThan(1800);
    expect(statusB?.currentlyAvailable).toBeGreaterThanOrEqual(1999);
  });
});
