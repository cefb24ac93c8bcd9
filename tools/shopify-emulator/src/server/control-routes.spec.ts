import {
  RunningShopifyEmulator,
  ShopInfo,
  startShopifyEmulator,
} from '../index';
import { adminClient, pick } from '../testing/admin-client';

describe('control API over HTTP', () => {
  let emu: RunningShopifyEmulator;

  beforeAll(async () => {
    emu = await startShopifyEmulator();
  });
  afterAll(() => emu.close());

  async function post<T>(path: string, body: unknown = {}): Promise<T> {
    const res = await fetch(`${emu.url}/_emulator${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(res.status).toBe(200);
    return (await res.json()) as T;
  }

  it('builds a shop, catalog, inventory and orders, then reads them through GraphQL', async () => {
    const shop = await post<ShopInfo>('/shops', {
      shop: 'remote',
      plan: 'ADVANCED',
    });
    const { locationId } = await post<{ locationId: string }>(
      '/shops/remote/locations',
      { name: 'DC' },
    );
    const product = await post<{
      variants: { variantId: string; inventoryItemId: string }[];
    }>('/shops/remote/products', {
      title: 'Gear',
      variants: [{ sku: 'G-1', price: '9.99' }],
    });
    const item = product.variants[0];
    await post('/shops/remote/inventory', {
      inventoryItemId: item?.inventoryItemId,
      locationId,
      quantities: { available: 4 },
    });
    const order = await post<{ orderId: string }>('/shops/remote/orders', {
      lineItems: [{ variantId: item?.variantId, quantity: 1 }],
    });
    await post(
      `/shops/remote/orders/${encodeURIComponent(order.orderId)}/edit`,
      { note: 'edited' },
    );
    await post('/shops/remote/orders/generate', { count: 5, seed: 3 });
    const summary = await (
      await fetch(`${emu.url}/_emulator/shops/remote`)
    ).json();
    expect(summary).toMatchObject({
      plan: 'ADVANCED',
      orders: 6,
      locations: 1,
    });
    const res = await adminClient(shop.graphqlUrl, shop.app.accessToken ?? '')(
      'query($id: ID!) { order(id: $id) { note } }',
      { id: order.orderId },
    );
    expect(pick(res.json.data, 'order.note')).toBe('edited');
  });

  it('injects and clears faults, and toggles settings', async () => {
    const shop = await post<ShopInfo>('/shops', { shop: 'remote2' });
    await post('/faults', { kind: 'status', status: 502 });
    const failed = await fetch(shop.graphqlUrl, { method: 'POST' });
    expect(failed.status).toBe(502);
    await post('/faults', { kind: 'status', status: 502, count: -1 });
    await fetch(`${emu.url}/_emulator/faults`, { method: 'DELETE' });
    await post('/shops/remote2/settings', { plan: 'PLUS' });
    const res = await adminClient(
      shop.graphqlUrl,
      shop.app.accessToken ?? '',
    )('{ shop { plan { shopifyPlus } } }');
    expect(pick(res.json.data, 'shop.plan.shopifyPlus')).toBe(true);
    expect(res.json.extensions?.cost?.throttleStatus.restoreRate).toBe(1000);
  });

  it('reads inventory and settles webhooks over HTTP', async () => {
    await post('/shops', { shop: 'remote3' });
    const { locationId } = await post<{ locationId: string }>(
      '/shops/remote3/locations',
      { name: 'DC' },
    );
    const product = await post<{ variants: { inventoryItemId: string }[] }>(
      '/shops/remote3/products',
      {
        title: 'Bolt',
        variants: [{ sku: 'B-1' }],
      },
    );
    const inventoryItemId = product.variants[0]?.inventoryItemId;
    await post('/shops/remote3/inventory', {
      inventoryItemId,
      locationId,
      quantities: { available: 9 },
    });
    const read = await post<{ quantities: Record<string, number> }>(
      '/shops/remote3/inventory/read',
      { inventoryItemId, locationId },
    );
    expect(read.quantities).toMatchObject({ available: 9 });
    expect(await post('/webhooks/settle')).toEqual({ ok: true });
  });

  it('reports errors as 400 JSON', async () => {
    const res = await fetch(`${emu.url}/_emulator/shops/missing/locations`, {
      method: 'POST',
      body: '{"name":"x"}',
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: 'unknown shop missing' });
  });
});
