import { RunThrottleCounts } from '@ferry/contracts';
import { ConnectedTenant, ConnectedWorld, connectTenant, startConnectedWorld } from '../../testing/connected-tenant';
import { SyncWorker } from '../sync/sync-worker';

/**
 * Issue 7 metrics: a run held back by Shopify's bucket and CIMcloud's call budget records
 * how long it waited and how many throttled answers it got, and /metrics adds it up.
 */
describe('upstream throttling, per run and in /metrics', () => {
  let world: ConnectedWorld;
  let acme: ConnectedTenant;
  const token = 'metrics-token-0123456789';
  const address = { firstName: 'Ava', lastName: 'Stone', address1: '1 Pine Road', city: 'Dayton', provinceCode: 'OH', zip: '45402', countryCode: 'US' };

  const runOrders = (id: string) =>
    world.t.app.get(SyncWorker).handle({ id, queue: 'sync.orders', retryCount: 0, payload: { tenantId: acme.tenantId, flow: 'orders', trigger: 'manual' } });
  const lastRun = async () =>
    (await world.t.owner.query(`select status, counts from sync_runs where tenant_id = $1 order by started_at desc limit 1`, [acme.tenantId])).rows[0] as {
      status: string;
      counts: { read?: number; throttle?: RunThrottleCounts };
    };
  const metric = (text: string, name: string, upstream: string) => Number(new RegExp(`^${name}\\{upstream="${upstream}"\\} (\\S+)$`, 'm').exec(text)?.[1] ?? NaN);

  beforeAll(async () => {
    // A tight CIMcloud budget (1 call/s) makes the run's calls wait for it.
    world = await startConnectedWorld({ METRICS_TOKEN: token, CIMCLOUD_CALLS_PER_SECOND: '1' });
    acme = await connectTenant(world, 'Acme');
    world.shopify.control.addLocation(acme.shopName, { name: 'Main warehouse' });
    await world.t.request('PUT', '/api/v1/order-defaults', { as: { session: acme.session, tenantId: acme.tenantId }, body: { divisionNo: '01', customerNo: 'WEBSHOP' } });
  }, 60000);
  afterAll(() => world.close());

  it('records nothing for a run that never waited', async () => {
    await new Promise((r) => setTimeout(r, 1200)); // the budget's window of the connection tests passes
    await runOrders('calm');
    const run = await lastRun();
    expect(run.status).toBe('succeeded');
    expect(run.counts.throttle).toBeUndefined();
  });

  it('counts the waits and throttled answers of both upstreams in the run, and /metrics sums them', async () => {
    for (let i = 0; i < 25; i++) {
      world.shopify.control.createOrder(acme.shopName, { shippingAddress: address, billingAddress: address, lineItems: [{ sku: 'WIDGET-100', title: 'Widget', quantity: 1, price: '12.50' }] });
    }
    world.shopify.control.addFault({ kind: 'throttle', count: 1 });
    world.cimcloud.control.injectFault({ kind: 'rate-limit', pathPrefix: 'orderpassthrough', times: 1 });
    await runOrders('throttled');

    const run = await lastRun();
    expect(run.status).toBe('succeeded');
    expect(run.counts.read).toBe(25);
    const { shopify, cimcloud } = run.counts.throttle ?? {};
    expect(shopify?.throttledAnswers).toBeGreaterThanOrEqual(1);
    expect(shopify?.throttledMs).toBeGreaterThan(0);
    expect(cimcloud?.throttledAnswers).toBe(1);
    // Three batches of orders at 1 call/s, after the 429: the budget held calls back more than once.
    expect(cimcloud?.throttleEvents).toBeGreaterThanOrEqual(3);
    expect(cimcloud?.throttledMs).toBeGreaterThan(1000);

    const scraped = await world.t.request<string>('GET', '/api/v1/metrics', { headers: { authorization: `Bearer ${token}` } });
    expect(scraped.status).toBe(200);
    expect(metric(scraped.body, 'ferry_upstream_throttle_seconds_total', 'cimcloud')).toBeCloseTo((cimcloud?.throttledMs ?? 0) / 1000, 3);
    expect(metric(scraped.body, 'ferry_upstream_throttle_seconds_total', 'shopify')).toBeCloseTo((shopify?.throttledMs ?? 0) / 1000, 3);
    expect(metric(scraped.body, 'ferry_upstream_throttled_total', 'cimcloud')).toBe(1);
    expect(metric(scraped.body, 'ferry_upstream_throttled_total', 'shopify')).toBe(shopify?.throttledAnswers);
  }, 60000);
});
