import { Browser, Page } from 'playwright-core';
import { ConnectedTenant, ConnectedWorld, connectTenant, startConnectedWorld } from '../testing/connected-tenant';
import { ADMIN_DIST, launchChromium, requireAdminAndChromium, screenshotter, signedInPage } from '../testing/real-browser';
import { SyncWorker } from '../modules/sync/sync-worker';


/** The SKU rule with one change: lines without a SKU are looked up by their title in the mapping's own `gift_items` table. */
const SKU_RULE_WITH_LOOKUP = 'sku ? $lookup("item_codes", $trim(sku), $trim(sku)) : $lookup("gift_items", name, $defaults.noSkuItemCode)';

/**
 * Issue 9 acceptance, in real Chromium against both emulators with live workers: a
 * pro-services consultant opens a failed order's record in the mapping editor from the
 * monitor, edits the order mapping with the live preview (and sees an over-long value
 * refused), maps a product title through a lookup table, pins a test case, previews the
 * impact on recent orders, publishes, replays the order the change fixes — which then
 * reaches the ERP — and finally rolls back.
 */
describe('the mapping editor in a real browser', () => {
  let world: ConnectedWorld;
  let acme: ConnectedTenant;
  let browser: Browser;
  let page: Page;
  const address = { firstName: 'Dana', lastName: 'Whitfield', address1: '12 Main Street', city: 'Springfield', provinceCode: 'IL', zip: '62701', countryCode: 'US' };
  const as = () => ({ session: acme.session, tenantId: acme.tenantId });
  const shot = screenshotter('mapping-editor', () => page);
  const rule = (target: string, hook: string) => `[data-testid="rule-${hook}-${target}"]`;
  let giftOrderName = '';

  beforeAll(async () => {
    requireAdminAndChromium();
    world = await startConnectedWorld({ FERRY_ADMIN_DIST: ADMIN_DIST, FERRY_ROLE: 'all', SCHEDULER_TICK_MS: '0', WORKER_POLL_SECONDS: '0.5' });
    acme = await connectTenant(world, 'Acme');
    await world.t.request('PUT', '/api/v1/order-defaults', { as: as(), body: { divisionNo: '01', customerNo: 'WEBSHOP' } });
    world.shopify.control.addLocation(acme.shopName, { name: 'Main warehouse' });
    await world.t.seedUser('consultant@partner.test', 'pro-services-password', { memberOf: [[acme.tenantId, 'pro_services']] });

    // One ordinary order and one with a gift-wrap line without SKU: the default mapping has no item code for it.
    world.shopify.control.createOrder(acme.shopName, { shippingAddress: address, billingAddress: address, lineItems: [{ sku: 'WIDGET-100', title: 'Widget', quantity: 1, price: '12.50' }] });
    giftOrderName = world.shopify.control.createOrder(acme.shopName, {
      shippingAddress: address,
      billingAddress: address,
      lineItems: [{ sku: null, title: 'Gift wrap', quantity: 1, price: '4.00' }],
    }).name;
    await world.t.app.get(SyncWorker).handle({ id: 'first', queue: 'sync.orders', retryCount: 0, payload: { tenantId: acme.tenantId, flow: 'orders', trigger: 'manual' } });

    browser = await launchChromium();
    page = await signedInPage(browser, world.t.url, 'consultant@partner.test', 'pro-services-password', { width: 1400, height: 1000 });
  }, 90000);

  afterAll(async () => {
    await browser?.close();
    await world?.close();
  });

  it('opens the failed order in the editor from the monitor', async () => {
    await page.click('[data-testid=nav-orders]');
    await page.fill('[data-testid=orders-search]', giftOrderName);
    await page.press('[data-testid=orders-search]', 'Enter');
    await page.click(`tr[data-testid=order-row][data-name="${giftOrderName}"][data-status=failed]`);
    await page.waitForSelector('[data-testid=order-error]');
    await page.click('[data-testid=error-fix-mapping]');
    await page.waitForURL(/\/mappings\/orders\?errorId=/);
    await page.waitForSelector('[data-testid=mapping-sample-current-error]');
    await page.waitForSelector(`${rule('details[].sku', 'status')}[data-status=invalid]`);
    await shot('1-failed-order-as-sample');
  }, 60000);

  it('previews live as the consultant types, and flags an over-long PO number', async () => {
    await page.fill(rule('po_number', 'expression'), 'name & " from the online store"');
    await page.waitForSelector(`${rule('po_number', 'issue')}[data-rule=maxLength]`);
    await page.waitForSelector(`${rule('po_number', 'status')}[data-status=invalid]`);
    expect(Number(await page.getAttribute('[data-testid=mapping-preview-time]', 'data-ms'))).toBeGreaterThan(0);
    await shot('2-over-long-po-number');

    await page.fill(rule('po_number', 'expression'), 'name');
    await page.waitForSelector(`${rule('po_number', 'status')}[data-status=valid]`);
    expect(await page.textContent(rule('po_number', 'value'))).toContain(giftOrderName);
  }, 60000);

  it('maps a product title through a lookup table, and the preview turns valid', async () => {
    await page.click('[data-testid=mapping-tab-lookups]');
    await page.waitForSelector('[data-testid=mapping-lookup-table-0]');
    const t = await page.locator('[data-testid^=mapping-lookup-table-]').count();
    await page.click('[data-testid=mapping-lookup-add-table]');
    await page.waitForSelector(`[data-testid=mapping-lookup-table-${t}]`);
    await page.fill(`[data-testid=mapping-lookup-name-${t}]`, 'gift_items');
    await page.press(`[data-testid=mapping-lookup-name-${t}]`, 'Tab');
    await page.click(`[data-testid=mapping-lookup-add-row-${t}]`);
    await page.fill(`[data-testid=mapping-lookup-key-${t}-0]`, 'Gift wrap');
    await page.fill(`[data-testid=mapping-lookup-value-${t}-0]`, 'WIDGET-100');
    await page.press(`[data-testid=mapping-lookup-value-${t}-0]`, 'Tab');
    await page.waitForSelector(`[data-testid=mapping-lookup-table-${t}][data-name=gift_items]`);
    expect(await page.getAttribute('[data-testid=mapping-lookup-table-1]', 'data-name')).toBe('item_codes');

    await page.click('[data-testid=mapping-tab-fields]');
    await page.fill(rule('details[].sku', 'expression'), SKU_RULE_WITH_LOOKUP);
    await page.waitForSelector(`${rule('details[].sku', 'status')}[data-status=valid]`);
    await page.waitForSelector('[data-testid=mapping-preview-status][data-ok=true]');
    expect(await page.textContent(rule('details[].sku', 'value'))).toContain('WIDGET-100');
    await page.waitForSelector('[data-testid=mapping-save-status][data-state=saved]', { timeout: 15000 });
    await shot('3-lookup-fixes-the-sample');
  }, 60000);

  it('pins the sample as a test case and runs all tests', async () => {
    await page.click('[data-testid=mapping-tab-tests]');
    await page.fill('[data-testid=mapping-test-name]', 'gift wrap without SKU');
    await page.click('[data-testid=mapping-test-pin]');
    await page.waitForSelector('[data-testid=mapping-test-case][data-name="gift wrap without SKU"]');
    await page.click('[data-testid=mapping-tests-run]');
    await page.waitForSelector('[data-testid=mapping-tests-summary]', { timeout: 20000 });
    await shot('4-tests-run');
    await page.waitForSelector('[data-testid=mapping-tests-summary][data-failed="0"]', { timeout: 20000 });
    expect(Number(await page.getAttribute('[data-testid=mapping-tests-summary]', 'data-passed'))).toBeGreaterThanOrEqual(2);
    await shot('4-tests-pass');
  }, 60000);

  it('previews the impact, publishes, and replays the order the change fixes until it is in the ERP', async () => {
    await page.click('[data-testid=mapping-publish]');
    await page.waitForSelector('[data-testid=publish-impact-fixed]', { timeout: 30000 });
    expect(await page.getAttribute('[data-testid=publish-impact-fixed]', 'data-count')).toBe('1');
    expect(await page.getAttribute('[data-testid=publish-impact-broken]', 'data-count')).toBe('0');
    await shot('5-impact-preview');
    await page.fill('[data-testid=publish-note]', 'Gift wrap lines go in as WIDGET-100; PO number is the order name');
    await page.click('[data-testid=publish-submit]');
    await page.waitForSelector('[data-testid=publish-done][data-version="2"]', { timeout: 30000 });
    expect(await page.getAttribute('[data-testid=publish-resolvable]', 'data-count')).toBe('1');
    await page.click('[data-testid=publish-replay]');
    await page.waitForSelector('[data-testid=publish-replay-result][data-count="1"]');
    await shot('6-published-and-replayed');

    // The live worker re-maps the replayed order with version 2 and sends it; then the ERP imports it.
    let sent: { status: string; mapped_payload: { details: Array<{ sku: string }> } } | undefined;
    for (let i = 0; i < 150 && sent?.status !== 'sent'; i++) {
      await world.t.request('POST', '/api/v1/schedules/orders/run', { as: as() });
      await new Promise((r) => setTimeout(r, 200));
      const rows = await world.t.owner.query(`select status, mapped_payload from pass_through_orders where tenant_id = $1 and shopify_order_name = $2`, [acme.tenantId, giftOrderName]);
      sent = rows.rows[0];
    }
    expect(sent?.status).toBe('sent');
    expect(sent?.mapped_payload.details.map((d) => d.sku)).toEqual(['WIDGET-100']);
    world.cimcloud.control.flush(acme.siteName);
    await page.goto(`${world.t.url}/orders`);
    await page.fill('[data-testid=orders-search]', giftOrderName);
    await page.press('[data-testid=orders-search]', 'Enter');
    await page.click(`tr[data-testid=order-row][data-name="${giftOrderName}"]`);
    for (let i = 0; i < 60; i++) {
      await world.t.request('POST', '/api/v1/schedules/orders/run', { as: as() });
      const rows = await world.t.owner.query(`select status from pass_through_orders where tenant_id = $1 and shopify_order_name = $2`, [acme.tenantId, giftOrderName]);
      if (rows.rows[0]?.status === 'imported') break;
      await new Promise((r) => setTimeout(r, 500));
    }
    await page.reload();
    await page.waitForSelector('[data-testid=order-status][data-status=imported]', { timeout: 20000 });
    expect(await page.textContent('[data-testid=order-journey-erp]')).toMatch(/Sales order \S{7}/);
    await shot('7-fixed-order-imported');
  }, 120000);

  it('rolls back to the shipped mapping', async () => {
    await page.goto(`${world.t.url}/mappings/orders`);
    await page.click('[data-testid=mapping-tab-history]');
    await page.waitForSelector('tr[data-testid=mapping-version-row][data-version="2"][data-active=true]');
    await page.click('[data-testid=mapping-version-rollback-1]');
    await page.click('[data-testid=confirm]');
    await page.waitForSelector('tr[data-testid=mapping-version-row][data-version="3"][data-active=true]');
    const active = await world.t.request<{ version: number; note: string; definition: { fieldRules: Array<{ target: string; expression: string }> } }>('GET', '/api/v1/mappings/orders', { as: as() });
    expect(active.body.version).toBe(3);
    expect(active.body.note).toContain('Rollback to version 1');
    expect(active.body.definition.fieldRules.find((r) => r.target === 'details[].sku')?.expression).not.toContain('gift_items');
    await shot('8-rolled-back');
  }, 60000);
});
