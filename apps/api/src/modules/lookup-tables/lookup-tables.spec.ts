import { LookupTableDetail, LookupTableSummary, ProblemDetails } from '@ferry/contracts';
import { startTestApp, TestApp } from '../../testing/test-app';

describe('lookup tables (HTTP, real PostgreSQL)', () => {
  let t: TestApp;
  let tenantA: string;
  let admin: string;
  const as = () => ({ session: admin, tenantId: tenantA });
  let shipVia: LookupTableSummary;

  beforeAll(async () => {
    t = await startTestApp();
    tenantA = await t.seedTenant('A');
    await t.seedUser('admin@a.test', 'admin-password', { memberOf: [[tenantA, 'tenant_admin']] });
    admin = await t.login('admin@a.test', 'admin-password');
  });
  afterAll(() => t.close());

  it('gives every tenant the standard tables', async () => {
    const list = await t.request<LookupTableSummary[]>('GET', '/api/v1/lookup-tables', { as: as() });
    expect(list.body.map((x) => [x.name, x.rowCount])).toEqual([
      ['carrier', 0],
      ['ship_via', 0],
    ]);
    shipVia = list.body.find((x) => x.name === 'ship_via') as LookupTableSummary;
  });

  it('replaces rows, refusing duplicate keys by row', async () => {
    const saved = await t.request<LookupTableDetail>('PUT', `/api/v1/lookup-tables/${shipVia.id}`, {
      as: as(),
      body: { name: 'ship_via', rows: [{ key: 'Standard Shipping', value: 'UPS GROUND' }, { key: 'Express', value: 'FEDEX 2DAY' }] },
    });
    expect(saved.body.rows).toEqual([{ key: 'Express', value: 'FEDEX 2DAY' }, { key: 'Standard Shipping', value: 'UPS GROUND' }]);
    const dup = await t.request<ProblemDetails>('PUT', `/api/v1/lookup-tables/${shipVia.id}`, {
      as: as(),
      body: { name: 'ship_via', rows: [{ key: 'A', value: '1' }, { key: 'A', value: '2' }] },
    });
    expect(dup.body.errors).toEqual([{ field: 'rows.1.key', message: '"A" repeats row 1' }]);
    const rename = await t.request<ProblemDetails>('PUT', `/api/v1/lookup-tables/${shipVia.id}`, { as: as(), body: { name: 'shipping', rows: [] } });
    expect(rename.body.errors?.[0].field).toBe('name');
  });

  it('exports and imports CSV, naming the line of every problem', async () => {
    const exported = await t.request<string>('GET', `/api/v1/lookup-tables/${shipVia.id}/csv`, { as: as() });
    expect(exported.headers.get('content-disposition')).toContain('ship_via.csv');
    expect(exported.body).toBe('key,value\r\nExpress,FEDEX 2DAY\r\nStandard Shipping,UPS GROUND\r\n');

    const csv = (body: string) => t.request<LookupTableDetail & ProblemDetails>('PUT', `/api/v1/lookup-tables/${shipVia.id}/csv`, { as: as(), body, headers: { 'content-type': 'text/csv' } });
    const imported = await csv('key,value\n"Ground, 3-5 days",UPS GROUND\nPickup,PICKUP\n');
    expect(imported.status).toBe(200);
    expect(imported.body.rows).toEqual([{ key: 'Ground, 3-5 days', value: 'UPS GROUND' }, { key: 'Pickup', value: 'PICKUP' }]);
    const bad = await csv('key,value\nA,1\nB\nA,2\n,3\n');
    expect(bad.status).toBe(400);
    expect(bad.body.errors?.map((e) => e.message)).toEqual([
      'line 3: has 1 columns, expected 2 (key,value)',
      'line 4: the key "A" repeats line 2',
      'line 5: the key is empty',
    ]);
    expect((await csv('sku,item\nA,1\n')).body.errors?.[0].message).toBe('line 1: the header must be "key,value"');
    expect((await csv('key,value\n"open,1\n')).body.errors?.[0].message).toBe('line 3: a quoted cell is not closed');
    const still = await t.request<LookupTableDetail>('GET', `/api/v1/lookup-tables/${shipVia.id}`, { as: as() });
    expect(still.body.rowCount).toBe(2);
  });

  it('creates and deletes own tables; standard ones can only be emptied', async () => {
    const created = await t.request<LookupTableDetail>('POST', '/api/v1/lookup-tables', { as: as(), body: { name: 'salesperson_by_tag', rows: [{ key: 'wholesale', value: '0100' }] } });
    expect(created.status).toBe(201);
    expect((await t.request('POST', '/api/v1/lookup-tables', { as: as(), body: { name: 'salesperson_by_tag', rows: [] } })).status).toBe(409);
    expect((await t.request('POST', '/api/v1/lookup-tables', { as: as(), body: { name: 'Bad Name', rows: [] } })).status).toBe(400);
    expect((await t.request('POST', '/api/v1/lookup-tables', { as: as(), body: { rows: [] } })).status).toBe(400);
    expect((await t.request('DELETE', `/api/v1/lookup-tables/${created.body.id}`, { as: as() })).status).toBe(204);
    expect((await t.request('DELETE', `/api/v1/lookup-tables/${shipVia.id}`, { as: as() })).status).toBe(409);
    expect((await t.request('GET', '/api/v1/lookup-tables/not-a-uuid', { as: as() })).status).toBe(400);
  });
});
