import { Page, ShipmentPushSummary } from '@ferry/contracts';
import { ConnectedTenant, ConnectedWorld, connectTenant, startConnectedWorld } from '../../testing/connected-tenant';
import { SyncWorker } from '../sync/sync-worker';

/** The orders monitor's Shipments tab: the shipments ledger after real shipments runs (CIMcloud emulator → Ferry → Shopify emulator). */
describe('shipment pushes API', () => {
  let world: ConnectedWorld;
  let acme: ConnectedTenant;
  let globex: ConnectedTenant;
  let job = 0;
  /** Acme's two orders: Shopify name, ledger id, CIMcloud order number, Shopify id. */
  const orders: Array<{ name: string; id: string; orderNumber: string; shopifyOrderId: string }> = [];
  const address = { firstName: 'Dana', lastName: 'Whitfield', address1: '12 Main Street', city: 'Springfield', provinceCode: 'IL', zip: '62701', countryCode: 'US' };

  const as = (tenant: ConnectedTenant = acme) => ({ session: tenant.session, tenantId: tenant.tenantId });
  const run = (flow: 'orders' | 'shipments') =>
    world.t.app.get(SyncWorker).handle({ id: `test-${++job}`, queue: `sync.${flow}`, retryCount: 0, payload: { tenantId: acme.tenantId, flow, trigger: 'manual' } });
  const get = (query: string, tenant?: ConnectedTenant) => world.t.request<Page<ShipmentPushSummary>>('GET', `/api/v1/shipment-pushes?${query}`, { as: as(tenant) });
  const list = async (query: string) => {
    const response = await get(query);
    expect(response.status).toBe(200);
    return response.body;
  };
  const ledger = async () =>
    (
      await world.t.owner.query<{ id: string; order_number: string; invoice_no: string; tracking_number: string; status: string; fulfillment_id: string | null; error: string | null }>(
        `select id, order_number, invoice_no, tracking_number, status, fulfillment_id, error from shipment_pushes where tenant_id = $1 order by created_at desc, id desc`,
        [acme.tenantId],
      )
    ).rows;

  beforeAll(async () => {
    world = await startConnectedWorld();
    acme = await connectTenant(world, 'Acme');
    globex = await connectTenant(world, 'Globex');
    world.shopify.control.addLocation(acme.shopName, { name: 'Main warehouse' });
    await world.t.request('PUT', '/api/v1/order-defaults', { as: as(), body: { divisionNo: '01', customerNo: 'WEBSHOP', shipVia: 'UPS GROUND' } });
    for (const lineItems of [
      [
        { sku: 'WIDGET-100', title: 'Widget', quantity: 3, price: '12.50' },
        { sku: 'GADGET-1', title: 'Gadget', quantity: 1, price: '7.25' },
      ],
      [{ sku: 'WIDGET-200', title: 'Widget, heavy duty', quantity: 1, price: '19.95' }],
    ]) {
      world.shopify.control.createOrder(acme.shopName, { shippingAddress: address, billingAddress: address, lineItems });
    }
    await run('orders');
    world.cimcloud.control.flush(acme.siteName);
    await run('orders');
    const rows = await world.t.owner.query<{ id: string; shopify_order_name: string; order_number: string; status: string; shopify_order_id: string }>(
      `select id, shopify_order_name, order_number, status, shopify_order_id from pass_through_orders where tenant_id = $1 order by shopify_created_at, shopify_order_name`,
      [acme.tenantId],
    );
    expect(rows.rows.map((r) => r.status)).toEqual(['imported', 'imported']);
    orders.push(...rows.rows.map((r) => ({ name: r.shopify_order_name, id: r.id, orderNumber: r.order_number, shopifyOrderId: r.shopify_order_id })));

    const [first, second] = orders;
    // The first order ships in two invoices (fulfilled twice); the second is cancelled in Shopify before the ERP ships it (failed).
    world.cimcloud.control.shipOrder(acme.siteName, first.orderNumber, { lines: [{ itemCode: 'WIDGET-100', quantity: 2 }] });
    await run('shipments');
    world.cimcloud.control.shipOrder(acme.siteName, first.orderNumber);
    world.shopify.control.cancelOrder(acme.shopName, second.shopifyOrderId);
    world.cimcloud.control.shipOrder(acme.siteName, second.orderNumber);
    await run('shipments');
  }, 90000);
  afterAll(() => world.close());

  it('lists every package newest first with its order, tracking, lines, fulfillment and status', async () => {
    const [first, second] = orders;
    const rows = await ledger();
    expect(rows.map((r) => r.status).sort()).toEqual(['failed', 'fulfilled', 'fulfilled']);
    const page = await list('');
    expect(page.nextCursor).toBeNull();
    expect(page.items.map((s) => s.id)).toEqual(rows.map((r) => r.id));

    const fulfillments = world.shopify.control.fulfillments(acme.shopName, first.shopifyOrderId);
    const partial = page.items.find((s) => s.status === 'fulfilled' && s.lines.length === 1 && s.lines[0].itemCode === 'WIDGET-100');
    const partialRow = rows.find((r) => r.id === partial?.id);
    expect(partial).toEqual(
      expect.objectContaining({
        orderNumber: first.orderNumber,
        shopifyOrderName: first.name,
        orderId: first.id,
        invoiceNo: partialRow?.invoice_no,
        trackingNumber: partialRow?.tracking_number,
        trackingCompany: 'UPS',
        shipVia: 'UPS GROUND',
        lines: [{ itemCode: 'WIDGET-100', quantity: 2 }],
        fulfillmentId: fulfillments[0].fulfillmentId,
        error: null,
      }),
    );
    expect(Date.parse(partial?.pushedAt ?? '')).toBeGreaterThanOrEqual(Date.parse(partial?.readAt ?? ''));
    expect(fulfillments.map((f) => f.fulfillmentId).sort()).toEqual(page.items.filter((s) => s.orderId === first.id).map((s) => s.fulfillmentId).sort());

    const failed = page.items.find((s) => s.status === 'failed');
    const failedRow = rows.find((r) => r.status === 'failed');
    expect(failedRow?.error).toEqual(expect.any(String));
    expect(failed).toEqual(
      expect.objectContaining({ orderNumber: second.orderNumber, shopifyOrderName: second.name, orderId: second.id, fulfillmentId: null, pushedAt: null, error: failedRow?.error }),
    );
  }, 30000);

  it('pages newest first with the cursor, and filters by status', async () => {
    const rows = await ledger();
    const page1 = await list('limit=2');
    expect(page1.items.map((s) => s.id)).toEqual(rows.slice(0, 2).map((r) => r.id));
    const page2 = await list(`limit=2&cursor=${page1.nextCursor}`);
    expect(page2.items.map((s) => s.id)).toEqual(rows.slice(2).map((r) => r.id));
    expect(page2.nextCursor).toBeNull();

    expect((await list('status=failed')).items.map((s) => s.orderNumber)).toEqual([orders[1].orderNumber]);
    const fulfilled = await list('status=fulfilled&limit=1');
    expect(fulfilled.items.map((s) => s.id)).toEqual(rows.filter((r) => r.status === 'fulfilled').slice(0, 1).map((r) => r.id));
    expect((await list(`status=fulfilled&limit=1&cursor=${fulfilled.nextCursor}`)).items.map((s) => s.id)).toEqual(
      rows.filter((r) => r.status === 'fulfilled').slice(1).map((r) => r.id),
    );
    expect((await list('status=skipped')).items).toEqual([]);
  }, 30000);

  it('searches by exact ERP order number, invoice number or tracking number', async () => {
    const [first, second] = orders;
    const rows = await ledger();
    const ids = async (query: string) => (await list(query)).items.map((s) => s.id);
    expect(await ids(`search=${first.orderNumber}`)).toEqual(rows.filter((r) => r.order_number === first.orderNumber).map((r) => r.id));
    expect(await ids(`search=${encodeURIComponent(` ${second.orderNumber} `)}`)).toEqual(rows.filter((r) => r.order_number === second.orderNumber).map((r) => r.id));
    const [one] = rows;
    expect(await ids(`search=${encodeURIComponent(one.invoice_no)}`)).toEqual(rows.filter((r) => r.invoice_no === one.invoice_no).map((r) => r.id));
    expect(await ids(`search=${encodeURIComponent(one.tracking_number)}`)).toEqual([one.id]);
    // Exact, not a part of a number; and combined with the status filter.
    expect(await ids(`search=${encodeURIComponent(one.tracking_number.slice(0, -1))}`)).toEqual([]);
    expect(await ids(`search=${second.orderNumber}&status=fulfilled`)).toEqual([]);
  }, 30000);

  it("shows another tenant none of Acme's shipments, whatever it searches", async () => {
    const [one] = await ledger();
    for (const query of ['', `search=${encodeURIComponent(one.tracking_number)}`, `search=${orders[0].orderNumber}`]) {
      const response = await get(query, globex);
      expect(response.status).toBe(200);
      expect(response.body).toEqual({ items: [], nextCursor: null });
    }
    // Acme's cursor read as Globex: the page after it is Globex's (empty), never Acme's rows.
    const cursor = (await list('limit=1')).nextCursor;
    expect((await get(`limit=1&cursor=${cursor}`, globex)).body.items).toEqual([]);
  }, 30000);

  it('answers 400 naming the field for a malformed status, cursor, limit or search, and 401 without a session', async () => {
    const forged = Buffer.from(JSON.stringify(['2026-01-01T00:00:00Z', 'not-a-uuid'])).toString('base64url');
    for (const [query, field] of [
      ['status=shipped', 'status'],
      ['cursor=nonsense', 'cursor'],
      [`cursor=${forged}`, 'cursor'],
      ['limit=0', 'limit'],
      ['limit=201', 'limit'],
      ['limit=ten', 'limit'],
      [`search=${'9'.repeat(101)}`, 'search'],
    ]) {
      const response = await world.t.request<{ errors?: Array<{ field: string }> }>('GET', `/api/v1/shipment-pushes?${query}`, { as: as() });
      expect({ query, status: response.status }).toEqual({ query, status: 400 });
      expect(response.body.errors?.map((e) => e.field)).toContain(field);
    }
    expect((await world.t.request('GET', '/api/v1/shipment-pushes')).status).toBe(401);
  }, 30000);
});
