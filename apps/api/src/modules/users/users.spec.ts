import { AddUserResponse, MeResponse, Page, ProblemDetails, TenantUser } from '@ferry/contracts';
import { startTestApp, TestApp } from '../../testing/test-app';

describe('users of a tenant (HTTP, real PostgreSQL)', () => {
  let t: TestApp;
  let tenantA: string;
  let tenantB: string;
  let admin: string;
  let viewerId: string;

  beforeAll(async () => {
    t = await startTestApp();
    tenantA = await t.seedTenant('A');
    tenantB = await t.seedTenant('B');
    await t.seedUser('admin@a.test', 'admin-password', { memberOf: [[tenantA, 'tenant_admin']] });
    viewerId = await t.seedUser('viewer@a.test', 'viewer-password', { memberOf: [[tenantA, 'tenant_viewer']] });
    await t.seedUser('bee@b.test', 'bee-password-1', { memberOf: [[tenantB, 'tenant_admin']] });
    admin = await t.login('admin@a.test', 'admin-password');
  });
  afterAll(() => t.close());

  const asAdmin = { session: '', tenantId: '' };
  beforeEach(() => Object.assign(asAdmin, { session: admin, tenantId: tenantA }));

  it('lists only the members of the current tenant', async () => {
    const list = await t.request<Page<TenantUser>>('GET', '/api/v1/users', { as: asAdmin });
    expect(list.status).toBe(200);
    expect(list.body.items.map((u) => [u.email, u.role])).toEqual([
      ['admin@a.test', 'tenant_admin'],
      ['viewer@a.test', 'tenant_viewer'],
    ]);
  });

  it('adds a new person with a one-time password that works once and must be changed', async () => {
    const added = await t.request<AddUserResponse>('POST', '/api/v1/users', {
      as: asAdmin,
      body: { email: 'new@a.test', displayName: 'New Person', role: 'pro_services' },
    });
    expect(added.status).toBe(201);
    expect(added.body.user).toMatchObject({ email: 'new@a.test', role: 'pro_services' });
    expect(added.body.temporaryPassword).toEqual(expect.any(String));
    const session = await t.login('new@a.test', added.body.temporaryPassword as string);
    const me = await t.request<MeResponse>('GET', '/api/v1/auth/me', { as: { session } });
    expect(me.body.user.mustChangePassword).toBe(true);
    expect(me.body.tenants.map((x) => x.tenantId)).toEqual([tenantA]);
    const audit = await t.owner.query(`select action, details from audit_log where tenant_id = $1 and action = 'user.added'`, [tenantA]);
    expect(audit.rows[0].details).toMatchObject({ email: 'new@a.test', role: 'pro_services', accountCreated: true });
    expect(JSON.stringify(audit.rows)).not.toContain(added.body.temporaryPassword as string);
  });

  it('adds a person who already has an account (another tenant) without a new password', async () => {
    const added = await t.request<AddUserResponse>('POST', '/api/v1/users', {
      as: asAdmin,
      body: { email: 'BEE@b.test', displayName: 'ignored', role: 'tenant_viewer' },
    });
    expect(added.status).toBe(201);
    expect(added.body.temporaryPassword).toBeNull();
    const session = await t.login('bee@b.test', 'bee-password-1');
    const me = await t.request<MeResponse>('GET', '/api/v1/auth/me', { as: { session } });
    expect(me.body.tenants.map((x) => x.tenantId).sort()).toEqual([tenantA, tenantB].sort());
    const again = await t.request<ProblemDetails>('POST', '/api/v1/users', { as: asAdmin, body: { email: 'bee@b.test', displayName: 'Bee', role: 'tenant_viewer' } });
    expect(again.status).toBe(409);
  });

  it('changes a role, and never removes or demotes the last tenant admin', async () => {
    const changed = await t.request<TenantUser>('PATCH', `/api/v1/users/${viewerId}`, { as: asAdmin, body: { role: 'pro_services' } });
    expect(changed.status).toBe(200);
    expect(changed.body.role).toBe('pro_services');
    const adminId = (await t.owner.query(`select id from users where email = 'admin@a.test'`)).rows[0].id as string;
    const demote = await t.request<ProblemDetails>('PATCH', `/api/v1/users/${adminId}`, { as: asAdmin, body: { role: 'tenant_viewer' } });
    expect(demote.status).toBe(409);
    expect((await t.request('DELETE', `/api/v1/users/${adminId}`, { as: asAdmin })).status).toBe(409);
  });

  it('removes a person from the tenant (their account stays for their other tenants)', async () => {
    const beeId = (await t.owner.query(`select id from users where email = 'bee@b.test'`)).rows[0].id as string;
    expect((await t.request('DELETE', `/api/v1/users/${beeId}`, { as: asAdmin })).status).toBe(204);
    const list = await t.request<Page<TenantUser>>('GET', '/api/v1/users', { as: asAdmin });
    expect(list.body.items.map((u) => u.email)).not.toContain('bee@b.test');
    expect((await t.owner.query('select 1 from memberships where user_id = $1 and tenant_id = $2', [beeId, tenantB])).rowCount).toBe(1);
  });

  it("answers 404 for another tenant's person, and for a tenant the caller is not in", async () => {
    const beeId = (await t.owner.query(`select id from users where email = 'bee@b.test'`)).rows[0].id as string;
    expect((await t.request('PATCH', `/api/v1/users/${beeId}`, { as: asAdmin, body: { role: 'tenant_viewer' } })).status).toBe(404);
    expect((await t.request('GET', '/api/v1/users', { as: { session: admin, tenantId: tenantB } })).status).toBe(404);
  });

  it('validates input: missing field, malformed values, missing tenant header', async () => {
    const missing = await t.request<ProblemDetails>('POST', '/api/v1/users', { as: asAdmin, body: { email: 'z@a.test', role: 'tenant_viewer' } });
    expect(missing.status).toBe(400);
    expect(missing.body.errors).toEqual([{ field: 'displayName', message: 'is required' }]);
    const malformed = await t.request<ProblemDetails>('POST', '/api/v1/users', { as: asAdmin, body: { email: 'z', displayName: 'Z', role: 'owner' } });
    expect(malformed.body.errors?.map((e) => e.field).sort()).toEqual(['email', 'role']);
    const noTenant = await t.request<ProblemDetails>('GET', '/api/v1/users', { as: { session: admin } });
    expect(noTenant.status).toBe(400);
    expect(noTenant.body.errors?.[0].field).toBe('x-ferry-tenant');
    const badTenant = await t.request<ProblemDetails>('GET', '/api/v1/users', { as: { session: admin, tenantId: 'acme' } });
    expect(badTenant.status).toBe(400);
  });

  it('lets a viewer read but not write', async () => {
    const viewer = await t.login('viewer@a.test', 'viewer-password');
    expect((await t.request('GET', '/api/v1/users', { as: { session: viewer, tenantId: tenantA } })).status).toBe(200);
    const refused = await t.request('POST', '/api/v1/users', {
      as: { session: viewer, tenantId: tenantA },
      body: { email: 'v@a.test', displayName: 'V', role: 'tenant_viewer' },
    });
    expect(refused.status).toBe(403);
  });
});
