import { OrderShipment, Page, PassThroughOrderDetail, PassThroughOrderSummary } from '@ferry/contracts';
import { ConnectedTenant, ConnectedWorld, connectTenant, startConnectedWorld } from '../../testing/connected-tenant';
import { SyncWorker } from '../sync/sync-worker';

/** The orders monitor's API: list order, search, filters, and an order's journey down to its Shopify fulfillments. */
describe('pass-through orders API', () => {
  let world: ConnectedWorld;
  let acme: ConnectedTenant;
  let globex: ConnectedTenant;
  let job = 0;
  /** Acme's orders, oldest first: Shopify name, ledger id and CIMcloud order number. */
  const orders: Array<{ name: string; id: string; orderNumber: string; shopifyOrderId: string }> = [];
  const address = { firstName: 'Dana', lastName: 'Whitfield', address1: '12 Main Street', city: 'Springfield', provinceCode: 'IL', zip: '62701', countryCode: 'US' };

  const as = () => ({ session: acme.session, tenantId: acme.tenantId });
  const run = (flow: 'orders' | 'shipments') =>
    world.t.app.get(SyncWorker).handle({ id: `test-${++job}`, queue: `sync.${flow}`, retryCount: 0, payload: { tenantId: acme.tenantId, flow, trigger: 'manual' } });
  const list = async (query: string) => {
    const response = await world.t.request<Page<PassThroughOrderSummary>>('GET', `/api/v1/orders?${query}`, { as: as() });
    expect(response.status).toBe(200);
    return response.body;
  };
  const names = async (query: string) => (await list(query)).items.map((o) => o.shopifyOrderName);
  const startedAt = Date.now();
  const hoursAgo = (hours: number) => new Date(startedAt - hours * 3600_000).toISOString();

  beforeAll(async () => {
    world = await startConnectedWorld();
    acme = await connectTenant(world, 'Acme');
    globex = await connectTenant(world, 'Globex');
    world.shopify.control.addLocation(acme.shopName, { name: 'Main warehouse' });
    await world.t.request('PUT', '/api/v1/order-defaults', { as: as(), body: { divisionNo: '01', customerNo: 'WEBSHOP', shipVia: 'UPS GROUND' } });
    const lines = [
      [
        { sku: 'WIDGET-100', title: 'Widget', quantity: 3, price: '12.50' },
        { sku: 'GADGET-1', title: 'Gadget', quantity: 1, price: '7.25' },
      ],
      [{ sku: 'WIDGET-200', title: 'Widget, heavy duty', quantity: 1, price: '19.95' }],
      [{ sku: 'GADGET-1', title: 'Gadget', quantity: 2, price: '7.25' }],
    ];
    // Created 3, 2 and 1 hours ago (within the first run's look-back).
    lines.forEach((lineItems, i) =>
      world.shopify.control.createOrder(acme.shopName, { shippingAddress: address, billingAddress: address, lineItems, createdAt: hoursAgo(3 - i) }),
    );
    await run('orders');
    world.cimcloud.control.flush(acme.siteName);
    await run('orders');
    const rows = await world.t.owner.query<{ id: string; shopify_order_name: string; order_number: string; status: string; shopify_order_id: string }>(
      `select id, shopify_order_name, order_number, status, shopify_order_id from pass_through_orders where tenant_id = $1 order by shopify_created_at`,
      [acme.tenantId],
    );
    expect(rows.rows.map((r) => r.status)).toEqual(['imported', 'imported', 'imported']);
    orders.push(...rows.rows.map((r) => ({ name: r.shopify_order_name, id: r.id, orderNumber: r.order_number, shopifyOrderId: r.shopify_order_id })));
  }, 90000);
  afterAll(() => world.close());

  it("shows an order's ERP shipment and the Shopify fulfillment made of it in its journey", async () => {
    const [first, second] = orders;
    world.cimcloud.control.shipOrder(acme.siteName, first.orderNumber);
    await run('shipments');
    const fulfillments = world.shopify.control.fulfillments(acme.shopName, first.shopifyOrderId);
    expect(fulfillments).toHaveLength(1);

    const detail = await world.t.request<PassThroughOrderDetail>('GET', `/api/v1/orders/${first.id}`, { as: as() });
    expect(detail.status).toBe(200);
    const ledger = (await world.t.owner.query<{ tracking_number: string; invoice_no: string }>(`select tracking_number, invoice_no from shipment_pushes where tenant_id = $1`, [acme.tenantId])).rows[0];
    const shipments = detail.body.shipments as OrderShipment[];
    expect(shipments).toEqual([
      expect.objectContaining({
        status: 'fulfilled',
        fulfillmentId: fulfillments[0].fulfillmentId,
        invoiceNo: ledger.invoice_no,
        trackingNumber: ledger.tracking_number,
        trackingCompany: 'UPS',
        shipVia: 'UPS GROUND',
        error: null,
      }),
    ]);
    expect([...shipments[0].lines].sort((a, b) => a.itemCode.localeCompare(b.itemCode))).toEqual([
      { itemCode: 'GADGET-1', quantity: 1 },
      { itemCode: 'WIDGET-100', quantity: 3 },
    ]);
    expect(Date.parse(shipments[0].pushedAt ?? '')).toBeGreaterThanOrEqual(Date.parse(shipments[0].readAt));

    const notShipped = await world.t.request<PassThroughOrderDetail>('GET', `/api/v1/orders/${second.id}`, { as: as() });
    expect(notShipped.body.shipments).toEqual([]);
  }, 60000);

  it('lists the newest Shopify order first, page by page, and within a date range', async () => {
    const [first, second, third] = orders;
    const page1 = await list('limit=2');
    expect(page1.items.map((o) => o.shopifyOrderName)).toEqual([third.name, second.name]);
    const page2 = await list(`limit=2&cursor=${page1.nextCursor}`);
    expect(page2.items.map((o) => o.shopifyOrderName)).toEqual([first.name]);
    expect(page2.nextCursor).toBeNull();
    expect(await names(`from=${hoursAgo(2.5)}&to=${hoursAgo(1.5)}`)).toEqual([second.name]);
  }, 30000);

  it('searches by exact order name, its beginning with or without "#", CIMcloud order number and SKU', async () => {
    const [first, second, third] = orders;
    expect(await names(`q=${encodeURIComponent(first.name)}`)).toEqual([first.name]);
    expect(await names(`q=${encodeURIComponent(first.name.replace('#', ''))}`)).toEqual([first.name]);
    expect(await names(`q=${encodeURIComponent(first.name.slice(0, -1))}`)).toEqual([third.name, second.name, first.name]);
    expect(await names(`q=${second.orderNumber}`)).toEqual([second.name]);
    expect(await names('q=GADGET-1')).toEqual([third.name, first.name]);
    expect(await names(`q=GADGET-1&status=imported&from=${hoursAgo(1.5)}`)).toEqual([third.name]);
    // A search term is text, never a pattern.
    expect(await names('q=%25')).toEqual([]);
    expect(await names('q=GADGET_1')).toEqual([]);
  }, 30000);

  it('keeps SKU search in step with the stored Shopify order when it changes', async () => {
    const [, second] = orders;
    await world.t.owner.query(
      `update pass_through_orders set source_payload = jsonb_set(source_payload, '{lineItems,nodes,0,sku}', '"PAINT-RED"') where tenant_id = $1 and id = $2`,
      [acme.tenantId, second.id],
    );
    expect(await names('q=PAINT-RED')).toEqual([second.name]);
    expect(await names('q=WIDGET-200')).toEqual([]);
  }, 30000);

  it("answers 404 for another tenant's order and names malformed parameters", async () => {
    const [first] = orders;
    const foreign = await world.t.request('GET', `/api/v1/orders/${first.id}`, { as: { session: globex.session, tenantId: globex.tenantId } });
    expect(foreign.status).toBe(404);
    expect((await world.t.request<Page<PassThroughOrderSummary>>('GET', `/api/v1/orders?q=${encodeURIComponent(first.name)}`, { as: { session: globex.session, tenantId: globex.tenantId } })).body.items).toEqual([]);
    const badId = await world.t.request<{ errors: Array<{ field: string }> }>('GET', '/api/v1/orders/not-a-uuid', { as: as() });
    expect(badId.status).toBe(400);
    expect(badId.body.errors.map((e) => e.field)).toEqual(['orderId']);
    const badCursor = await world.t.request<{ errors: Array<{ field: string }> }>('GET', '/api/v1/orders?cursor=nonsense', { as: as() });
    expect(badCursor.status).toBe(400);
    expect(badCursor.body.errors.map((e) => e.field)).toEqual(['cursor']);
    const badCategory = await world.t.request<{ errors: Array<{ field: string }> }>('GET', '/api/v1/orders?category=bad&limit=0', { as: as() });
    expect(badCategory.status).toBe(400);
    expect(badCategory.body.errors.map((e) => e.field).sort()).toEqual(['category', 'limit']);
  }, 30000);
});
