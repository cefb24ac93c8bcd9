import { Dashboard } from '@ferry/contracts';
import { ConnectedTenant, ConnectedWorld, connectTenant, startConnectedWorld } from '../../testing/connected-tenant';
import { SyncWorker } from '../sync/sync-worker';

/** Issue 8 dashboard API: hour buckets, latency, throttling and open errors from real runs, per tenant. */
describe('GET /dashboard', () => {
  let world: ConnectedWorld;
  let acme: ConnectedTenant;
  let bravo: ConnectedTenant;
  let job = 0;
  const address = { firstName: 'Dana', lastName: 'Whitfield', address1: '12 Main Street', city: 'Springfield', provinceCode: 'IL', zip: '62701', countryCode: 'US' };
  const as = (tenant: ConnectedTenant) => ({ session: tenant.session, tenantId: tenant.tenantId });
  const runOrders = (tenant: ConnectedTenant) =>
    world.t.app.get(SyncWorker).handle({ id: `dash-${++job}`, queue: 'sync.orders', retryCount: 0, payload: { tenantId: tenant.tenantId, flow: 'orders', trigger: 'manual' } });
  const order = (tenant: ConnectedTenant, sku: string | null) =>
    world.shopify.control.createOrder(tenant.shopName, { shippingAddress: address, billingAddress: address, lineItems: [{ sku, title: 'Item', quantity: 1, price: '12.50' }] });
  const dashboard = async (tenant: ConnectedTenant, query = '') => {
    const response = await world.t.request<Dashboard>('GET', `/api/v1/dashboard${query}`, { as: as(tenant) });
    expect(response.status).toBe(200);
    return response.body;
  };
  const total = (d: Dashboard, pick: (b: Dashboard['buckets'][number]) => number) => d.buckets.reduce((n, b) => n + pick(b), 0);

  beforeAll(async () => {
    world = await startConnectedWorld({ CIMCLOUD_CALLS_PER_SECOND: '50' });
    acme = await connectTenant(world, 'Acme');
    bravo = await connectTenant(world, 'Bravo');
    for (const tenant of [acme, bravo]) {
      world.shopify.control.addLocation(tenant.shopName, { name: 'Main warehouse' });
      await world.t.request('PUT', '/api/v1/order-defaults', { as: as(tenant), body: { divisionNo: '01', customerNo: 'WEBSHOP' } });
    }
    // Acme: three good orders, one the ERP rejects (unknown item), one that cannot be mapped (no SKU); Shopify throttles once.
    for (let i = 0; i < 3; i++) order(acme, 'WIDGET-100');
    order(acme, 'NOPE-1');
    order(acme, null);
    world.shopify.control.addFault({ kind: 'throttle', count: 1 });
    await runOrders(acme);
    world.cimcloud.control.flush(acme.siteName);
    await runOrders(acme);
    // Bravo: one order, sent.
    order(bravo, 'WIDGET-100');
    await runOrders(bravo);
  }, 90000);
  afterAll(() => world.close());

  it('buckets orders synced and failed, error rate, latency and throttling by hour from real runs', async () => {
    const statuses = await world.t.owner.query(`select status, count(*)::int as n from pass_through_orders where tenant_id = $1 group by 1`, [acme.tenantId]);
    expect(Object.fromEntries(statuses.rows.map((r) => [r.status, r.n]))).toEqual({ imported: 3, import_failed: 1, failed: 1 });

    const d = await dashboard(acme);
    expect(d.hours).toBe(24);
    expect(d.buckets).toHaveLength(24);
    expect(Date.parse(d.buckets[1].hour) - Date.parse(d.buckets[0].hour)).toBe(3_600_000);
    expect(d.buckets[0].hour).toBe(d.from);
    expect(Date.parse(d.to) - Date.parse(d.buckets[23].hour)).toBe(3_600_000);
    expect(Date.parse(d.to)).toBeGreaterThan(Date.now());

    expect(total(d, (b) => b.ordersSynced)).toBe(3);
    expect(total(d, (b) => b.ordersFailed)).toBe(2);
    expect(d.totals).toMatchObject({ ordersSynced: 3, ordersFailed: 2, errorRate: 0.4, openErrors: 2 });
    expect(d.totals.ordersByStatus).toMatchObject({ imported: 3, import_failed: 1, failed: 1, sent: 0, mapped: 0, skipped: 0 });
    const busy = d.buckets.find((b) => b.ordersSynced > 0);
    expect(busy?.latencyP50Seconds).toEqual(expect.any(Number));
    expect(busy?.latencyP95Seconds).toBeGreaterThanOrEqual(busy?.latencyP50Seconds ?? Infinity);
    expect(d.buckets.filter((b) => b.ordersSynced + b.ordersFailed === 0).every((b) => b.errorRate === null && b.latencyP50Seconds === null)).toBe(true);
    expect(d.totals.throttle.shopify.throttledAnswers).toBeGreaterThanOrEqual(1);
    expect(d.totals.throttle.shopify.seconds).toBeGreaterThan(0);
    expect(total(d, (b) => b.throttle.shopify.events)).toBe(d.totals.throttle.shopify.events);

    const categories = await world.t.owner.query(`select category, count(*)::int as count from record_errors where tenant_id = $1 and state = 'open' group by 1 order by 1`, [acme.tenantId]);
    expect([...d.openErrors].sort((a, b) => a.category.localeCompare(b.category))).toEqual(categories.rows);
  });

  it('puts an order in the hour it reached CIMcloud, with its Shopify → ERP latency, and leaves it out of a shorter window', async () => {
    const moved = await world.t.owner.query(
      `update pass_through_orders set sent_at = now() - interval '5 hours', imported_at = now() - interval '5 hours' + interval '30 seconds',
          shopify_created_at = now() - interval '5 hours' - interval '570 seconds'
        where id = (select id from pass_through_orders where tenant_id = $1 and status = 'imported' order by shopify_order_name limit 1)
        returning date_trunc('hour', sent_at, 'UTC') as hour`,
      [acme.tenantId],
    );
    const hour = (moved.rows[0].hour as Date).toISOString();
    const d = await dashboard(acme, '?hours=24');
    const bucket = d.buckets.find((b) => b.hour === hour);
    expect(bucket).toMatchObject({ ordersSynced: 1, latencyP50Seconds: 600, latencyP95Seconds: 600 });
    expect(d.totals.ordersSynced).toBe(3);

    const short = await dashboard(acme, '?hours=3');
    expect(short.buckets).toHaveLength(3);
    expect(short.totals.ordersSynced).toBe(2);
    expect(short.totals.ordersByStatus.imported).toBe(3);
  });

  it('shows a tenant only its own numbers', async () => {
    const d = await dashboard(bravo, '?hours=168');
    expect(d.buckets).toHaveLength(168);
    expect(d.totals).toMatchObject({ ordersSynced: 1, ordersFailed: 0, errorRate: 0, openErrors: 0 });
    expect(d.openErrors).toEqual([]);
    expect(d.totals.ordersByStatus).toMatchObject({ sent: 1, imported: 0, failed: 0 });
    // Acme's admin is no member of Bravo.
    const foreign = await world.t.request('GET', '/api/v1/dashboard', { as: { session: acme.session, tenantId: bravo.tenantId } });
    expect([403, 404]).toContain(foreign.status);
  });

  it('rejects a malformed or out-of-range hours with 400 naming it', async () => {
    for (const hours of ['abc', '0', '169', '1.5', '-2']) {
      const response = await world.t.request<{ errors: Array<{ field: string }> }>('GET', `/api/v1/dashboard?hours=${hours}`, { as: as(acme) });
      expect(response.status).toBe(400);
      expect(response.body.errors.map((e) => e.field)).toContain('hours');
    }
  });
});
