import { Browser, Page } from 'playwright-core';
import { ConnectedTenant, ConnectedWorld, connectTenant, startConnectedWorld } from '../testing/connected-tenant';
import { ADMIN_DIST, launchChromium, requireAdminAndChromium, screenshotter, signedInPage } from '../testing/real-browser';
import { SyncWorker } from '../modules/sync/sync-worker';


/**
 * Issue 8 acceptance, in real Chromium against both emulators with live workers: find a
 * failed order by name, read its error, fix its cause (a default value), retry it and watch
 * it become imported; bulk-retry a filtered set; run a backfill and watch its progress bar.
 */
describe('the orders monitor in a real browser', () => {
  let world: ConnectedWorld;
  let acme: ConnectedTenant;
  let browser: Browser;
  let page: Page;
  const address = { firstName: 'Dana', lastName: 'Whitfield', address1: '12 Main Street', city: 'Springfield', provinceCode: 'IL', zip: '62701', countryCode: 'US' };
  const as = () => ({ session: acme.session, tenantId: acme.tenantId });
  const shot = screenshotter('monitor', () => page);

  beforeAll(async () => {
    requireAdminAndChromium();
    // Live workers (role all), no schedule tick: runs start from the UI's actions.
    world = await startConnectedWorld({ FERRY_ADMIN_DIST: ADMIN_DIST, FERRY_ROLE: 'all', SCHEDULER_TICK_MS: '0', WORKER_POLL_SECONDS: '0.5' });
    acme = await connectTenant(world, 'Acme');
    world.shopify.control.addLocation(acme.shopName, { name: 'Main warehouse' });
    await world.t.request('PUT', '/api/v1/order-defaults', { as: as(), body: { divisionNo: '01', customerNo: 'WEBSHOP' } });
    browser = await launchChromium();
    page = await signedInPage(browser, world.t.url, 'admin@acme.test', 'tenant-admin-password', { width: 1280, height: 900 });
  }, 60000);

  afterAll(async () => {
    await browser?.close();
    await world?.close();
  });

  /** Waits until no order waits to be sent and no orders run is queued or running. */
  async function settled(): Promise<void> {
    for (let i = 0; i < 300; i++) {
      const waiting = await world.t.owner.query(`select count(*)::int as n from pass_through_orders where tenant_id = $1 and status = 'mapped'`, [acme.tenantId]);
      const running = await world.t.owner.query(`select count(*)::int as n from sync_runs where tenant_id = $1 and status = 'running'`, [acme.tenantId]);
      const queued = await world.t.owner.query(`select count(*)::int as n from pgboss.job where name = 'sync.orders' and singleton_key = $1 and state in ('created', 'retry', 'active')`, [
        acme.tenantId,
      ]);
      if (waiting.rows[0].n === 0 && running.rows[0].n === 0 && queued.rows[0].n === 0) return;
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error('orders did not settle');
  }

  it('finds a failed order, fixes its cause, retries it and sees it imported', async () => {
    const bad = world.shopify.control.createOrder(acme.shopName, { shippingAddress: address, billingAddress: address, lineItems: [{ sku: null, title: 'Gift wrap', quantity: 1, price: '4.00' }] });
    world.shopify.control.createOrder(acme.shopName, { shippingAddress: address, billingAddress: address, lineItems: [{ sku: 'WIDGET-100', title: 'Widget', quantity: 1, price: '12.50' }] });
    await world.t.app.get(SyncWorker).handle({ id: 'first', queue: 'sync.orders', retryCount: 0, payload: { tenantId: acme.tenantId, flow: 'orders', trigger: 'manual' } });

    await page.click('[data-testid=nav-orders]');
    await page.fill('[data-testid=orders-search]', bad.name);
    await page.press('[data-testid=orders-search]', 'Enter');
    await page.waitForSelector(`tr[data-testid=order-row][data-name="${bad.name}"][data-status=failed]`);
    await shot('1-orders-search-failed');
    await page.click(`tr[data-testid=order-row][data-name="${bad.name}"]`);
    await page.waitForSelector('[data-testid=order-error]');
    expect(await page.textContent('[data-testid=order-error-field]')).toContain('sku');
    await shot('2-order-error');

    // The fix: an item code for lines without a SKU, set where a tenant admin sets defaults.
    const orderUrl = page.url();
    await page.click('[data-testid=nav-defaults]');
    await page.fill('[data-testid=defaults-input-noSkuItemCode]', 'WIDGET-100');
    await page.click('[data-testid=defaults-save]');
    await page.waitForSelector('[data-testid=defaults-saved]');
    await page.goto(orderUrl);
    await page.click('[data-testid=error-retry]');
    await page.waitForSelector('[data-testid=order-status][data-status=sent]', { timeout: 20000 });
    world.cimcloud.control.flush(acme.siteName);
    await world.t.request('POST', '/api/v1/schedules/orders/run', { as: as() });
    await page.waitForSelector('[data-testid=order-status][data-status=imported]', { timeout: 20000 });
    expect(await page.textContent('[data-testid=order-journey-erp]')).toMatch(/Sales order \S{7}/);
    await shot('3-order-imported');
  }, 120000);

  it('bulk-retries the errors of one category after showing their count', async () => {
    await settled();
    for (let i = 0; i < 3; i++) {
      world.shopify.control.createOrder(acme.shopName, { shippingAddress: null, billingAddress: null, lineItems: [{ sku: 'GADGET-1', title: 'Gadget', quantity: 1, price: '7.25' }] });
    }
    await world.t.app.get(SyncWorker).handle({ id: 'bulk', queue: 'sync.orders', retryCount: 0, payload: { tenantId: acme.tenantId, flow: 'orders', trigger: 'manual' } });
    const open = await world.t.owner.query(`select count(*)::int as n from record_errors where tenant_id = $1 and state = 'open'`, [acme.tenantId]);
    expect(open.rows[0].n).toBe(3);
    await page.goto(`${world.t.url}/orders?tab=errors`);
    await page.waitForSelector('tr[data-testid=error-row]');
    await page.click('[data-testid=errors-bulk-retry]');
    await page.waitForSelector('[data-testid=errors-bulk-count]');
    expect(await page.getAttribute('[data-testid=errors-bulk-count]', 'data-count')).toBe('3');
    await shot('4-bulk-retry-count');
    await page.click('[data-testid=confirm]');
    // The three were queued for a retry (and the live worker re-maps them; they fail again: no address).
    for (let i = 0; i < 50; i++) {
      const retried = await world.t.owner.query(`select count(*)::int as n from record_errors where tenant_id = $1 and (state = 'retrying' or attempts >= 2)`, [acme.tenantId]);
      if (retried.rows[0].n === 3) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    const retried = await world.t.owner.query(`select count(*)::int as n from record_errors where tenant_id = $1 and (state = 'retrying' or attempts >= 2)`, [acme.tenantId]);
    expect(retried.rows[0].n).toBe(3);
  }, 120000);

  it('starts a backfill and watches its progress bar finish', async () => {
    await settled();
    world.shopify.control.generateOrders(acme.shopName, { count: 30, seed: 11, spreadMs: 5 * 86_400_000 });
    await page.click('[data-testid=nav-schedules]');
    const since = new Date(Date.now() - 7 * 86_400_000).toISOString().slice(0, 10);
    await page.fill('[data-testid=backfill-since]', since);
    await page.click('[data-testid=backfill-start]');
    await page.waitForSelector('[data-testid=backfill-progress][data-status=succeeded]', { timeout: 60000 });
    expect(await page.getAttribute('[data-testid=backfill-progress]', 'aria-valuenow')).toBe('100');
    await shot('5-backfill-done');
  }, 120000);
});
