import { ApiKeySummary, CreatedApiKey, Page, ProblemDetails, TenantUser } from '@ferry/contracts';
import { startTestApp, TestApp } from '../../testing/test-app';

describe('API keys (HTTP, real PostgreSQL)', () => {
  let t: TestApp;
  let tenantA: string;
  let tenantB: string;
  let admin: string;
  let viewer: string;

  beforeAll(async () => {
    t = await startTestApp();
    tenantA = await t.seedTenant('A');
    tenantB = await t.seedTenant('B');
    await t.seedUser('admin@a.test', 'admin-password', { memberOf: [[tenantA, 'tenant_admin']] });
    await t.seedUser('viewer@a.test', 'viewer-password', { memberOf: [[tenantA, 'tenant_viewer']] });
    admin = await t.login('admin@a.test', 'admin-password');
    viewer = await t.login('viewer@a.test', 'viewer-password');
  });
  afterAll(() => t.close());

  const create = (body: unknown, session = admin, tenantId = tenantA) =>
    t.request<CreatedApiKey & ProblemDetails>('POST', '/api/v1/api-keys', { as: { session, tenantId }, body });

  it('creates a key shown once, stored only as a hash, usable as a bearer token', async () => {
    const created = await create({ name: 'Partner sync', scopes: ['users:read'] });
    expect(created.status).toBe(201);
    expect(created.body.token).toMatch(/^fry_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$/);
    expect(created.body.token.startsWith(`fry_${created.body.prefix}_`)).toBe(true);

    const stored = await t.owner.query<{ secret_hash: Buffer }>('select secret_hash from api_keys where id = $1', [created.body.id]);
    expect(stored.rows[0].secret_hash.toString('hex')).not.toContain(created.body.token);
    expect(stored.rows[0].secret_hash).toHaveLength(32);

    const listed = await t.request<Page<ApiKeySummary>>('GET', '/api/v1/api-keys', { as: { session: admin, tenantId: tenantA } });
    expect(listed.body.items.map((k) => k.id)).toContain(created.body.id);
    expect(JSON.stringify(listed.body)).not.toContain(created.body.token.split('_')[2]);

    const users = await t.request<Page<TenantUser>>('GET', '/api/v1/users', { as: { apiKey: created.body.token } });
    expect(users.status).toBe(200);
    expect(users.body.items.map((u) => u.email).sort()).toEqual(['admin@a.test', 'viewer@a.test']);
    const used = await t.owner.query<{ last_used_at: Date | null }>('select last_used_at from api_keys where id = $1', [created.body.id]);
    expect(used.rows[0].last_used_at).toBeInstanceOf(Date);
  });

  it('refuses what the key has no scope for', async () => {
    const created = await create({ name: 'read only', scopes: ['users:read'] });
    const response = await t.request<ProblemDetails>('POST', '/api/v1/users', {
      as: { apiKey: created.body.token },
      body: { email: 'x@a.test', displayName: 'X', role: 'tenant_viewer' },
    });
    expect(response.status).toBe(403);
    expect(response.body.detail).toBe('This API key lacks the scope users:write.');
    const escalate = await t.request<ProblemDetails>('POST', '/api/v1/api-keys', {
      as: { apiKey: (await create({ name: 'key admin', scopes: ['api_keys:write'] })).body.token },
      body: { name: 'wider', scopes: ['users:write'] },
    });
    expect(escalate.status).toBe(403);
  });

  it('stops working when revoked', async () => {
    const created = await create({ name: 'to revoke', scopes: ['users:read'] });
    expect((await t.request('GET', '/api/v1/users', { as: { apiKey: created.body.token } })).status).toBe(200);
    expect((await t.request('DELETE', `/api/v1/api-keys/${created.body.id}`, { as: { session: admin, tenantId: tenantA } })).status).toBe(204);
    const refused = await t.request<ProblemDetails>('GET', '/api/v1/users', { as: { apiKey: created.body.token } });
    expect(refused.status).toBe(401);
    expect(refused.body.detail).toBe('This API key has been revoked.');
    const listed = await t.request<Page<ApiKeySummary>>('GET', '/api/v1/api-keys', { as: { session: admin, tenantId: tenantA } });
    expect(listed.body.items.find((k) => k.id === created.body.id)?.revokedAt).toEqual(expect.any(String));
  });

  it('stops working when expired', async () => {
    const created = await create({ name: 'short-lived', scopes: ['users:read'], expiresAt: new Date(Date.now() + 3600_000).toISOString() });
    expect(created.status).toBe(201);
    await t.owner.query(`update api_keys set expires_at = now() - interval '1 second' where id = $1`, [created.body.id]);
    const refused = await t.request<ProblemDetails>('GET', '/api/v1/users', { as: { apiKey: created.body.token } });
    expect(refused.status).toBe(401);
    expect(refused.body.detail).toBe('This API key has expired.');
  });

  it('refuses a wrong secret with a valid prefix, and a malformed token', async () => {
    const created = await create({ name: 'x', scopes: ['users:read'] });
    const forged = `fry_${created.body.prefix}_${'A'.repeat(43)}`;
    expect((await t.request('GET', '/api/v1/users', { as: { apiKey: forged } })).status).toBe(401);
    expect((await t.request('GET', '/api/v1/users', { as: { apiKey: 'not-a-key' } })).status).toBe(401);
  });

  it('acts only in its own tenant', async () => {
    const created = await create({ name: 'x', scopes: ['users:read'] });
    expect((await t.request('GET', '/api/v1/users', { as: { apiKey: created.body.token, tenantId: tenantB } })).status).toBe(404);
  });

  it('validates input: missing name, unknown scope, past expiry', async () => {
    const missing = await create({ scopes: ['users:read'] });
    expect(missing.status).toBe(400);
    expect(missing.body.errors?.map((e) => e.field)).toContain('name');
    const badScope = await create({ name: 'x', scopes: ['orders:delete_everything'] });
    expect(badScope.status).toBe(400);
    expect(badScope.body.errors?.[0].field).toBe('scopes');
    const past = await create({ name: 'x', scopes: ['users:read'], expiresAt: '2001-01-01T00:00:00Z' });
    expect(past.status).toBe(400);
    expect(past.body.errors).toEqual([{ field: 'expiresAt', message: 'must be in the future' }]);
    const notDate = await create({ name: 'x', scopes: ['users:read'], expiresAt: 'tomorrow' });
    expect(notDate.status).toBe(400);
    const badId = await t.request<ProblemDetails>('DELETE', '/api/v1/api-keys/123', { as: { session: admin, tenantId: tenantA } });
    expect(badId.status).toBe(400);
    expect(badId.body.errors).toEqual([{ field: 'apiKeyId', message: 'must be a UUID' }]);
  });

  it('lets viewers list but not create or revoke', async () => {
    expect((await t.request('GET', '/api/v1/api-keys', { as: { session: viewer, tenantId: tenantA } })).status).toBe(200);
    const refused = await create({ name: 'x', scopes: ['users:read'] }, viewer);
    expect(refused.status).toBe(403);
    expect(refused.body.detail).toBe('Your role (tenant_viewer) does not allow api_keys:write.');
  });

  it('pages with an opaque cursor', async () => {
    const first = await t.request<Page<ApiKeySummary>>('GET', '/api/v1/api-keys?limit=2', { as: { session: admin, tenantId: tenantA } });
    expect(first.body.items).toHaveLength(2);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const all: string[] = [...first.body.items.map((k) => k.id)];
    let cursor = first.body.nextCursor;
    while (cursor) {
      const next = await t.request<Page<ApiKeySummary>>('GET', `/api/v1/api-keys?limit=2&cursor=${cursor}`, { as: { session: admin, tenantId: tenantA } });
      all.push(...next.body.items.map((k) => k.id));
      cursor = next.body.nextCursor;
    }
    const total = await t.owner.query<{ n: number }>('select count(*)::int as n from api_keys where tenant_id = $1', [tenantA]);
    expect(new Set(all).size).toBe(total.rows[0].n);
    expect(all).toHaveLength(total.rows[0].n);
    const bad = await t.request<ProblemDetails>('GET', '/api/v1/api-keys?cursor=garbage', { as: { session: admin, tenantId: tenantA } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors?.[0].field).toBe('cursor');
  });
});
