import { MeResponse, Page, ProblemDetails, TenantSummary } from '@ferry/contracts';
import { startTestApp, TestApp } from '../../testing/test-app';

describe('tenants (HTTP, real PostgreSQL)', () => {
  let t: TestApp;
  let tenantA: string;
  let tenantB: string;
  let operator: string;
  let member: string;

  beforeAll(async () => {
    t = await startTestApp();
    tenantA = await t.seedTenant('A');
    tenantB = await t.seedTenant('B');
    await t.seedUser('op@ferry.test', 'operator-password', { operator: true });
    await t.seedUser('member@a.test', 'member-password', { memberOf: [[tenantA, 'tenant_admin']] });
    operator = await t.login('op@ferry.test', 'operator-password');
    member = await t.login('member@a.test', 'member-password');
  });
  afterAll(() => t.close());

  it('shows operators every tenant and lets them act in any', async () => {
    const list = await t.request<Page<TenantSummary>>('GET', '/api/v1/tenants', { as: { session: operator } });
    expect(list.body.items.map((x) => x.id).sort()).toEqual([tenantA, tenantB].sort());
    const me = await t.request<MeResponse>('GET', '/api/v1/auth/me', { as: { session: operator } });
    expect(me.body.tenants.map((x) => x.role)).toEqual(['platform_operator', 'platform_operator']);
    expect((await t.request('GET', '/api/v1/users', { as: { session: operator, tenantId: tenantB } })).status).toBe(200);
  });

  it('shows a member only their tenants', async () => {
    const list = await t.request<Page<TenantSummary>>('GET', '/api/v1/tenants', { as: { session: member } });
    expect(list.body.items.map((x) => x.id)).toEqual([tenantA]);
    expect((await t.request('GET', `/api/v1/tenants/${tenantB}`, { as: { session: member } })).status).toBe(404);
    expect((await t.request('GET', `/api/v1/tenants/${tenantA}`, { as: { session: member } })).status).toBe(200);
  });

  it('lets only operators create tenants, with valid unique slugs', async () => {
    const refused = await t.request<ProblemDetails>('POST', '/api/v1/tenants', { as: { session: member }, body: { name: 'C', slug: 'c-corp' } });
    expect(refused.status).toBe(403);
    const created = await t.request<TenantSummary>('POST', '/api/v1/tenants', { as: { session: operator }, body: { name: 'C Corp', slug: 'c-corp' } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'C Corp', slug: 'c-corp' });
    const duplicate = await t.request<ProblemDetails>('POST', '/api/v1/tenants', { as: { session: operator }, body: { name: 'C2', slug: 'c-corp' } });
    expect(duplicate.status).toBe(409);
    const malformed = await t.request<ProblemDetails>('POST', '/api/v1/tenants', { as: { session: operator }, body: { name: 'D', slug: 'Not A Slug' } });
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors?.[0].field).toBe('slug');
    const missing = await t.request<ProblemDetails>('POST', '/api/v1/tenants', { as: { session: operator }, body: { slug: 'd-corp' } });
    expect(missing.body.errors?.[0].field).toBe('name');
  });
});
