import {
  MappingBreakingChangeProblem,
  MappingDefinition,
  MappingImpactReport,
  MappingPublishResult,
  MappingReplayCandidates,
  MappingReplayRefusedProblem,
  MappingReplayResult,
  MappingSample,
  MappingVersionDetail,
} from '@ferry/contracts';
import { DEFAULT_MAPPINGS } from '@ferry/mapping';
import { ConnectedTenant, ConnectedWorld, connectTenant, startConnectedWorld } from '../../testing/connected-tenant';
import { SyncWorker } from '../sync/sync-worker';

/**
 * Fix and replay end to end: a real orders run (Shopify emulator → Ferry → CIMcloud emulator)
 * leaves orders failing; the editor previews a fix on those real ledger rows, publishes it and
 * replays exactly the errors it fixes, which then reach CIMcloud.
 */
describe('mapping editor on real ledger rows: samples, impact, publish, fix and replay', () => {
  let world: ConnectedWorld;
  let acme: ConnectedTenant;
  const as = () => ({ session: acme.session, tenantId: acme.tenantId });
  const address = { firstName: 'Dana', lastName: 'Whitfield', address1: '12 Main Street', city: 'Springfield', provinceCode: 'IL', zip: '62701', countryCode: 'US' };
  const defaults = { divisionNo: '01', customerNo: 'WEBSHOP', shipVia: 'UPS GROUND', warehouseCode: '000' };
  let job = 0;
  const names: Record<'widget' | 'bolts' | 'noSku1' | 'noSku2', string> = { widget: '', bolts: '', noSku1: '', noSku2: '' };

  const runOrders = () =>
    world.t.app.get(SyncWorker).handle({ id: `test-${++job}`, queue: 'sync.orders', retryCount: 0, payload: { tenantId: acme.tenantId, flow: 'orders', trigger: 'manual' } });
  const errorsByOrder = async () =>
    (
      await world.t.owner.query<{ id: string; name: string; state: string; category: string }>(
        `select e.id, o.shopify_order_name as name, e.state, e.category from record_errors e join pass_through_orders o on o.tenant_id = e.tenant_id and o.shopify_order_id = e.record_key
          where e.tenant_id = $1 order by o.shopify_order_name, e.first_seen_at`,
        [acme.tenantId],
      )
    ).rows;
  const ledger = async () =>
    (
      await world.t.owner.query<{ name: string; status: string; version: number }>(
        `select o.shopify_order_name as name, o.status, v.version from pass_through_orders o join mapping_versions v on v.id = o.mapping_version_id where o.tenant_id = $1 order by 1`,
        [acme.tenantId],
      )
    ).rows;
  /** Shopify order names of the orders CIMcloud holds (the default mapping sends the name as ref_id). */
  const sentToCimcloud = () => world.cimcloud.control.orders(acme.siteName).map((o) => String(o.order?.header['ref_id'])).sort();

  const base = DEFAULT_MAPPINGS.orders;
  const withRule = (definition: MappingDefinition, target: string, expression: string): MappingDefinition => ({
    ...definition,
    fieldRules: definition.fieldRules.map((r) => (r.target === target ? { ...r, expression } : r)),
  });
  /** Lines without a SKU go in as WIDGET-100: fixes the orders the default cannot map (no default item code set). */
  const skuFix = withRule(base, 'details[].sku', '$sku := sku ? $trim(sku);\n$sku ? $lookup("item_codes", $sku, $sku) : "WIDGET-100"');
  /** A PO number longer than Sage's 15 characters: breaks every order that maps today. */
  const breaking: MappingDefinition = { ...withRule(base, 'po_number', 'name & " - ordered online through the shop"'), testCases: [] };

  beforeAll(async () => {
    world = await startConnectedWorld();
    acme = await connectTenant(world, 'Acme');
    world.shopify.control.addLocation(acme.shopName, { name: 'Main warehouse' });
    expect((await world.t.request('PUT', '/api/v1/order-defaults', { as: as(), body: defaults })).status).toBe(200);
    const order = (lineItems: Array<{ sku: string | null; title: string; quantity: number; price: string }>) =>
      world.shopify.control.createOrder(acme.shopName, { email: 'dana@example.com', shippingAddress: address, billingAddress: address, lineItems }).name;
    names.widget = order([{ sku: 'WIDGET-100', title: 'Widget', quantity: 2, price: '12.50' }]);
    names.noSku1 = order([{ sku: null, title: 'Gift wrap', quantity: 1, price: '3.00' }]);
    names.bolts = order([{ sku: 'BOLT-M6', title: 'Bolts', quantity: 3, price: '4.80' }]);
    names.noSku2 = order([{ sku: null, title: 'Engraving', quantity: 1, price: '9.00' }]);
    await runOrders();
  }, 60000);
  afterAll(() => world.close());

  it('leaves the orders without SKU failing in the ledger, the others sent', async () => {
    expect(await ledger()).toEqual(
      [
        { name: names.widget, status: 'sent', version: 1 },
        { name: names.bolts, status: 'sent', version: 1 },
        { name: names.noSku1, status: 'failed', version: 1 },
        { name: names.noSku2, status: 'failed', version: 1 },
      ].sort((a, b) => a.name.localeCompare(b.name)),
    );
    expect((await errorsByOrder()).map((e) => [e.name, e.state, e.category])).toEqual([
      [names.noSku1, 'open', 'sku_not_matched'],
      [names.noSku2, 'open', 'sku_not_matched'],
    ]);
    expect(sentToCimcloud()).toEqual([names.widget, names.bolts].sort());
  });

  it('offers the real records as samples: failed ones, by name, by error, with the context a run uses', async () => {
    const all = await world.t.request<MappingSample[]>('GET', '/api/v1/mappings/orders/samples', { as: as() });
    expect(all.status).toBe(200);
    expect(all.body.map((s) => s.label).sort()).toEqual(Object.values(names).sort());
    const failed = await world.t.request<MappingSample[]>('GET', '/api/v1/mappings/orders/samples?status=failed', { as: as() });
    expect(failed.body.map((s) => [s.label, s.status, s.openError?.category]).sort()).toEqual(
      [
        [names.noSku1, 'failed', 'sku_not_matched'],
        [names.noSku2, 'failed', 'sku_not_matched'],
      ].sort(),
    );
    const byName = await world.t.request<MappingSample[]>('GET', `/api/v1/mappings/orders/samples?search=${encodeURIComponent(names.bolts)}`, { as: as() });
    expect(byName.body.map((s) => s.label)).toEqual([names.bolts]);
    expect(byName.body[0]).toMatchObject({ status: 'sent', mappedWithVersion: 1, openError: null, input: expect.objectContaining({ name: names.bolts }) });
    expect(byName.body[0].output).toMatchObject({ ref_id: names.bolts });

    const error = (await errorsByOrder()).find((e) => e.name === names.noSku2);
    const fromError = await world.t.request<MappingSample[]>('GET', `/api/v1/mappings/orders/samples?errorId=${error?.id}`, { as: as() });
    expect(fromError.body).toHaveLength(1);
    expect(fromError.body[0]).toMatchObject({ label: names.noSku2, openError: { id: error?.id, category: 'sku_not_matched' } });
    expect(fromError.body[0].context).toEqual({ defaults: expect.objectContaining(defaults), runAt: expect.any(String) });
    expect((await world.t.request('GET', '/api/v1/mappings/orders/samples?errorId=00000000-0000-4000-8000-000000000000', { as: as() })).status).toBe(404);
  });

  it('previews the impact of a draft on the real ledger rows: fixed, broken, changed fields', async () => {
    const fix = await world.t.request<MappingImpactReport>('POST', '/api/v1/mappings/orders/draft/impact', { as: as(), body: { definition: skuFix } });
    expect(fix.status).toBe(200);
    expect(fix.body).toMatchObject({ comparedWithVersion: 1, total: 4, changed: 2, unchanged: 2, newlyBroken: 0, newlyFixed: 2, fieldCounts: { 'details[].sku': 2 } });
    expect(fix.body.records.map((r) => [r.label, r.before, r.after]).sort()).toEqual(
      [
        [names.noSku1, 'invalid', 'valid'],
        [names.noSku2, 'invalid', 'valid'],
      ].sort(),
    );
    expect(fix.body.records[0].differences).toEqual([expect.objectContaining({ path: 'details[0].sku', after: 'WIDGET-100' })]);

    const limited = await world.t.request<MappingImpactReport>('POST', '/api/v1/mappings/orders/draft/impact', { as: as(), body: { definition: skuFix, limit: 1 } });
    expect(limited.body.total).toBe(1);

    const broken = await world.t.request<MappingImpactReport>('POST', '/api/v1/mappings/orders/draft/impact', { as: as(), body: { definition: breaking } });
    expect(broken.body).toMatchObject({ total: 4, newlyBroken: 2, newlyFixed: 0 });
    expect(broken.body.records.filter((r) => r.before === 'valid').map((r) => r.afterIssues[0])).toEqual([expect.stringMatching(/po_number|PO/i), expect.stringMatching(/po_number|PO/i)]);
  });

  it('asks for confirmation before publishing a draft that breaks records (409 with the counts), and publishes nothing', async () => {
    expect((await world.t.request('PUT', '/api/v1/mappings/orders/draft', { as: as(), body: { definition: breaking, revision: 0 } })).status).toBe(200);
    const refused = await world.t.request<MappingBreakingChangeProblem>('POST', '/api/v1/mappings/orders/draft/publish', { as: as(), body: { note: 'long PO' } });
    expect(refused.status).toBe(409);
    expect(refused.body.impact).toMatchObject({ comparedWithVersion: 1, newlyBroken: 2, total: 4 });
    expect((await world.t.request<MappingVersionDetail>('GET', '/api/v1/mappings/orders', { as: as() })).body.version).toBe(1);
  });

  it('publishes the fix, counts the errors it resolves and replays exactly those: the orders reach CIMcloud', async () => {
    const before = await world.t.request<MappingReplayCandidates>('GET', '/api/v1/mappings/orders/replay', { as: as() });
    expect(before.body).toEqual({ version: 1, openErrors: 2, resolvable: 0, errorIds: [] });
    const errors = await errorsByOrder();
    const first = errors.find((e) => e.name === names.noSku1)?.id as string;
    const second = errors.find((e) => e.name === names.noSku2)?.id as string;
    expect((await world.t.request('POST', '/api/v1/mappings/orders/replay', { as: as(), body: { errorIds: [first] } })).status).toBe(400);

    expect((await world.t.request('PUT', '/api/v1/mappings/orders/draft', { as: as(), body: { definition: skuFix } })).status).toBe(200);
    const published = await world.t.request<MappingPublishResult>('POST', '/api/v1/mappings/orders/draft/publish', { as: as(), body: { note: 'Items without SKU' } });
    expect(published.status).toBe(201);
    expect(published.body.version).toMatchObject({ version: 2, active: true });
    expect(published.body.impact).toMatchObject({ newlyFixed: 2, newlyBroken: 0 });
    expect(published.body.replay).toMatchObject({ version: 2, openErrors: 2, resolvable: 2 });
    expect([...published.body.replay.errorIds].sort()).toEqual([first, second].sort());

    const unknown = '00000000-0000-4000-8000-000000000000';
    const refused = await world.t.request<MappingReplayRefusedProblem>('POST', '/api/v1/mappings/orders/replay', {
      as: as(),
      body: { errorIds: [first, unknown] },
    });
    expect(refused.status).toBe(400);
    expect(refused.body.refusedErrorIds).toEqual([unknown]);
    expect(refused.body.errors[0]).toEqual({ field: 'errorIds', message: expect.stringContaining(unknown) });
    expect((await errorsByOrder()).map((e) => e.state)).toEqual(['open', 'open']);

    const replayed = await world.t.request<MappingReplayResult>('POST', '/api/v1/mappings/orders/replay', { as: as(), body: { errorIds: [first] } });
    expect(replayed.status).toBe(200);
    expect(replayed.body).toEqual({ replayed: 1, errorIds: [first] });
    await runOrders();
    expect((await errorsByOrder()).map((e) => [e.name, e.state])).toEqual([
      [names.noSku1, 'resolved'],
      [names.noSku2, 'open'],
    ]);
    expect(sentToCimcloud()).toEqual([names.widget, names.bolts, names.noSku1].sort());
    const stored = world.cimcloud.control.orders(acme.siteName).find((o) => o.order?.header['ref_id'] === names.noSku1);
    expect(stored?.order?.details.map((d) => d['sku'])).toEqual(['WIDGET-100']);

    const rest = await world.t.request<MappingReplayResult>('POST', '/api/v1/mappings/orders/replay', { as: as(), body: {} });
    expect(rest.body).toEqual({ replayed: 1, errorIds: [second] });
    await runOrders();
    expect(sentToCimcloud()).toEqual(Object.values(names).sort());
    expect((await ledger()).filter((r) => r.name === names.noSku1 || r.name === names.noSku2).map((r) => [r.status, r.version])).toEqual([
      ['sent', 2],
      ['sent', 2],
    ]);
    expect((await world.t.request<MappingReplayCandidates>('GET', '/api/v1/mappings/orders/replay', { as: as() })).body).toEqual({
      version: 2,
      openErrors: 0,
      resolvable: 0,
      errorIds: [],
    });
    const audit = await world.t.owner.query(`select details from audit_log where tenant_id = $1 and action = 'errors.retried' order by created_at`, [acme.tenantId]);
    expect(audit.rows.map((r) => r.details)).toEqual([expect.objectContaining({ count: 1, via: 'mapping replay' }), expect.objectContaining({ count: 1, via: 'mapping replay' })]);
  }, 60000);

  it('rolls back to the version before: new orders without SKU fail again', async () => {
    const rolled = await world.t.request<MappingVersionDetail>('POST', '/api/v1/mappings/orders/versions/1/rollback', { as: as(), body: {} });
    expect(rolled.body).toMatchObject({ version: 3, note: 'Rollback to version 1' });
    const name = world.shopify.control.createOrder(acme.shopName, { shippingAddress: address, billingAddress: address, lineItems: [{ sku: null, title: 'Card', quantity: 1, price: '1.00' }] }).name;
    await runOrders();
    expect((await ledger()).find((r) => r.name === name)).toEqual({ name, status: 'failed', version: 3 });
  }, 60000);

  it('publishes a breaking draft once the breakage is confirmed, and says so in the audit log', async () => {
    expect((await world.t.request('PUT', '/api/v1/mappings/orders/draft', { as: as(), body: { definition: breaking } })).status).toBe(200);
    const confirmed = await world.t.request<MappingPublishResult>('POST', '/api/v1/mappings/orders/draft/publish', { as: as(), body: { confirmBreaking: true } });
    expect(confirmed.status).toBe(201);
    expect(confirmed.body.version.version).toBe(4);
    expect(confirmed.body.impact.newlyBroken).toBeGreaterThan(0);
    const audit = await world.t.owner.query(`select details from audit_log where tenant_id = $1 and action = 'mapping.published' order by created_at desc limit 1`, [acme.tenantId]);
    expect(audit.rows[0].details).toMatchObject({ version: 4, confirmedBreaking: true });
  });
});
