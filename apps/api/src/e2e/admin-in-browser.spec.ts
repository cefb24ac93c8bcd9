import { Browser, Page } from 'playwright-core';
import { ADMIN_DIST, launchChromium, requireAdminAndChromium, screenshotter } from '../testing/real-browser';
import { startTestApp, TestApp } from '../testing/test-app';


describe('admin in a real browser', () => {
  let t: TestApp;
  let browser: Browser;
  let page: Page;
  let tenantId: string;
  const shot = screenshotter('', () => page);

  beforeAll(async () => {
    requireAdminAndChromium();
    t = await startTestApp({ FERRY_ADMIN_DIST: ADMIN_DIST });
    tenantId = await t.seedTenant('Acme Outdoor');
    await t.seedUser('admin@acme.test', 'admin-password-1', { memberOf: [[tenantId, 'tenant_admin']] });
    await t.seedUser('viewer@acme.test', 'viewer-password-1', { memberOf: [[tenantId, 'tenant_viewer']] });
    browser = await launchChromium();
  }, 60000);

  beforeEach(async () => {
    page = await (await browser.newContext()).newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function signIn(email: string, password: string): Promise<void> {
    await page.goto(t.url);
    await page.waitForURL('**/login');
    await page.fill('input[name=email]', email);
    await page.fill('input[name=password]', password);
    await page.click('button[type=submit]');
  }

  it('shows an error for a wrong password', async () => {
    await signIn('admin@acme.test', 'not-the-password');
    await page.waitForSelector('[data-testid=login-error]');
    expect(await page.textContent('[data-testid=login-error]')).toContain('Email or password is wrong');
    await shot('login-error');
  }, 30000);

  it('signs in, shows the user and tenant, and lists the tenant users', async () => {
    await signIn('admin@acme.test', 'admin-password-1');
    await page.waitForSelector('[data-testid=current-user]');
    expect(await page.textContent('[data-testid=current-user]')).toContain('admin@acme.test');
    expect(await page.textContent('[data-testid=tenant-switcher]')).toContain('Acme Outdoor');
    await page.click('[data-testid=nav-users]');
    await page.waitForSelector('[data-testid=users-table] tr[data-testid=user-row]');
    const rows = await page.locator('tr[data-testid=user-row]').allTextContents();
    expect(rows.join('\n')).toContain('admin@acme.test');
    expect(rows.join('\n')).toContain('viewer@acme.test');
    expect(rows).toHaveLength(2);
    await shot('users');
  }, 30000);

  it('creates an API key and shows its token once', async () => {
    await signIn('admin@acme.test', 'admin-password-1');
    await page.waitForSelector('[data-testid=current-user]');
    await page.click('[data-testid=nav-api-keys]');
    await page.waitForSelector('[data-testid=api-keys-table]');
    await page.click('[data-testid=create-api-key]');
    await page.fill('input[name=name]', 'Partner sync');
    await page.locator('mat-checkbox', { hasText: 'users:read' }).click();
    await page.click('[data-testid=confirm-create-api-key]');
    await page.waitForSelector('[data-testid=api-key-token]');
    const token = (await page.textContent('[data-testid=api-key-token]'))?.trim() ?? '';
    expect(token).toMatch(/^fry_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$/);
    await shot('api-key-created');
    const used = await t.request<{ items: unknown[] }>('GET', '/api/v1/users', { as: { apiKey: token } });
    expect(used.status).toBe(200);
    expect(used.body.items).toHaveLength(2);
  }, 30000);
});
