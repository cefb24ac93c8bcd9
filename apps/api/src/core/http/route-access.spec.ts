import { SCOPES } from '@ferry/contracts';
import { listRoutes, RouteInfo } from '../../testing/route-inventory';
import { startTestApp, TestApp } from '../../testing/test-app';

/**
 * Walks every route of the running app. A new route is covered the moment it exists:
 * if it takes an id, the isolation test needs a fixture for it and fails until one is added.
 */
describe('every route: authentication and tenant isolation', () => {
  let t: TestApp;
  let routes: RouteInfo[];
  let tenantA: string;
  let sessionA: string;
  let apiKeyA: string;
  /** An id of each kind that belongs to tenant B, by route parameter name. */
  const idsOfTenantB: Record<string, string> = {};

  /** The only routes that answer without credentials. */
  const PUBLIC = ['POST /api/v1/auth/login', 'POST /api/v1/auth/logout', 'GET /api/v1/health/live', 'GET /api/v1/health/ready'];

  /** Routes authenticated by a signature instead of credentials (tested on their own). */
  const SIGNED = ['POST /api/v1/webhooks/shopify/:tenantId'];

  /** Route parameters that select among fixed values rather than name a record. */
  const NON_ID_PARAMS: Record<string, string> = { flow: 'orders', kind: 'shopify', version: '1' };

  /** A body valid for each route that needs one, so the request reaches the id lookup. */
  const VALID_BODIES: Record<string, unknown> = {
    'PATCH /api/v1/users/:userId': { role: 'tenant_viewer' },
    'PUT /api/v1/lookup-tables/:tableId': { name: 'ship_via', rows: [] },
    'PUT /api/v1/lookup-tables/:tableId/csv': 'key,value\n',
  };

  beforeAll(async () => {
    t = await startTestApp();
    routes = listRoutes(t.app);
    tenantA = await t.seedTenant('A');
    const tenantB = await t.seedTenant('B');
    await t.seedUser('admin@a.test', 'admin-a-password', { memberOf: [[tenantA, 'tenant_admin']] });
    const userB = await t.seedUser('admin@b.test', 'admin-b-password', { memberOf: [[tenantB, 'tenant_admin']] });
    sessionA = await t.login('admin@a.test', 'admin-a-password');
    const sessionB = await t.login('admin@b.test', 'admin-b-password');
    const keyA = await t.request<{ token: string }>('POST', '/api/v1/api-keys', { as: { session: sessionA, tenantId: tenantA }, body: { name: 'all', scopes: SCOPES } });
    apiKeyA = keyA.body.token;
    const keyB = await t.request<{ id: string }>('POST', '/api/v1/api-keys', { as: { session: sessionB, tenantId: tenantB }, body: { name: 'b', scopes: ['users:read'] } });
    const runB = await t.owner.query<{ id: string }>(`insert into sync_runs (tenant_id, flow, trigger, status) values ($1, 'orders', 'manual', 'succeeded') returning id`, [tenantB]);
    const tableB = await t.owner.query<{ id: string }>(`select id from lookup_tables where tenant_id = $1 and name = 'ship_via'`, [tenantB]);
    const orderB = await t.owner.query<{ id: string }>(
      `insert into pass_through_orders (tenant_id, shopify_order_id, shopify_order_name, shopify_created_at, shopify_updated_at, status, source_payload)
       values ($1, 'gid://shopify/Order/1', '#1001', now(), now(), 'failed', '{}') returning id`,
      [tenantB],
    );
    const errorB = await t.owner.query<{ id: string }>(
      `insert into record_errors (tenant_id, flow, record_key, category, message, state) values ($1, 'orders', 'gid://shopify/Order/1', 'mapping_error', 'x', 'open') returning id`,
      [tenantB],
    );
    Object.assign(idsOfTenantB, { orderId: orderB.rows[0].id, errorId: errorB.rows[0].id });
    Object.assign(idsOfTenantB, { userId: userB, apiKeyId: keyB.body.id, tenantId: tenantB, runId: runB.rows[0].id, tableId: tableB.rows[0].id });
  });
  afterAll(() => t.close());

  it('finds the routes', () => {
    expect(routes.length).toBeGreaterThan(10);
  });

  it('refuses every non-public route without credentials (401), and only the public ones answer', async () => {
    const answeredWithoutCredentials: string[] = [];
    for (const route of routes) {
      const path = route.path.replace(/:(\w+)/g, '00000000-0000-4000-8000-000000000000');
      const response = await t.request(route.method, path, { body: route.method === 'GET' ? undefined : {} });
      if (response.status !== 401) answeredWithoutCredentials.push(`${route.method} ${route.path}`);
    }
    expect(answeredWithoutCredentials.sort()).toEqual([...PUBLIC].sort());
  });

  it("answers 404 to tenant A's session and API key on every id of tenant B", async () => {
    const idRoutes = routes.filter((r) => r.params.some((p) => !(p in NON_ID_PARAMS)) && !SIGNED.includes(`${r.method} ${r.path}`));
    expect(idRoutes.length).toBeGreaterThan(0);
    const results: string[] = [];
    for (const route of idRoutes) {
      const missing = route.params.filter((p) => !(p in idsOfTenantB) && !(p in NON_ID_PARAMS));
      if (missing.length) {
        results.push(`${route.method} ${route.path}: no tenant-B fixture for ${missing.join(', ')} — add one to idsOfTenantB`);
        continue;
      }
      const key = `${route.method} ${route.path}`;
      if (['POST', 'PUT', 'PATCH'].includes(route.method) && !(key in VALID_BODIES)) {
        results.push(`${key}: no valid body — add one to VALID_BODIES`);
        continue;
      }
      const path = route.path.replace(/:(\w+)/g, (_, name: string) => NON_ID_PARAMS[name] ?? idsOfTenantB[name]);
      for (const as of [{ session: sessionA, tenantId: tenantA }, { apiKey: apiKeyA }]) {
        const body = VALID_BODIES[key];
        const headers: Record<string, string> = typeof body === 'string' ? { 'content-type': 'text/csv' } : {};
        const response = await t.request(route.method, path, { as, body, headers });
        results.push(`${key} as ${'apiKey' in as ? 'api key' : 'session'}: ${response.status}`);
      }
    }
    expect(results).toEqual(results.map((r) => r.replace(/: \d+$/, ': 404')));
  });
});
