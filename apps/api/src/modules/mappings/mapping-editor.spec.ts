import {
  MappingDefinition,
  MappingDefinitionProblem,
  MappingDraft,
  MappingPublishResult,
  MappingReplayCandidates,
  MappingReplayRefusedProblem,
  MappingSample,
  MappingTestReport,
  MappingTestsFailedProblem,
  MappingVersionDetail,
  MappingVersionDiff,
  MappingVersionSummary,
  ProblemDetails,
} from '@ferry/contracts';
import { DEFAULT_MAPPINGS } from '@ferry/mapping';
import { Caller, startTestApp, TestApp } from '../../testing/test-app';

/** The mapping editor's REST API without a sync: drafts, tests, publish, versions, export/import, roles, tenants. */
describe('mapping editor API (HTTP, real PostgreSQL, real jsonata)', () => {
  let t: TestApp;
  let tenantA: string;
  let tenantB: string;
  let admin: Caller;
  let viewer: Caller;
  /** Tenant B's admin naming tenant A: must learn nothing about it. */
  let intruder: Caller;
  let errorOfB: string;

  const base = DEFAULT_MAPPINGS.orders;
  const withRule = (definition: MappingDefinition, target: string, expression: string): MappingDefinition => ({
    ...definition,
    fieldRules: definition.fieldRules.map((r) => (r.target === target ? { ...r, expression } : r)),
  });
  /** The comment changed, with the shipped test case updated to expect it: publishable. */
  const fixedComment: MappingDefinition = {
    ...withRule(base, 'comments', '"Imported by Ferry"'),
    testCases: base.testCases.map((c) => ({ ...c, expected: { ...(c.expected as Record<string, unknown>), comments: 'Imported by Ferry' } })),
  };
  /** The comment changed and the shipped test case left as it was: a failing test case. */
  const failingTest = withRule(base, 'comments', '"Imported by Ferry"');
  /** A syntax error on the second line of the po_number rule. */
  const brokenSyntax = withRule(base, 'po_number', '$truncate(name,\n  15');

  beforeAll(async () => {
    t = await startTestApp();
    tenantA = await t.seedTenant('A');
    tenantB = await t.seedTenant('B');
    await t.seedUser('admin@a.test', 'admin-password', { memberOf: [[tenantA, 'tenant_admin']] });
    await t.seedUser('viewer@a.test', 'viewer-password', { memberOf: [[tenantA, 'tenant_viewer']] });
    await t.seedUser('admin@b.test', 'admin-b-password', { memberOf: [[tenantB, 'tenant_admin']] });
    admin = { session: await t.login('admin@a.test', 'admin-password'), tenantId: tenantA };
    viewer = { session: await t.login('viewer@a.test', 'viewer-password'), tenantId: tenantA };
    intruder = { session: await t.login('admin@b.test', 'admin-b-password'), tenantId: tenantA };
    const error = await t.owner.query<{ id: string }>(
      `insert into record_errors (tenant_id, flow, record_key, category, message, state) values ($1, 'orders', 'gid://shopify/Order/1', 'mapping_error', 'x', 'open') returning id`,
      [tenantB],
    );
    errorOfB = error.rows[0].id;
  });
  afterAll(() => t.close());

  it('answers the active version as revision 0 when there is no draft, and autosaves drafts with revisions (409 when stale)', async () => {
    const none = await t.request<MappingDraft>('GET', '/api/v1/mappings/orders/draft', { as: admin });
    expect(none.status).toBe(200);
    expect(none.body).toMatchObject({ flow: 'orders', baseVersion: 1, revision: 0, unchanged: true, updatedBy: null });
    expect(none.body.definition).toEqual(base);

    const first = await t.request<MappingDraft>('PUT', '/api/v1/mappings/orders/draft', { as: admin, body: { definition: failingTest, revision: 0 } });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ revision: 1, baseVersion: 1, unchanged: false, updatedBy: 'admin' });
    const second = await t.request<MappingDraft>('PUT', '/api/v1/mappings/orders/draft', { as: admin, body: { definition: brokenSyntax, revision: 1 } });
    expect(second.body).toMatchObject({ revision: 2, unchanged: false });
    expect(second.body.definition).toEqual(brokenSyntax); // a draft may be broken

    const stale = await t.request<ProblemDetails>('PUT', '/api/v1/mappings/orders/draft', { as: admin, body: { definition: fixedComment, revision: 1 } });
    expect(stale.status).toBe(409);
    expect(stale.body.detail).toContain('revision 2');
    expect((await t.request<MappingDraft>('GET', '/api/v1/mappings/orders/draft', { as: admin })).body.definition).toEqual(brokenSyntax);

    const overwrite = await t.request<MappingDraft>('PUT', '/api/v1/mappings/orders/draft', { as: admin, body: { definition: base } });
    expect(overwrite.body).toMatchObject({ revision: 3, unchanged: true });

    expect((await t.request('DELETE', '/api/v1/mappings/orders/draft', { as: admin })).status).toBe(204);
    expect((await t.request<MappingDraft>('GET', '/api/v1/mappings/orders/draft', { as: admin })).body).toMatchObject({ revision: 0, unchanged: true });
  });

  it('answers a syntax error with 400 naming the rule, the line and the column — in tests, impact, publish and the file import', async () => {
    const tested = await t.request<MappingDefinitionProblem>('POST', '/api/v1/mappings/orders/draft/test', { as: admin, body: { definition: brokenSyntax } });
    expect(tested.status).toBe(400);
    expect(tested.body.failures).toEqual([expect.objectContaining({ field: 'po_number', line: expect.any(Number), column: expect.any(Number) })]);
    expect(tested.body.failures[0].line).toBe(2);
    expect(tested.body.errors).toEqual([{ field: 'definition[po_number]', message: expect.stringMatching(/\(line 2, column \d+\)/) }]);

    const impact = await t.request<MappingDefinitionProblem>('POST', '/api/v1/mappings/orders/draft/impact', { as: admin, body: { definition: brokenSyntax } });
    expect(impact.status).toBe(400);
    expect(impact.body.failures[0]).toMatchObject({ field: 'po_number', line: 2 });

    await t.request('PUT', '/api/v1/mappings/orders/draft', { as: admin, body: { definition: brokenSyntax } });
    const publish = await t.request<MappingDefinitionProblem>('POST', '/api/v1/mappings/orders/draft/publish', { as: admin, body: {} });
    expect(publish.status).toBe(400);
    expect(publish.body.failures[0]).toMatchObject({ field: 'po_number', line: 2 });

    const file = await t.request<MappingDefinitionProblem>('POST', '/api/v1/mappings/orders/versions', { as: admin, body: { definition: brokenSyntax } });
    expect(file.status).toBe(400);
    expect(file.body.failures[0]).toMatchObject({ field: 'po_number', line: 2, column: expect.any(Number) });
    await t.request('DELETE', '/api/v1/mappings/orders/draft', { as: admin });
  });

  it('runs the test cases of the draft or of a given definition, with field-level differences', async () => {
    const passing = await t.request<MappingTestReport>('POST', '/api/v1/mappings/orders/draft/test', { as: admin, body: {} });
    expect(passing.status).toBe(200);
    expect(passing.body).toMatchObject({ passed: 1, failed: 0 });

    const failing = await t.request<MappingTestReport>('POST', '/api/v1/mappings/orders/draft/test', { as: admin, body: { definition: failingTest } });
    expect(failing.body).toMatchObject({ passed: 0, failed: 1 });
    expect(failing.body.results[0].differences).toEqual([{ path: 'comments', kind: 'changed', before: 'Please leave at the side door', after: 'Imported by Ferry' }]);
  });

  it('refuses to publish a draft or a file whose test cases fail (422, the failures listed) and publishes nothing', async () => {
    await t.request('PUT', '/api/v1/mappings/orders/draft', { as: admin, body: { definition: failingTest } });
    const draft = await t.request<MappingTestsFailedProblem>('POST', '/api/v1/mappings/orders/draft/publish', { as: admin, body: { note: 'comment' } });
    expect(draft.status).toBe(422);
    expect(draft.body.tests.failed).toBe(1);
    expect(draft.body.tests.results[0]).toMatchObject({ name: base.testCases[0].name, passed: false, differences: [expect.objectContaining({ path: 'comments' })] });
    expect(draft.body.detail).toContain(base.testCases[0].name);

    const file = await t.request<MappingTestsFailedProblem>('POST', '/api/v1/mappings/orders/versions', { as: admin, body: { definition: failingTest } });
    expect(file.status).toBe(422);
    expect(file.body.tests.results.filter((r) => !r.passed).map((r) => r.name)).toEqual([base.testCases[0].name]);

    const versions = await t.request<MappingVersionSummary[]>('GET', '/api/v1/mappings/orders/versions', { as: admin });
    expect(versions.body.map((v) => v.version)).toEqual([1]);
    expect((await t.request<MappingDraft>('GET', '/api/v1/mappings/orders/draft', { as: admin })).body.revision).toBeGreaterThan(0);
  });

  it('publishes a passing draft: a new active version with its author, the draft gone, an audit entry', async () => {
    await t.request('PUT', '/api/v1/mappings/orders/draft', { as: admin, body: { definition: fixedComment } });
    const published = await t.request<MappingPublishResult>('POST', '/api/v1/mappings/orders/draft/publish', { as: admin, body: { note: 'Fixed comment' } });
    expect(published.status).toBe(201);
    expect(published.body.version).toMatchObject({ version: 2, active: true, note: 'Fixed comment', publishedBy: 'admin' });
    expect(published.body.tests).toMatchObject({ passed: 1, failed: 0 });
    expect(published.body.impact).toMatchObject({ comparedWithVersion: 1, total: 0, newlyBroken: 0 });
    expect(published.body.replay).toEqual({ version: 2, openErrors: 0, resolvable: 0, errorIds: [] });

    expect((await t.request<MappingDraft>('GET', '/api/v1/mappings/orders/draft', { as: admin })).body).toMatchObject({ revision: 0, baseVersion: 2, unchanged: true });
    const versions = await t.request<MappingVersionSummary[]>('GET', '/api/v1/mappings/orders/versions', { as: admin });
    expect(versions.body.map((v) => [v.version, v.active, v.publishedBy])).toEqual([
      [2, true, 'admin'],
      [1, false, null],
    ]);
    const audit = await t.owner.query(`select action, details from audit_log where tenant_id = $1 and action like 'mapping.%'`, [tenantA]);
    expect(audit.rows).toEqual([{ action: 'mapping.published', details: expect.objectContaining({ version: 2, note: 'Fixed comment', tests: { passed: 1, failed: 0 } }) }]);

    const nothing = await t.request<ProblemDetails>('POST', '/api/v1/mappings/orders/draft/publish', { as: admin, body: {} });
    expect(nothing.status).toBe(409);
  });

  it('diffs versions: rules, tables and test cases that changed', async () => {
    const diff = await t.request<MappingVersionDiff>('GET', '/api/v1/mappings/orders/versions/2/diff', { as: admin });
    expect(diff.status).toBe(200);
    expect(diff.body).toEqual({
      flow: 'orders',
      version: 2,
      against: 1,
      rules: [{ target: 'comments', change: 'changed', before: base.fieldRules.find((r) => r.target === 'comments')?.expression, after: '"Imported by Ferry"' }],
      documentExpression: null,
      lookupTables: [],
      testCases: [{ name: base.testCases[0].name, change: 'changed' }],
    });
    const reverse = await t.request<MappingVersionDiff>('GET', '/api/v1/mappings/orders/versions/1/diff?against=2', { as: admin });
    expect(reverse.body).toMatchObject({ version: 1, against: 2, rules: [{ target: 'comments', before: '"Imported by Ferry"' }] });
    const first = await t.request<MappingVersionDiff>('GET', '/api/v1/mappings/orders/versions/1/diff', { as: admin });
    expect(first.body.against).toBeNull();
    expect(first.body.rules.every((r) => r.change === 'added')).toBe(true);
    expect((await t.request('GET', '/api/v1/mappings/orders/versions/2/diff?against=9', { as: admin })).status).toBe(404);
    const malformed = await t.request<ProblemDetails>('GET', '/api/v1/mappings/orders/versions/2/diff?against=one', { as: admin });
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors?.[0].field).toBe('against');
  });

  it('rolls back by publishing an older version again, audit-logged', async () => {
    const rolled = await t.request<MappingVersionDetail>('POST', '/api/v1/mappings/orders/versions/1/rollback', { as: admin, body: { note: 'comment was right' } });
    expect(rolled.status).toBe(201);
    expect(rolled.body).toMatchObject({ version: 3, active: true, note: 'Rollback to version 1: comment was right', publishedBy: 'admin' });
    expect(rolled.body.definition).toEqual(base);
    expect((await t.request<MappingVersionDetail>('GET', '/api/v1/mappings/orders', { as: admin })).body.version).toBe(3);
    const audit = await t.owner.query(`select details from audit_log where tenant_id = $1 and action = 'mapping.rolled_back'`, [tenantA]);
    expect(audit.rows).toEqual([{ details: expect.objectContaining({ version: 3, rolledBackTo: 1 }) }]);

    expect((await t.request('POST', '/api/v1/mappings/orders/versions/3/rollback', { as: admin, body: {} })).status).toBe(409);
    expect((await t.request('POST', '/api/v1/mappings/orders/versions/42/rollback', { as: admin, body: {} })).status).toBe(404);
    const malformed = await t.request<ProblemDetails>('POST', '/api/v1/mappings/orders/versions/1/rollback', { as: admin, body: { note: 7 } });
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors?.[0].field).toBe('note');
    expect((await t.request<ProblemDetails>('POST', '/api/v1/mappings/orders/versions/last/rollback', { as: admin, body: {} })).body.errors?.[0].field).toBe('version');
  });

  it('keeps published versions immutable: the database refuses changes and no route changes one', async () => {
    await expect(t.owner.query(`update mapping_versions set definition = '{}' where tenant_id = $1 and version = 2`, [tenantA])).rejects.toThrow(/immutable/);
    for (const method of ['PUT', 'PATCH', 'DELETE']) {
      expect((await t.request(method, '/api/v1/mappings/orders/versions/2', { as: admin, body: { definition: base } })).status).toBe(404);
    }
    const v2 = await t.request<MappingVersionDetail>('GET', '/api/v1/mappings/orders/versions/2', { as: admin });
    expect(v2.body.definition).toEqual(fixedComment);
  });

  it('exports the active version as a file and imports a file into the draft, unpublished', async () => {
    const exported = await t.request<MappingDefinition>('GET', '/api/v1/mappings/orders/export', { as: admin });
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-disposition')).toBe('attachment; filename="ferry-orders-mapping-v3.json"');
    expect(exported.headers.get('content-type')).toMatch(/^application\/json/);
    expect(exported.body).toEqual(base);

    const imported = await t.request<MappingDraft>('POST', '/api/v1/mappings/orders/import', { as: admin, body: fixedComment });
    expect(imported.status).toBe(200);
    expect(imported.body).toMatchObject({ baseVersion: 3, unchanged: false });
    expect(imported.body.definition).toEqual(fixedComment);
    expect((await t.request<MappingVersionDetail>('GET', '/api/v1/mappings/orders', { as: admin })).body.version).toBe(3);

    const wrongFlow = await t.request<ProblemDetails>('POST', '/api/v1/mappings/inventory/import', { as: admin, body: fixedComment });
    expect(wrongFlow.body.errors).toEqual([{ field: 'flow', message: 'must be "inventory" to publish to the inventory mapping' }]);
    const missing = Object.fromEntries(Object.entries(fixedComment).filter(([key]) => key !== 'fieldRules'));
    const noRules = await t.request<ProblemDetails>('POST', '/api/v1/mappings/orders/import', { as: admin, body: missing });
    expect(noRules.status).toBe(400);
    expect(noRules.body.errors).toEqual([{ field: 'fieldRules', message: 'is required' }]);
    const badSchema = await t.request<ProblemDetails>('POST', '/api/v1/mappings/orders/import', { as: admin, body: { ...fixedComment, targetSchemaId: 'nowhere' } });
    expect(badSchema.body.errors?.[0].field).toBe('targetSchemaId');
    const notJson = await t.request<ProblemDetails>('POST', '/api/v1/mappings/orders/import', { as: admin, body: '{"flow": "orders",' });
    expect(notJson.status).toBe(400);
  });

  it('validates every new endpoint: missing fields and malformed values are 400s naming the field', async () => {
    const cases: Array<[string, string, unknown, string]> = [
      ['PUT', '/api/v1/mappings/orders/draft', {}, 'definition'],
      ['PUT', '/api/v1/mappings/orders/draft', { definition: base, revision: 'latest' }, 'revision'],
      ['PUT', '/api/v1/mappings/orders/draft', { definition: { ...base, fieldRules: [{ target: 'po_number' }] } }, 'definition.fieldRules.0.expression'],
      ['POST', '/api/v1/mappings/orders/draft/test', { definition: { ...base, testCases: 'none' } }, 'definition.testCases'],
      ['POST', '/api/v1/mappings/orders/draft/impact', { limit: 501 }, 'limit'],
      ['POST', '/api/v1/mappings/orders/draft/impact', { limit: 'all' }, 'limit'],
      ['POST', '/api/v1/mappings/orders/draft/publish', { confirmBreaking: 'yes' }, 'confirmBreaking'],
      ['POST', '/api/v1/mappings/orders/replay', { errorIds: ['not-an-id'] }, 'errorIds'],
      ['POST', '/api/v1/mappings/orders/replay', { errorIds: 'all' }, 'errorIds'],
      ['GET', '/api/v1/mappings/orders/samples?limit=many', undefined, 'limit'],
      ['GET', '/api/v1/mappings/orders/samples?status=lost', undefined, 'status'],
      ['GET', '/api/v1/mappings/orders/samples?errorId=42', undefined, 'errorId'],
      ['GET', '/api/v1/mappings/prices/draft', undefined, 'flow'],
      ['POST', '/api/v1/mappings/prices/replay', {}, 'flow'],
    ];
    for (const [method, path, body, field] of cases) {
      const response = await t.request<ProblemDetails>(method, path, { as: admin, body });
      expect({ method, path, status: response.status, fields: response.body.errors?.map((e) => e.field) }).toEqual({ method, path, status: 400, fields: expect.arrayContaining([field]) });
    }
  });

  it("answers 404 to another tenant's user on every endpoint, and keeps the tenants' mappings apart", async () => {
    const calls: Array<[string, string, unknown?]> = [
      ['GET', '/api/v1/mappings/orders/draft'],
      ['PUT', '/api/v1/mappings/orders/draft', { definition: base }],
      ['DELETE', '/api/v1/mappings/orders/draft'],
      ['POST', '/api/v1/mappings/orders/draft/test', {}],
      ['POST', '/api/v1/mappings/orders/draft/impact', {}],
      ['POST', '/api/v1/mappings/orders/draft/publish', {}],
      ['GET', '/api/v1/mappings/orders/samples'],
      ['POST', '/api/v1/mappings/orders/versions/1/rollback', {}],
      ['GET', '/api/v1/mappings/orders/versions/2/diff'],
      ['GET', '/api/v1/mappings/orders/export'],
      ['POST', '/api/v1/mappings/orders/import', base],
      ['GET', '/api/v1/mappings/orders/replay'],
      ['POST', '/api/v1/mappings/orders/replay', {}],
    ];
    for (const [method, path, body] of calls) {
      expect({ method, path, status: (await t.request(method, path, { as: intruder, body })).status }).toEqual({ method, path, status: 404 });
    }
    // In its own tenant, B sees only its own mapping: the shipped default, never A's versions or draft.
    const own = { session: intruder.session, tenantId: tenantB };
    expect((await t.request<MappingVersionSummary[]>('GET', '/api/v1/mappings/orders/versions', { as: own })).body.map((v) => v.version)).toEqual([1]);
    expect((await t.request<MappingDraft>('GET', '/api/v1/mappings/orders/draft', { as: own })).body).toMatchObject({ revision: 0, definition: base });
    expect((await t.request('GET', '/api/v1/mappings/orders/versions/3/diff', { as: own })).status).toBe(404);
    expect((await t.request('POST', '/api/v1/mappings/orders/versions/3/rollback', { as: own, body: {} })).status).toBe(404);
    // A's admin cannot reach B's error through the editor either.
    expect((await t.request('GET', `/api/v1/mappings/orders/samples?errorId=${errorOfB}`, { as: admin })).status).toBe(404);
    const replay = await t.request<MappingReplayRefusedProblem>('POST', '/api/v1/mappings/orders/replay', { as: admin, body: { errorIds: [errorOfB] } });
    expect(replay.status).toBe(400);
    expect(replay.body.refusedErrorIds).toEqual([errorOfB]);
    expect((await t.owner.query(`select state from record_errors where id = $1`, [errorOfB])).rows[0].state).toBe('open');
  });

  it('lets viewers read, preview and test, but not write: 403 on every write', async () => {
    for (const path of ['/api/v1/mappings/orders/draft', '/api/v1/mappings/orders/samples', '/api/v1/mappings/orders/replay', '/api/v1/mappings/orders/export', '/api/v1/mappings/orders/versions/2/diff']) {
      expect({ path, status: (await t.request('GET', path, { as: viewer })).status }).toEqual({ path, status: 200 });
    }
    expect((await t.request<MappingTestReport>('POST', '/api/v1/mappings/orders/draft/test', { as: viewer, body: {} })).status).toBe(200);
    const writes: Array<[string, string, unknown?]> = [
      ['PUT', '/api/v1/mappings/orders/draft', { definition: base }],
      ['DELETE', '/api/v1/mappings/orders/draft'],
      ['POST', '/api/v1/mappings/orders/draft/publish', {}],
      ['POST', '/api/v1/mappings/orders/versions/1/rollback', {}],
      ['POST', '/api/v1/mappings/orders/import', base],
      ['POST', '/api/v1/mappings/orders/replay', {}],
    ];
    for (const [method, path, body] of writes) {
      expect({ method, path, status: (await t.request(method, path, { as: viewer, body })).status }).toEqual({ method, path, status: 403 });
    }
    expect((await t.request<MappingDraft>('GET', '/api/v1/mappings/orders/draft', { as: admin })).body.definition).toEqual(fixedComment);
  });

  it('rebuilds shipment and inventory samples from their ledger rows, and previews impact on them', async () => {
    await t.owner.query(
      `insert into shipment_pushes (tenant_id, shipment_key, order_number, invoice_no, package_no, status, source_payload, error)
       values ($1, 'INV1|1', 'SO-7', 'INV1', '1', 'failed', $2::jsonb, 'No Shopify order')`,
      [tenantA, JSON.stringify({ key: 'INV1|1', orderNumber: 'SO-7', invoiceNo: 'INV1', packageNo: '1', trackingNumber: '1Z999', shipVia: 'UPS GROUND', lines: [{ item_code: 'WIDGET-100', quantity: 2 }] })],
    );
    await t.owner.query(
      `insert into inventory_pushes (tenant_id, item_code, warehouse_code, available, last_pushed_available, inventory_item_id, location_id, status)
       values ($1, 'WIDGET-100', '000', 7, 5, 'gid://shopify/InventoryItem/1', 'gid://shopify/Location/1', 'pushed')`,
      [tenantA],
    );
    const shipments = await t.request<MappingSample[]>('GET', '/api/v1/mappings/shipments/samples?status=failed&search=SO-7', { as: admin });
    expect(shipments.status).toBe(200);
    expect(shipments.body).toEqual([
      expect.objectContaining({
        label: 'SO-7 / INV1-1',
        status: 'failed',
        input: { shipment: { invoice_no: 'INV1', package_no: '1', tracking_number: '1Z999', ship_via: 'UPS GROUND', lines: [{ item_code: 'WIDGET-100', quantity: 2 }] }, order: { id: '', name: '' }, fulfillmentOrders: [] },
        context: { runAt: expect.any(String) },
      }),
    ]);
    const inventory = await t.request<MappingSample[]>('GET', '/api/v1/mappings/inventory/samples', { as: admin });
    expect(inventory.body).toEqual([
      expect.objectContaining({
        key: 'WIDGET-100@000',
        input: expect.objectContaining({ stock: expect.objectContaining({ item_code: 'WIDGET-100', warehouse: '000', available: 7 }), currentAvailable: 5 }),
      }),
    ]);
    const impact = await t.request<{ total: number; comparedWithVersion: number }>('POST', '/api/v1/mappings/inventory/draft/impact', { as: admin, body: {} });
    expect(impact.body).toMatchObject({ total: 1, comparedWithVersion: 1 });
    expect((await t.request<MappingReplayCandidates>('GET', '/api/v1/mappings/shipments/replay', { as: admin })).body).toMatchObject({ openErrors: 0 });
  });

  it('answers samples and replay candidates for a tenant without records: empty', async () => {
    expect((await t.request<MappingSample[]>('GET', '/api/v1/mappings/orders/samples', { as: admin })).body).toEqual([]);
    expect((await t.request<MappingReplayCandidates>('GET', '/api/v1/mappings/orders/replay', { as: admin })).body).toEqual({ version: 3, openErrors: 0, resolvable: 0, errorIds: [] });
  });
});
