import { Browser, Page } from 'playwright-core';
import { ConnectedTenant, ConnectedWorld, connectTenant, startConnectedWorld } from '../testing/connected-tenant';
import { ADMIN_DIST, launchChromium, requireAdminAndChromium, screenshotter, signedInPage } from '../testing/real-browser';
import { SyncWorker } from '../modules/sync/sync-worker';


/**
 * Issue 8 acceptance, in real Chromium against both emulators: after real runs (some orders
 * failing, Shopify throttling once) the dashboard's charts render with data, open errors by
 * category match the error queue, and a new run updates the numbers without a reload.
 */
describe('the dashboard in a real browser', () => {
  let world: ConnectedWorld;
  let acme: ConnectedTenant;
  let browser: Browser;
  let page: Page;
  let job = 0;
  const address = { firstName: 'Dana', lastName: 'Whitfield', address1: '12 Main Street', city: 'Springfield', provinceCode: 'IL', zip: '62701', countryCode: 'US' };
  const shot = screenshotter('dashboard', () => page);
  const order = (sku: string | null) =>
    world.shopify.control.createOrder(acme.shopName, { shippingAddress: address, billingAddress: address, lineItems: [{ sku, title: 'Item', quantity: 1, price: '12.50' }] });
  const runOrders = () =>
    world.t.app.get(SyncWorker).handle({ id: `dash-${++job}`, queue: 'sync.orders', retryCount: 0, payload: { tenantId: acme.tenantId, flow: 'orders', trigger: 'manual' } });
  /** Sends, lets the ERP simulator import, and reads the import results back. */
  async function syncAndImport(): Promise<void> {
    await runOrders();
    world.cimcloud.control.flush(acme.siteName);
    await runOrders();
  }
  const numberAt = async (selector: string, attribute: string) => Number(await page.getAttribute(selector, attribute));

  beforeAll(async () => {
    requireAdminAndChromium();
    world = await startConnectedWorld({ FERRY_ADMIN_DIST: ADMIN_DIST, SCHEDULER_TICK_MS: '0', CIMCLOUD_CALLS_PER_SECOND: '50' });
    acme = await connectTenant(world, 'Acme');
    world.shopify.control.addLocation(acme.shopName, { name: 'Main warehouse' });
    await world.t.request('PUT', '/api/v1/order-defaults', { as: { session: acme.session, tenantId: acme.tenantId }, body: { divisionNo: '01', customerNo: 'WEBSHOP' } });

    // Four good orders, one the ERP rejects (unknown item), two that cannot be mapped (no SKU); Shopify throttles once.
    for (let i = 0; i < 4; i++) order('WIDGET-100');
    order('NOPE-1');
    order(null);
    order(null);
    world.shopify.control.addFault({ kind: 'throttle', count: 1 });
    await syncAndImport();

    browser = await launchChromium();
    page = await signedInPage(browser, world.t.url, 'admin@acme.test', 'tenant-admin-password', { width: 1280, height: 1000 });
  }, 90000);

  afterAll(async () => {
    await browser?.close();
    await world?.close();
  });

  it('renders the charts with the data of real runs, and open errors by category', async () => {
    await page.click('[data-testid=nav-dashboard]');
    await page.waitForSelector('[data-testid=dashboard-totals][data-orders-synced="4"]');
    expect(await numberAt('[data-testid=dashboard-totals]', 'data-orders-failed')).toBe(3);

    for (const chart of ['orders', 'error-rate', 'latency', 'throttling']) {
      const figure = `[data-testid=dashboard-chart-${chart}]`;
      expect(await numberAt(figure, 'data-total')).toBeGreaterThan(0);
      expect(await numberAt(figure, 'data-datasets')).toBeGreaterThan(0);
      // Chart.js drew into a sized canvas.
      const size = await page.$eval(`${figure} canvas`, (canvas) => ({ width: (canvas as HTMLCanvasElement).width, height: (canvas as HTMLCanvasElement).height }));
      expect(size.width).toBeGreaterThan(100);
      expect(size.height).toBeGreaterThan(100);
    }
    expect(await numberAt('[data-testid=dashboard-chart-orders]', 'data-total')).toBe(7);
    await page.waitForSelector('[data-testid=dashboard-chart-open-errors]');

    const expected = await world.t.owner.query(`select category, count(*)::int as n from record_errors where tenant_id = $1 and state = 'open' group by 1 order by 1`, [acme.tenantId]);
    expect(expected.rows.reduce((n, r) => n + r.n, 0)).toBe(3);
    const shown = await page.$$eval('[data-testid=dashboard-open-error]', (items) => items.map((li) => ({ category: li.getAttribute('data-category'), n: Number(li.getAttribute('data-count')) })));
    expect([...shown].sort((a, b) => (a.category ?? '').localeCompare(b.category ?? ''))).toEqual(expected.rows);
    const link = await page.getAttribute(`[data-testid=dashboard-open-error][data-category=${expected.rows[0].category}] a`, 'href');
    expect(link).toBe(`/orders?tab=errors&category=${expected.rows[0].category}`);
    await shot('1-dashboard');
  }, 60000);

  it('updates the numbers after a new run without reloading, and pauses while the tab is hidden', async () => {
    await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));
    order('WIDGET-100');
    order('WIDGET-100');
    await syncAndImport();
    await page.waitForSelector('[data-testid=dashboard-totals][data-orders-synced="6"]', { timeout: 20000 });
    expect(await numberAt('[data-testid=dashboard-chart-orders]', 'data-total')).toBe(9);
    expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
    await shot('2-dashboard-updated');

    // Hidden tab: no more reads; shown again: read at once.
    const reads: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/api/v1/dashboard')) reads.push(request.url());
    });
    const setVisibility = (state: string) =>
      page.evaluate((value) => {
        Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => value });
        document.dispatchEvent(new Event('visibilitychange'));
      }, state);
    await setVisibility('hidden');
    await new Promise((r) => setTimeout(r, 300));
    reads.length = 0;
    await new Promise((r) => setTimeout(r, 5000));
    expect(reads).toEqual([]);
    await setVisibility('visible');
    await page.waitForRequest((request) => request.url().includes('/api/v1/dashboard'), { timeout: 2000 });
  }, 60000);
});
