import { ConnectedTenant, ConnectedWorld, connectTenant, startConnectedWorld } from '../../testing/connected-tenant';
import { SyncWorker } from '../sync/sync-worker';

/**
 * Issue 7 faults: a poison record settles alone in a big batch, and upstream faults
 * (throttling, 5xx, resets, latency, 429) on both sides lose nothing and send nothing twice.
 */
describe('orders flow under faults', () => {
  let world: ConnectedWorld;
  let acme: ConnectedTenant;
  let job = 0;
  const address = { firstName: 'Ava', lastName: 'Stone', address1: '1 Pine Road', city: 'Dayton', provinceCode: 'OH', zip: '45402', countryCode: 'US' };

  /** One orders run; transient failures fail the run and the queue would retry it: so do we. */
  async function runUntilSettled(maxRuns = 6): Promise<void> {
    for (let i = 0; i < maxRuns; i++) {
      try {
        await world.t.app.get(SyncWorker).handle({ id: `f-${++job}`, queue: 'sync.orders', retryCount: i, payload: { tenantId: acme.tenantId, flow: 'orders', trigger: 'manual' } });
        const waiting = await world.t.owner.query(`select count(*)::int as n from pass_through_orders where tenant_id = $1 and status = 'mapped'`, [acme.tenantId]);
        if (waiting.rows[0].n === 0) return;
      } catch {
        // retried below, as pg-boss would
      }
    }
  }
  const statuses = async () =>
    Object.fromEntries(
      (await world.t.owner.query(`select status, count(*)::int as n from pass_through_orders where tenant_id = $1 group by 1`, [acme.tenantId])).rows.map((r) => [r.status, r.n]),
    );

  beforeAll(async () => {
    // CIMcloud's call budget is lifted here: this test is about faults, not about waiting 15 minutes.
    world = await startConnectedWorld({ CIMCLOUD_CALLS_PER_SECOND: '200', CIMCLOUD_CALLS_PER_15_MIN: '100000' });
    acme = await connectTenant(world, 'Acme');
    world.shopify.control.addLocation(acme.shopName, { name: 'Main warehouse' });
    await world.t.request('PUT', '/api/v1/order-defaults', { as: { session: acme.session, tenantId: acme.tenantId }, body: { divisionNo: '01', customerNo: 'WEBSHOP' } });
  }, 60000);
  afterAll(() => world.close());

  it('delivers 999 of 1,000 orders with one poison record in the error queue, and the next run redoes none', async () => {
    for (let i = 0; i < 999; i++) {
      world.shopify.control.createOrder(acme.shopName, { shippingAddress: address, billingAddress: address, lineItems: [{ sku: 'WIDGET-100', title: 'Widget', quantity: 1 + (i % 3), price: '12.50' }] });
    }
    world.shopify.control.createOrder(acme.shopName, { shippingAddress: null, billingAddress: null, lineItems: [{ sku: null, title: 'Poison', quantity: 1, price: '1.00' }] });
    await runUntilSettled();
    const settled = await statuses();
    expect((settled['sent'] ?? 0) + (settled['imported'] ?? 0)).toBe(999);
    expect(settled['failed']).toBe(1);
    expect(world.cimcloud.control.orders(acme.siteName)).toHaveLength(999);
    const errors = await world.t.owner.query(`select count(*)::int as n from record_errors where tenant_id = $1 and state = 'open'`, [acme.tenantId]);
    expect(errors.rows[0].n).toBe(1);

    const callsBefore = world.cimcloud.control.calls(acme.siteName).filter((c) => c.path.startsWith('orderpassthrough')).length;
    await runUntilSettled();
    const callsAfter = world.cimcloud.control.calls(acme.siteName).filter((c) => c.path.startsWith('orderpassthrough')).length;
    expect(callsAfter).toBe(callsBefore);
  }, 180000);

  it('loses nothing and sends nothing twice under throttling, 5xx, resets, 429 and latency on both sides', async () => {
    const before = world.cimcloud.control.orders(acme.siteName).length;
    for (let i = 0; i < 60; i++) {
      world.shopify.control.createOrder(acme.shopName, { shippingAddress: address, billingAddress: address, lineItems: [{ sku: 'GADGET-1', title: 'Gadget', quantity: 1, price: '7.25' }] });
    }
    world.shopify.control.addFault({ kind: 'throttle', count: 2 });
    world.shopify.control.addFault({ kind: 'status', status: 503, count: 2 });
    world.shopify.control.addFault({ kind: 'reset', count: 1 });
    world.shopify.control.addFault({ kind: 'latency', latencyMs: 300, count: 3 });
    world.cimcloud.control.injectFault({ kind: 'error', status: 502, pathPrefix: 'orderpassthrough', times: 2 });
    world.cimcloud.control.injectFault({ kind: 'reset', pathPrefix: 'orderpassthrough', times: 1 });
    world.cimcloud.control.injectFault({ kind: 'rate-limit', pathPrefix: 'orderpassthrough', times: 1 });
    world.cimcloud.control.injectFault({ kind: 'latency', latencyMs: 300, times: 2 });
    await runUntilSettled();
    const after = await statuses();
    // The ERP simulator imports in the background: sent and imported both mean CIMcloud has it.
    expect((after['sent'] ?? 0) + (after['imported'] ?? 0)).toBe(1059);
    expect(after['failed']).toBe(1);
    const stored = world.cimcloud.control.orders(acme.siteName);
    expect(stored.length - before).toBe(60);
    expect(new Set(stored.map((o) => o.orderNumber)).size).toBe(stored.length);
  }, 180000);
});
