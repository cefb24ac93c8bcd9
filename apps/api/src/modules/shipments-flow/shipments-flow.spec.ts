import { ConnectedTenant, ConnectedWorld, connectTenant, startConnectedWorld } from '../../testing/connected-tenant';
import { SyncWorker } from '../sync/sync-worker';

/** End to end: ERP shipment (CIMcloud emulator) → Ferry → Shopify fulfillment with tracking (Shopify emulator). */
describe('shipments flow, ERP → Shopify', () => {
  let world: ConnectedWorld;
  let acme: ConnectedTenant;
  let shopifyOrderId: string;
  let orderNumber: string;
  let job = 0;
  const address = { firstName: 'Dana', lastName: 'Whitfield', address1: '12 Main Street', city: 'Springfield', provinceCode: 'IL', zip: '62701', countryCode: 'US' };

  const run = (flow: 'orders' | 'shipments') =>
    world.t.app.get(SyncWorker).handle({ id: `test-${++job}`, queue: `sync.${flow}`, retryCount: 0, payload: { tenantId: acme.tenantId, flow, trigger: 'manual' } });
  const pushes = async () =>
    (await world.t.owner.query(`select shipment_key, status, fulfillment_id, error from shipment_pushes where tenant_id = $1 order by shipment_key`, [acme.tenantId])).rows;

  beforeAll(async () => {
    world = await startConnectedWorld();
    acme = await connectTenant(world, 'Acme');
    world.shopify.control.addLocation(acme.shopName, { name: 'Main warehouse' });
    await world.t.request('PUT', '/api/v1/order-defaults', { as: { session: acme.session, tenantId: acme.tenantId }, body: { divisionNo: '01', customerNo: 'WEBSHOP', shipVia: 'UPS GROUND' } });
    const order = world.shopify.control.createOrder(acme.shopName, {
      shippingAddress: address,
      billingAddress: address,
      lineItems: [
        { sku: 'WIDGET-100', title: 'Widget', quantity: 3, price: '12.50' },
        { sku: 'GADGET-1', title: 'Gadget', quantity: 1, price: '7.25' },
      ],
    });
    shopifyOrderId = order.orderId;
    await run('orders');
    world.cimcloud.control.flush(acme.siteName);
    await run('orders');
    const row = await world.t.owner.query(`select order_number, status from pass_through_orders where tenant_id = $1`, [acme.tenantId]);
    expect(row.rows[0].status).toBe('imported');
    orderNumber = row.rows[0].order_number;
  }, 60000);
  afterAll(() => world.close());

  it('turns a partial ERP shipment into a Shopify fulfillment of just those lines, with tracking', async () => {
    world.cimcloud.control.shipOrder(acme.siteName, orderNumber, { lines: [{ itemCode: 'WIDGET-100', quantity: 2 }] });
    await run('shipments');
    const fulfillments = world.shopify.control.fulfillments(acme.shopName, shopifyOrderId);
    expect(fulfillments).toHaveLength(1);
    expect(fulfillments[0].lineItems.map((l) => l.quantity)).toEqual([2]);
    expect(await pushes()).toEqual([expect.objectContaining({ status: 'fulfilled', fulfillment_id: fulfillments[0].fulfillmentId })]);
    // Tracking as Shopify shows it: the ERP's number, the carrier through the default carrier table.
    const response = await fetch(acme.shop.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-shopify-access-token': acme.shop.app.accessToken ?? '' },
      body: JSON.stringify({ query: `query($id: ID!) { order(id: $id) { fulfillments(first: 5) { trackingInfo(first: 1) { number company } } } }`, variables: { id: shopifyOrderId } }),
    });
    const body = (await response.json()) as { data: { order: { fulfillments: Array<{ trackingInfo: Array<{ number: string; company: string }> }> } } };
    const shipment = (await world.t.owner.query(`select tracking_number from shipment_pushes where tenant_id = $1`, [acme.tenantId])).rows[0];
    expect(body.data.order.fulfillments[0].trackingInfo[0]).toEqual({ number: shipment.tracking_number, company: 'UPS' });
  }, 60000);

  it('never fulfils a package twice, whatever runs again', async () => {
    await run('shipments');
    await run('shipments');
    expect(world.shopify.control.fulfillments(acme.shopName, shopifyOrderId)).toHaveLength(1);
  }, 60000);

  it('fulfils the rest when the ERP ships it, capped at what remains open', async () => {
    world.cimcloud.control.shipOrder(acme.siteName, orderNumber);
    await run('shipments');
    const fulfillments = world.shopify.control.fulfillments(acme.shopName, shopifyOrderId);
    expect(fulfillments).toHaveLength(2);
    const shipped = fulfillments.flatMap((f) => f.lineItems).reduce((sum, l) => sum + l.quantity, 0);
    expect(shipped).toBe(4);
    expect((await pushes()).map((p) => p.status)).toEqual(['fulfilled', 'fulfilled']);
  }, 60000);
});
