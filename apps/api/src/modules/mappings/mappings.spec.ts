import { MappingDefinition, MappingVersionDetail, MappingVersionSummary, ProblemDetails } from '@ferry/contracts';
import { DEFAULT_MAPPINGS, mappingContentHash } from '@ferry/mapping';
import { startTestApp, TestApp } from '../../testing/test-app';

describe('mapping versions (HTTP, real PostgreSQL)', () => {
  let t: TestApp;
  let tenantA: string;
  let admin: string;
  const as = () => ({ session: admin, tenantId: tenantA });

  beforeAll(async () => {
    t = await startTestApp();
    tenantA = await t.seedTenant('A');
    await t.seedUser('admin@a.test', 'admin-password', { memberOf: [[tenantA, 'tenant_admin']] });
    admin = await t.login('admin@a.test', 'admin-password');
  });
  afterAll(() => t.close());

  const withRule = (definition: MappingDefinition, target: string, expression: string): MappingDefinition => ({
    ...definition,
    fieldRules: definition.fieldRules.map((r) => (r.target === target ? { ...r, expression } : r)),
  });

  it('starts every tenant on the shipped default as version 1', async () => {
    const active = await t.request<MappingVersionDetail>('GET', '/api/v1/mappings/orders', { as: as() });
    expect(active.status).toBe(200);
    expect(active.body).toMatchObject({ version: 1, active: true, note: 'Shipped default mapping', contentHash: mappingContentHash(DEFAULT_MAPPINGS.orders) });
    expect(active.body.definition).toEqual(DEFAULT_MAPPINGS.orders);
  });

  it('publishes a new version from a definition file and keeps the old one', async () => {
    const target = DEFAULT_MAPPINGS.orders.fieldRules.find((r) => r.target === 'comments')?.target ?? DEFAULT_MAPPINGS.orders.fieldRules[0].target;
    // The shipped test cases pin the old comment; a file that changes it drops them.
    const changed = { ...withRule(DEFAULT_MAPPINGS.orders, target, '"Imported by Ferry"'), testCases: [] };
    const published = await t.request<MappingVersionDetail>('POST', '/api/v1/mappings/orders/versions', { as: as(), body: { definition: changed, note: 'fixed comment' } });
    expect(published.status).toBe(201);
    expect(published.body).toMatchObject({ version: 2, active: true, note: 'fixed comment' });
    const versions = await t.request<MappingVersionSummary[]>('GET', '/api/v1/mappings/orders/versions', { as: as() });
    expect(versions.body.map((v) => [v.version, v.active])).toEqual([
      [2, true],
      [1, false],
    ]);
    const v1 = await t.request<MappingVersionDetail>('GET', '/api/v1/mappings/orders/versions/1', { as: as() });
    expect(v1.body.definition).toEqual(DEFAULT_MAPPINGS.orders);
    const again = await t.request<ProblemDetails>('POST', '/api/v1/mappings/orders/versions', { as: as(), body: { definition: changed } });
    expect(again.status).toBe(409);
  });

  it('refuses a definition whose expression does not compile, naming the rule, line and column', async () => {
    const target = DEFAULT_MAPPINGS.orders.fieldRules[0].target;
    const broken = withRule(DEFAULT_MAPPINGS.orders, target, '$substring(name,\n  1');
    const refused = await t.request<ProblemDetails>('POST', '/api/v1/mappings/orders/versions', { as: as(), body: { definition: broken } });
    expect(refused.status).toBe(400);
    expect(refused.body.errors?.[0].field).toBe(`definition[${target}]`);
    expect(refused.body.errors?.[0].message).toMatch(/line \d+, column \d+/);
  });

  it('validates the file: wrong flow, missing parts, malformed values', async () => {
    const wrongFlow = await t.request<ProblemDetails>('POST', '/api/v1/mappings/shipments/versions', { as: as(), body: { definition: DEFAULT_MAPPINGS.orders } });
    expect(wrongFlow.body.errors).toEqual([{ field: 'definition.flow', message: 'must be "shipments" to publish to the shipments mapping' }]);
    const missing = await t.request<ProblemDetails>('POST', '/api/v1/mappings/orders/versions', { as: as(), body: { definition: { flow: 'orders', targetSchemaId: 'x' } } });
    expect(missing.body.errors?.map((e) => e.field).sort()).toEqual(['definition.fieldRules', 'definition.lookupTables', 'definition.testCases']);
    const malformed = await t.request<ProblemDetails>('POST', '/api/v1/mappings/orders/versions', { as: as(), body: { definition: { ...DEFAULT_MAPPINGS.orders, fieldRules: [{ target: 5 }] } } });
    expect(malformed.body.errors?.[0].field).toMatch(/^definition\.fieldRules\.0\./);
    expect((await t.request<ProblemDetails>('GET', '/api/v1/mappings/prices', { as: as() })).status).toBe(400);
    expect((await t.request<ProblemDetails>('GET', '/api/v1/mappings/orders/versions/one', { as: as() })).status).toBe(400);
    expect((await t.request<ProblemDetails>('GET', '/api/v1/mappings/orders/versions/99', { as: as() })).status).toBe(404);
  });

  it('keeps published versions immutable, even for the database owner', async () => {
    await expect(t.owner.query(`update mapping_versions set note = 'changed' where tenant_id = $1`, [tenantA])).rejects.toThrow(/immutable/);
  });

  it('lets viewers read but not publish', async () => {
    await t.seedUser('viewer@a.test', 'viewer-password', { memberOf: [[tenantA, 'tenant_viewer']] });
    const viewer = await t.login('viewer@a.test', 'viewer-password');
    expect((await t.request('GET', '/api/v1/mappings/orders', { as: { session: viewer, tenantId: tenantA } })).status).toBe(200);
    expect((await t.request('POST', '/api/v1/mappings/orders/versions', { as: { session: viewer, tenantId: tenantA }, body: { definition: DEFAULT_MAPPINGS.orders } })).status).toBe(403);
  });
});
