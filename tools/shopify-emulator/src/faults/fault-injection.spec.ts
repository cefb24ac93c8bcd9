import {
  RunningShopifyEmulator,
  ShopInfo,
  startShopifyEmulator,
} from '../index';
import { adminClient } from '../testing/admin-client';

describe('fault injection', () => {
  let emu: RunningShopifyEmulator;
  let shop: ShopInfo;
  let call: ReturnType<typeof adminClient>;

  beforeAll(async () => {
    emu = await startShopifyEmulator();
    shop = emu.control.createShop({ shop: 'faulty' });
    call = adminClient(shop.graphqlUrl, shop.app.accessToken ?? '');
  });
  afterEach(() => emu.control.clearFaults());
  afterAll(() => emu.close());

  it('answers a 5xx for the next N requests, then recovers', async () => {
    emu.control.addFault({ kind: 'status', status: 503, count: 2 });
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await fetch(shop.graphqlUrl, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'X-Shopify-Access-Token': shop.app.accessToken ?? '',
        },
        body: '{"query":"{ shop { name } }"}',
      });
      statuses.push(res.status);
      await res.arrayBuffer();
    }
    expect(statuses).toEqual([503, 503, 200]);
  });

  it('resets the connection', async () => {
    emu.control.addFault({ kind: 'reset' });
    await expect(call('{ shop { name } }')).rejects.toThrow();
    expect((await call('{ shop { name } }')).status).toBe(200);
  });

  it('loses the response of a request that did take effect', async () => {
    emu.control.addLocation('faulty', { name: 'Main' });
    const [order] = emu.control.generateOrders('faulty', { count: 1 });
    const fo = order?.fulfillmentOrderIds[0];
    emu.control.addFault({ kind: 'lostResponse' });
    await expect(
      call(
        'mutation($id: ID!) { fulfillmentCreate(fulfillment: { lineItemsByFulfillmentOrder: [{ fulfillmentOrderId: $id }] }) { userErrors { message } } }',
        { id: fo },
      ),
    ).rejects.toThrow();
    expect(
      emu.control.fulfillments('faulty', order?.orderId ?? ''),
    ).toHaveLength(1);
  });

  it('adds latency', async () => {
    emu.control.addFault({ kind: 'latency', latencyMs: 150 });
    const started = Date.now();
    expect((await call('{ shop { name } }')).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('scopes a fault to one shop', async () => {
    const other = emu.control.createShop({ shop: 'healthy' });
    emu.control.addFault({
      kind: 'status',
      status: 500,
      shop: 'faulty',
      count: -1,
    });
    expect(
      (
        await adminClient(
          other.graphqlUrl,
          other.app.accessToken ?? '',
        )('{ shop { name } }')
      ).status,
    ).toBe(200);
    const res = await fetch(shop.graphqlUrl, { method: 'POST' });
    expect(res.status).toBe(500);
  });
});
