import { ConnectedTenant, ConnectedWorld, connectTenant, startConnectedWorld } from '../../testing/connected-tenant';
import { SyncWorker } from '../sync/sync-worker';

/** End to end: Shopify emulator → Ferry (real PostgreSQL, sandboxed mapping) → CIMcloud emulator → ERP simulator. */
describe('orders flow, Shopify → CIMcloud → ERP', () => {
  let world: ConnectedWorld;
  let acme: ConnectedTenant;
  const as = () => ({ session: acme.session, tenantId: acme.tenantId });
  const address = { firstName: 'Dana', lastName: 'Whitfield', address1: '12 Main Street', city: 'Springfield', provinceCode: 'IL', zip: '62701', countryCode: 'US' };
  let job = 0;

  /** One orders run, as the queue would start it. */
  const runOrders = () =>
    world.t.app.get(SyncWorker).handle({ id: `test-${++job}`, queue: 'sync.orders', retryCount: 0, payload: { tenantId: acme.tenantId, flow: 'orders', trigger: 'manual' } });
  const ledger = async () =>
    (
      await world.t.owner.query(
        `select shopify_order_name, status, skip_reason, order_number, erp_sales_order_no, erp_error, edited_after_import from pass_through_orders where tenant_id = $1 order by shopify_order_name`,
        [acme.tenantId],
      )
    ).rows;
  const openErrors = async () =>
    (await world.t.owner.query(`select record_key, category, field, message from record_errors where tenant_id = $1 and state = 'open' order by category`, [acme.tenantId])).rows;

  beforeAll(async () => {
    world = await startConnectedWorld();
    acme = await connectTenant(world, 'Acme');
    world.shopify.control.addLocation(acme.shopName, { name: 'Main warehouse' });
    const saved = await world.t.request('PUT', '/api/v1/order-defaults', { as: as(), body: { divisionNo: '01', customerNo: 'WEBSHOP', shipVia: 'UPS GROUND', warehouseCode: '000' } });
    expect(saved.status).toBe(200);
  }, 60000);
  afterAll(() => world.close());

  it('sends new orders with the defaults applied, and records the ERP sales order numbers', async () => {
    const good = world.shopify.control.createOrder(acme.shopName, {
      email: 'dana@example.com',
      shippingAddress: address,
      billingAddress: address,
      lineItems: [
        { sku: 'WIDGET-100', title: 'Widget', quantity: 2, price: '12.50' },
        { sku: 'GADGET-1', title: 'Gadget', quantity: 1, price: '7.25' },
      ],
      shippingLines: [{ title: 'Standard', price: '5.00' }],
    });
    await runOrders();
    let rows = await ledger();
    expect(rows).toEqual([expect.objectContaining({ shopify_order_name: good.name, status: 'sent', order_number: expect.any(String) })]);

    const stored = world.cimcloud.control.orders(acme.siteName);
    expect(stored).toHaveLength(1);
    expect(stored[0].order).toMatchObject({ customer: expect.objectContaining({ customer_no: 'WEBSHOP', division_no: '01' }) });

    world.cimcloud.control.flush(acme.siteName);
    await runOrders();
    rows = await ledger();
    expect(rows[0]).toMatchObject({ status: 'imported', erp_sales_order_no: expect.stringMatching(/^.{7}$/) });
    const run = await world.t.owner.query(`select counts from sync_runs where tenant_id = $1 order by started_at limit 1`, [acme.tenantId]);
    expect(run.rows[0].counts).toMatchObject({ read: 1, written: 1 });
  }, 60000);

  it('records each order once, whatever the overlap window re-reads, and never sends it twice', async () => {
    await runOrders();
    await runOrders();
    expect(world.cimcloud.control.orders(acme.siteName)).toHaveLength(1);
    const rows = await ledger();
    expect(rows).toHaveLength(1);
    expect(rows[0].status).toBe('imported');
  }, 60000);

  it('settles bad orders alone: ERP rejection, unmappable order, filtered order — the good one still goes through', async () => {
    world.shopify.control.createOrder(acme.shopName, { shippingAddress: address, billingAddress: address, lineItems: [{ sku: 'NOPE-1', title: 'Unknown', quantity: 1, price: '3.00' }] });
    world.shopify.control.createOrder(acme.shopName, { shippingAddress: address, billingAddress: address, lineItems: [{ sku: null, title: 'No SKU', quantity: 1, price: '3.00' }] });
    world.shopify.control.createOrder(acme.shopName, { shippingAddress: address, billingAddress: address, tags: ['no-erp'], lineItems: [{ sku: 'WIDGET-100', title: 'Widget', quantity: 1, price: '12.50' }] });
    const good = world.shopify.control.createOrder(acme.shopName, { shippingAddress: address, billingAddress: address, lineItems: [{ sku: 'BOLT-M6', title: 'Bolts', quantity: 3, price: '4.80' }] });
    await world.t.request('PUT', '/api/v1/order-filters', { as: as(), body: { skipTestOrders: true, skipCancelled: true, skipUnpaid: false, skipTags: ['no-erp'] } });
    await runOrders();
    world.cimcloud.control.flush(acme.siteName);
    await runOrders();
    const rows = await ledger();
    const byStatus = (status: string) => rows.filter((r) => r.status === status);
    expect(byStatus('imported').map((r) => r.shopify_order_name)).toContain(good.name);
    expect(byStatus('skipped')).toEqual([expect.objectContaining({ skip_reason: 'tagged "no-erp"' })]);
    expect(byStatus('import_failed')).toEqual([expect.objectContaining({ erp_error: expect.stringContaining('NOPE-1') })]);
    expect(byStatus('failed')).toHaveLength(1);
    const errors = await openErrors();
    expect(errors.map((e) => [e.category, e.field])).toEqual([
      ['erp_import_failed', 'details[0].sku'],
      ['sku_not_matched', 'details[0].sku'],
    ]);
    expect(errors.find((e) => e.category === 'erp_import_failed')?.message).toContain('NOPE-1');
  }, 60000);

  it('does not flag an imported order whose Shopify update only changed its status (paid, fulfilled)', async () => {
    const rows = await world.t.owner.query(`select shopify_order_id, shopify_updated_at from pass_through_orders where tenant_id = $1 and status = 'imported' limit 1`, [acme.tenantId]);
    const sentBefore = world.cimcloud.control.orders(acme.siteName).length;
    world.shopify.control.editOrder(acme.shopName, rows.rows[0].shopify_order_id, { financialStatus: 'PARTIALLY_PAID' });
    await runOrders();
    const after = await world.t.owner.query(`select edited_after_import, status, shopify_updated_at from pass_through_orders where tenant_id = $1 and shopify_order_id = $2`, [
      acme.tenantId,
      rows.rows[0].shopify_order_id,
    ]);
    expect(after.rows[0]).toMatchObject({ edited_after_import: false, status: 'imported' });
    // The newer version was read and remembered, so the overlap window does not re-read it as new.
    expect(after.rows[0].shopify_updated_at.getTime()).toBeGreaterThan(rows.rows[0].shopify_updated_at.getTime());
    expect(world.cimcloud.control.orders(acme.siteName)).toHaveLength(sentBefore);
  }, 60000);

  it('flags an order edited in Shopify after it was imported, instead of sending it again', async () => {
    const rows = await world.t.owner.query(`select shopify_order_id from pass_through_orders where tenant_id = $1 and status = 'imported' limit 1`, [acme.tenantId]);
    const sentBefore = world.cimcloud.control.orders(acme.siteName).length;
    world.shopify.control.editOrder(acme.shopName, rows.rows[0].shopify_order_id, { note: 'Changed after import' });
    await runOrders();
    const edited = await world.t.owner.query(`select edited_after_import, status from pass_through_orders where tenant_id = $1 and shopify_order_id = $2`, [
      acme.tenantId,
      rows.rows[0].shopify_order_id,
    ]);
    expect(edited.rows[0]).toEqual({ edited_after_import: true, status: 'imported' });
    expect(world.cimcloud.control.orders(acme.siteName)).toHaveLength(sentBefore);
  }, 60000);

  it('shows the ledger: filters, search by name and SKU, an order with its payloads, version and errors', async () => {
    const all = await world.t.request<{ items: Array<{ id: string; shopifyOrderName: string; status: string; openErrorId: string | null }> }>('GET', '/api/v1/orders?limit=50', { as: as() });
    expect(all.body.items.length).toBe(5);
    const failed = await world.t.request<{ items: Array<{ status: string }> }>('GET', '/api/v1/orders?status=import_failed', { as: as() });
    expect(failed.body.items.map((o) => o.status)).toEqual(['import_failed']);
    const bySku = await world.t.request<{ items: Array<{ shopifyOrderName: string }> }>('GET', '/api/v1/orders?q=NOPE-1', { as: as() });
    expect(bySku.body.items).toHaveLength(1);
    const byCategory = await world.t.request<{ items: unknown[] }>('GET', '/api/v1/orders?category=erp_import_failed', { as: as() });
    expect(byCategory.body.items).toHaveLength(1);
    const imported = all.body.items.find((o) => o.status === 'imported') as { id: string };
    const detail = await world.t.request<{ sourcePayload: { name: string }; mappedPayload: { order_number: string }; mappingVersion: { version: number }; errors: unknown[] }>(
      'GET',
      `/api/v1/orders/${imported.id}`,
      { as: as() },
    );
    expect(detail.body.mappingVersion.version).toBe(1);
    expect(detail.body.sourcePayload.name).toEqual(expect.stringMatching(/^#\d+/));
    expect(detail.body.mappedPayload.order_number).toEqual(expect.any(String));
    const badFilter = await world.t.request<{ errors: Array<{ field: string }> }>('GET', '/api/v1/orders?status=lost&from=yesterday', { as: as() });
    expect(badFilter.body.errors.map((e) => e.field).sort()).toEqual(['from', 'status']);
  }, 60000);

  it('retries an error with the current defaults and skips another, one at a time or by filter', async () => {
    const open = await world.t.request<{ items: Array<{ id: string; category: string; recordKey: string }> }>('GET', '/api/v1/errors', { as: as() });
    expect(open.body.items.map((e) => e.category).sort()).toEqual(['erp_import_failed', 'sku_not_matched']);
    const count = await world.t.request<{ matched: number; changed: number }>('POST', '/api/v1/errors/retry', { as: as(), body: { category: 'sku_not_matched', dryRun: true } });
    expect(count.body).toEqual({ matched: 1, changed: 0 });

    // The fix: an item code for lines without SKU; then retry exactly that record.
    await world.t.request('PUT', '/api/v1/order-defaults', { as: as(), body: { divisionNo: '01', customerNo: 'WEBSHOP', shipVia: 'UPS GROUND', warehouseCode: '000', noSkuItemCode: 'WIDGET-100' } });
    const noSku = open.body.items.find((e) => e.category === 'sku_not_matched') as { id: string; recordKey: string };
    const retried = await world.t.request<{ state: string }>('POST', `/api/v1/errors/${noSku.id}/retry`, { as: as() });
    expect(retried.body.state).toBe('retrying');
    await runOrders();
    const row = await world.t.owner.query(`select status from pass_through_orders where tenant_id = $1 and shopify_order_id = $2`, [acme.tenantId, noSku.recordKey]);
    expect(row.rows[0].status).toBe('sent');
    expect((await world.t.request<{ items: unknown[] }>('GET', '/api/v1/errors?state=resolved', { as: as() })).body.items).toHaveLength(1);

    const erp = open.body.items.find((e) => e.category === 'erp_import_failed') as { id: string; recordKey: string };
    const skipped = await world.t.request<{ state: string }>('POST', `/api/v1/errors/${erp.id}/skip`, { as: as() });
    expect(skipped.body.state).toBe('skipped');
    const ledgerRow = await world.t.owner.query(`select status, skip_reason from pass_through_orders where tenant_id = $1 and shopify_order_id = $2`, [acme.tenantId, erp.recordKey]);
    expect(ledgerRow.rows[0]).toEqual({ status: 'skipped', skip_reason: 'skipped by a person after an error' });
    expect((await world.t.request('POST', `/api/v1/errors/${erp.id}/skip`, { as: as() })).status).toBe(409);
    expect((await world.t.request<{ items: unknown[] }>('GET', '/api/v1/errors', { as: as() })).body.items).toEqual([]);
    const badBulk = await world.t.request<{ errors: Array<{ field: string }> }>('POST', '/api/v1/errors/retry', { as: as(), body: { category: 'gremlins' } });
    expect(badBulk.body.errors[0].field).toBe('category');
  }, 60000);
});
