import { demoSiteSeed, DEMO_CREDENTIALS } from '@ferry/cimcloud-emulator';
import { Browser, Page } from 'playwright-core';
import { ConnectedWorld, startConnectedWorld } from '../testing/connected-tenant';
import { ADMIN_DIST, launchChromium, requireAdminAndChromium, screenshotter } from '../testing/real-browser';


/**
 * Issue 6 acceptance: a new tenant admin walks the onboarding in real Chromium against the
 * Shopify and CIMcloud emulators — connects both, sets defaults (a bad value shown next to
 * its field first), links a location — and sees the checklist turn complete.
 */
describe('onboarding a tenant in a real browser', () => {
  let world: ConnectedWorld;
  let browser: Browser;
  let page: Page;
  let token: string;

  beforeAll(async () => {
    requireAdminAndChromium();
    world = await startConnectedWorld({ FERRY_ADMIN_DIST: ADMIN_DIST });
    const tenantId = await world.t.seedTenant('Acme Outdoor');
    await world.t.seedUser('owner@acme.test', 'owner-password-1', { memberOf: [[tenantId, 'tenant_admin']] });
    token = world.shopify.control.createShop({ shop: 'acme', name: 'Acme Outdoor' }).app.accessToken as string;
    world.shopify.control.addLocation('acme', { name: 'Main warehouse' });
    world.cimcloud.control.addSite(demoSiteSeed('acme'));
    browser = await launchChromium();
    page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  }, 60000);

  afterAll(async () => {
    await browser?.close();
    await world?.close();
  });

  const shot = screenshotter('onboarding', () => page);
  const done = (step: string) => page.getAttribute(`[data-testid=onboarding-step-${step}]`, 'data-done');

  it('walks from an empty checklist to "ready to sync"', async () => {
    await page.goto(world.t.url);
    await page.fill('input[name=email]', 'owner@acme.test');
    await page.fill('input[name=password]', 'owner-password-1');
    await page.click('button[type=submit]');
    await page.waitForSelector('[data-testid=onboarding-step-shopify_connected]');
    expect(await done('shopify_connected')).toBe('false');
    await shot('1-home-empty');

    await page.click('[data-testid=nav-connections]');
    await page.click('[data-testid=shopify-auth-mode-admin_token]');
    await page.fill('[data-testid=shopify-shop-domain]', 'acme.myshopify.com');
    await page.fill('[data-testid=shopify-access-token]', token);
    await page.fill('[data-testid=shopify-admin-base-url]', `${world.shopify.url}/shops/acme.myshopify.com`);
    await page.click('[data-testid=shopify-save]');
    await page.waitForSelector('[data-testid=shopify-test-result][data-ok=true]');
    expect(await page.textContent('[data-testid=shopify-test-shop-name]')).toContain('Acme Outdoor');
    await page.fill('[data-testid=cimcloud-site-name]', 'acme');
    await page.fill('[data-testid=cimcloud-auth-user-name]', DEMO_CREDENTIALS.userName);
    await page.fill('[data-testid=cimcloud-auth-key]', DEMO_CREDENTIALS.authKey);
    await page.fill('[data-testid=cimcloud-auth-password]', DEMO_CREDENTIALS.password);
    await page.fill('[data-testid=cimcloud-base-url]', world.cimcloud.url);
    await page.click('[data-testid=cimcloud-save]');
    await page.waitForSelector('[data-testid=cimcloud-test-result][data-ok=true]');
    expect(await page.textContent('[data-testid=shopify-access-token-hint]')).toContain(token.slice(-4));
    expect(await page.content()).not.toContain(token);
    await shot('2-connections');

    await page.click('[data-testid=nav-defaults]');
    await page.click('[data-testid=erp-lists-refresh]');
    await page.waitForSelector('[data-testid=erp-list-warehouses][data-count="2"]');
    await page.fill('[data-testid=defaults-input-divisionNo]', '1');
    await page.fill('[data-testid=defaults-input-customerNo]', 'webshop');
    await page.fill('[data-testid=defaults-input-shipVia]', 'UPS GROUND');
    await page.click('[data-testid=defaults-save]');
    await page.waitForSelector('[data-testid=defaults-error-divisionNo]');
    expect(await page.textContent('[data-testid=defaults-error-divisionNo]')).toContain('two digits');
    await page.locator('[data-testid=defaults-field-divisionNo]').scrollIntoViewIfNeeded();
    await page.waitForTimeout(300); // let the error's fade-in finish for the picture
    await shot('3-defaults-rejected');
    await page.fill('[data-testid=defaults-input-divisionNo]', '01');
    await page.click('[data-testid=defaults-save]');
    await page.waitForSelector('[data-testid=defaults-saved]');
    await shot('4-defaults-saved');

    await page.click('[data-testid=nav-locations]');
    await page.waitForSelector('[data-testid=location-links-save]');
    await shot('5-locations');
    await page.click('[data-testid=location-links-save]');
    await page.waitForSelector('[data-testid=location-links-saved]');

    await page.click('[data-testid=nav-home]');
    await page.waitForSelector('[data-testid=onboarding-complete]');
    for (const step of ['shopify_connected', 'cimcloud_connected', 'defaults_set', 'locations_linked', 'lookup_ship_via']) expect(await done(step)).toBe('true');
    await shot('6-home-complete');

    const saved = await world.t.owner.query(`select defaults from order_settings`);
    expect(saved.rows[0].defaults).toMatchObject({ divisionNo: '01', customerNo: 'WEBSHOP', shipVia: 'UPS GROUND' });
  }, 120000);
});
