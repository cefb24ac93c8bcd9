import { RunningShopifyEmulator, startShopifyEmulator } from '../index';
import { adminClient, pick } from '../testing/admin-client';

const RUN = `mutation($q: String!) { bulkOperationRunQuery(query: $q) { bulkOperation { id status } userErrors { code field message } } }`;
const CURRENT =
  '{ currentBulkOperation { id status errorCode objectCount rootObjectCount url } }';

describe('bulk operations', () => {
  let emu: RunningShopifyEmulator;
  let call: ReturnType<typeof adminClient>;

  beforeAll(async () => {
    emu = await startShopifyEmulator({
      timeScale: 100,
      // 300 ms real: long enough that a second request lands while the first still runs, even on a loaded machine.
      bulkRunDurationMs: 30_000,
    });
    const shop = emu.control.createShop({ shop: 'bulk' });
    call = adminClient(shop.graphqlUrl, shop.app.accessToken ?? '');
    emu.control.generateOrders('bulk', { count: 300, seed: 11 });
  });
  afterAll(() => emu.close());

  async function waitForCompletion(): Promise<Record<string, unknown>> {
    for (let i = 0; i < 500; i++) {
      const op = pick(
        (await call(CURRENT)).json.data,
        'currentBulkOperation',
      ) as Record<string, unknown>;
      if (op['status'] === 'COMPLETED' || op['status'] === 'FAILED') return op;
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error('bulk operation did not finish');
  }

  it('runs a query without page limits and serves JSONL with __parentId', async () => {
    const query = `{ orders(query: "status:any") { edges { node { id name lineItems { edges { node { id sku quantity } } } } } } }`;
    const started = await call(RUN, { q: query });
    expect(pick(started.json.data, 'bulkOperationRunQuery.userErrors')).toEqual(
      [],
    );
    expect(
      pick(started.json.data, 'bulkOperationRunQuery.bulkOperation.status'),
    ).toBe('CREATED');
    const op = await waitForCompletion();
    expect(op['rootObjectCount']).toBe('300');
    const text = await (await fetch(String(op['url']))).text();
    const lines = text
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(String(lines.length)).toBe(op['objectCount']);
    const orders = lines.filter((l) => String(l['id']).includes('/Order/'));
    const items = lines.filter((l) => String(l['id']).includes('/LineItem/'));
    expect(orders).toHaveLength(300);
    expect(orders[0]).not.toHaveProperty('lineItems');
    expect(items.length).toBeGreaterThan(300);
    const orderIds = new Set(orders.map((o) => o['id']));
    expect(items.every((i) => orderIds.has(i['__parentId']))).toBe(true);
  });

  it('refuses a second operation while one runs, and invalid queries', async () => {
    await call(RUN, { q: '{ orders { edges { node { id } } } }' });
    const second = await call(RUN, {
      q: '{ orders { edges { node { id } } } }',
    });
    expect(
      pick(second.json.data, 'bulkOperationRunQuery.userErrors.0.code'),
    ).toBe('OPERATION_IN_PROGRESS');
    await waitForCompletion();
    const bad = await call(RUN, { q: '{ nope }' });
    expect(pick(bad.json.data, 'bulkOperationRunQuery.userErrors.0.code')).toBe(
      'INVALID',
    );
  });
});
