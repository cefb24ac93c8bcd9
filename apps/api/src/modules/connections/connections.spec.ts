import { ConnectionsResponse, ConnectionTestResult, ProblemDetails, ShopifyConnectionSummary, CimcloudConnectionSummary } from '@ferry/contracts';
import { DEMO_CREDENTIALS, demoSiteSeed, RunningCimcloudEmulator, startCimcloudEmulator } from '@ferry/cimcloud-emulator';
import { RunningShopifyEmulator, startShopifyEmulator } from '@ferry/shopify-emulator';
import { startTestApp, TestApp } from '../../testing/test-app';

describe('connections (HTTP, real PostgreSQL, both emulators)', () => {
  let t: TestApp;
  let shopify: RunningShopifyEmulator;
  let cimcloud: RunningCimcloudEmulator;
  let tenantA: string;
  let tenantB: string;
  let admin: string;
  let viewer: string;
  let adminB: string;
  const as = () => ({ session: admin, tenantId: tenantA });

  beforeAll(async () => {
    [shopify, cimcloud] = await Promise.all([startShopifyEmulator({ timeScale: 1000 }), startCimcloudEmulator({ sites: [demoSiteSeed('acme')], rateLimits: null })]);
    t = await startTestApp({ FERRY_ALLOW_CONNECTOR_BASE_URLS: 'true' });
    tenantA = await t.seedTenant('A');
    tenantB = await t.seedTenant('B');
    await t.seedUser('admin@a.test', 'admin-password', { memberOf: [[tenantA, 'tenant_admin']] });
    await t.seedUser('viewer@a.test', 'viewer-password', { memberOf: [[tenantA, 'tenant_viewer']] });
    await t.seedUser('admin@b.test', 'admin-b-password', { memberOf: [[tenantB, 'tenant_admin']] });
    [admin, viewer, adminB] = await Promise.all([t.login('admin@a.test', 'admin-password'), t.login('viewer@a.test', 'viewer-password'), t.login('admin@b.test', 'admin-b-password')]);
  });
  afterAll(async () => {
    await t.close();
    await Promise.all([shopify.close(), cimcloud.close()]);
  });

  const shopifyBody = (shop: string, token: string | null) => ({
    shopDomain: `${shop}.myshopify.com`,
    authMode: 'admin_token',
    ...(token ? { accessToken: token } : {}),
    webhookSecret: 'whsec-0123456789abcdef',
    adminBaseUrl: `${shopify.url}/shops/${shop}.myshopify.com`,
  });

  it('connects Shopify with an admin token: tested, secrets masked, nothing secret stored or answered in clear', async () => {
    const shop = shopify.control.createShop({ shop: 'acme', name: 'Acme Outdoor' });
    const token = shop.app.accessToken as string;
    const saved = await t.request<ShopifyConnectionSummary>('PUT', '/api/v1/connections/shopify', { as: as(), body: shopifyBody('acme', token) });
    expect(saved.status).toBe(200);
    expect(saved.body.lastTest).toMatchObject({ ok: true, shopify: { shopName: 'Acme Outdoor', missingScopes: [] } });
    expect(saved.body.accessToken?.hint).toBe(`••••••••${token.slice(-4)}`);
    const listed = await t.request<ConnectionsResponse>('GET', '/api/v1/connections', { as: as() });
    const dump = JSON.stringify((await t.owner.query('select * from connections')).rows) + (await t.owner.query('select secret_ciphertext from connections')).rows.map((r) => (r.secret_ciphertext as Buffer).toString('latin1')).join('');
    for (const text of [JSON.stringify(saved.body), JSON.stringify(listed.body), dump]) {
      expect(text).not.toContain(token);
      expect(text).not.toContain('whsec-0123456789abcdef');
    }
    const audit = await t.owner.query(`select details from audit_log where tenant_id = $1 and action = 'connection.saved'`, [tenantA]);
    expect(audit.rows[0].details).toMatchObject({ changedSecrets: ['accessToken', 'webhookSecret'] });
    expect(JSON.stringify(audit.rows)).not.toContain(token);
  });

  it('keeps a stored secret when a save leaves it out', async () => {
    const saved = await t.request<ShopifyConnectionSummary>('PUT', '/api/v1/connections/shopify', { as: as(), body: shopifyBody('acme', null) });
    expect(saved.body.lastTest?.ok).toBe(true);
  });

  it('reports missing scopes with what each one breaks', async () => {
    const shop = shopify.control.createShop({ shop: 'narrow', scopes: ['read_orders', 'read_products', 'read_locations', 'read_inventory'] });
    const saved = await t.request<ShopifyConnectionSummary>('PUT', '/api/v1/connections/shopify', {
      as: { session: adminB, tenantId: tenantB },
      body: shopifyBody('narrow', shop.app.accessToken),
    });
    expect(saved.body.lastTest?.ok).toBe(false);
    const missing = saved.body.lastTest?.shopify?.missingScopes.map((m) => m.scope) ?? [];
    expect(missing).toEqual(expect.arrayContaining(['write_inventory', 'write_fulfillments', 'read_all_orders']));
    expect(saved.body.lastTest?.shopify?.missingScopes.find((m) => m.scope === 'write_inventory')?.breaks).toBe('Ferry cannot update stock levels in Shopify.');
    expect(saved.body.lastTest?.message).toContain('required scopes are missing');
  });

  it('explains wrong credentials, and connects a Dev Dashboard app with client credentials', async () => {
    const shop = shopify.control.createShop({ shop: 'devdash' });
    const wrong = await t.request<ShopifyConnectionSummary>('PUT', '/api/v1/connections/shopify', { as: { session: adminB, tenantId: tenantB }, body: shopifyBody('devdash', 'shpat_not_a_real_token_at_all') });
    expect(wrong.body.lastTest).toMatchObject({ ok: false, message: expect.stringContaining('Shopify refused the credentials') });
    const cc = await t.request<ShopifyConnectionSummary>('PUT', '/api/v1/connections/shopify', {
      as: { session: adminB, tenantId: tenantB },
      body: { shopDomain: 'devdash.myshopify.com', authMode: 'client_credentials', clientId: shop.app.clientId, clientSecret: shop.app.clientSecret, adminBaseUrl: `${shopify.url}/shops/devdash.myshopify.com` },
    });
    expect(cc.body).toMatchObject({ authMode: 'client_credentials', clientId: shop.app.clientId, accessToken: null, lastTest: { ok: true } });
  });

  it('connects CIMcloud and explains a refused authorization', async () => {
    const body = { siteName: 'acme', authUserName: DEMO_CREDENTIALS.userName, authKey: DEMO_CREDENTIALS.authKey, authPassword: 'wrong-password', baseUrl: cimcloud.url };
    const bad = await t.request<CimcloudConnectionSummary>('PUT', '/api/v1/connections/cimcloud', { as: as(), body });
    expect(bad.body.lastTest).toMatchObject({ ok: false, message: expect.stringContaining('CIMcloud refused the App Authorization') });
    const good = await t.request<CimcloudConnectionSummary>('PUT', '/api/v1/connections/cimcloud', { as: as(), body: { ...body, authPassword: DEMO_CREDENTIALS.password } });
    expect(good.body).toMatchObject({ siteName: 'acme', lastTest: { ok: true }, authPassword: { hint: '••••••••' } });
    const retest = await t.request<ConnectionTestResult>('POST', '/api/v1/connections/cimcloud/test', { as: as() });
    expect(retest.body.ok).toBe(true);
  });

  it('refuses a ciphertext copied into another tenant’s row', async () => {
    await t.owner.query(
      `update connections b set secret_ciphertext = a.secret_ciphertext, secret_key_version = a.secret_key_version
         from connections a where a.tenant_id = $1 and a.kind = 'cimcloud' and b.tenant_id = $2 and b.kind = 'shopify'`,
      [tenantA, tenantB],
    );
    const test = await t.request<ProblemDetails>('POST', '/api/v1/connections/shopify/test', { as: { session: adminB, tenantId: tenantB } });
    expect(test.status).toBe(409);
    expect(test.body.detail).toContain('cannot be decrypted');
  });

  it('validates input: missing field, malformed values, required secrets, base URLs off by default', async () => {
    const missing = await t.request<ProblemDetails>('PUT', '/api/v1/connections/shopify', { as: as(), body: { authMode: 'admin_token', accessToken: 'shpat_xxxxxxxxxxxx' } });
    expect(missing.body.errors).toEqual([{ field: 'shopDomain', message: 'is required' }]);
    const malformed = await t.request<ProblemDetails>('PUT', '/api/v1/connections/shopify', { as: as(), body: { shopDomain: 'acme.com', authMode: 'password' } });
    expect(malformed.body.errors?.map((e) => e.field).sort()).toEqual(['authMode', 'shopDomain']);
    const noSecret = await t.request<ProblemDetails>('PUT', '/api/v1/connections/cimcloud', { as: { session: adminB, tenantId: tenantB }, body: { siteName: 'acme', authUserName: 'x' } });
    expect(noSecret.body.errors?.map((e) => e.field)).toEqual(['authKey', 'authPassword']);
    const badKind = await t.request<ProblemDetails>('POST', '/api/v1/connections/erp/test', { as: as() });
    expect(badKind.body.errors?.[0].field).toBe('kind');

    const strict = await startTestApp();
    try {
      const tenant = await strict.seedTenant('S');
      await strict.seedUser('s@s.test', 'strict-password', { memberOf: [[tenant, 'tenant_admin']] });
      const session = await strict.login('s@s.test', 'strict-password');
      const refused = await strict.request<ProblemDetails>('PUT', '/api/v1/connections/cimcloud', {
        as: { session, tenantId: tenant },
        body: { siteName: 'acme', authUserName: 'x', authKey: 'k-123', authPassword: 'p', baseUrl: 'http://169.254.169.254' },
      });
      expect(refused.status).toBe(400);
      expect(refused.body.errors?.[0]).toEqual({ field: 'baseUrl', message: 'is not allowed on this server (FERRY_ALLOW_CONNECTOR_BASE_URLS is off)' });
    } finally {
      await strict.close();
    }
  });

  it('lets viewers read but not change, and keeps tenants apart', async () => {
    expect((await t.request('GET', '/api/v1/connections', { as: { session: viewer, tenantId: tenantA } })).status).toBe(200);
    expect((await t.request('POST', '/api/v1/connections/cimcloud/test', { as: { session: viewer, tenantId: tenantA } })).status).toBe(403);
    expect((await t.request('DELETE', '/api/v1/connections/cimcloud', { as: { session: viewer, tenantId: tenantA } })).status).toBe(403);
    const bView = await t.request<ConnectionsResponse>('GET', '/api/v1/connections', { as: { session: adminB, tenantId: tenantB } });
    expect(bView.body.cimcloud).toBeNull();
    expect((await t.request('DELETE', '/api/v1/connections/cimcloud', { as: { session: adminB, tenantId: tenantB } })).status).toBe(404);
    expect((await t.request('DELETE', '/api/v1/connections/cimcloud', { as: as() })).status).toBe(204);
    expect((await t.request<ConnectionsResponse>('GET', '/api/v1/connections', { as: as() })).body.cimcloud).toBeNull();
  });
});
