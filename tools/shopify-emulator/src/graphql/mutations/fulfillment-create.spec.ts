import { RunningShopifyEmulator, startShopifyEmulator } from '../../index';
import { adminClient, pick } from '../../testing/admin-client';

const FULFILL = `mutation($input: FulfillmentInput!) {
  fulfillmentCreate(fulfillment: $input) {
    fulfillment { id status trackingInfo { company number url } fulfillmentLineItems(first: 10) { nodes { quantity } } }
    userErrors { field message }
  }
}`;

const FOS = `query($id: ID!) { order(id: $id) { displayFulfillmentStatus fulfillmentOrders(first: 5) { nodes {
  id status requestStatus supportedActions { action } assignedLocation { location { id } }
  lineItems(first: 10) { nodes { id totalQuantity remainingQuantity sku } } } } } }`;

interface FoNode {
  id: string;
  status: string;
  supportedActions: { action: string }[];
  lineItems: {
    nodes: { id: string; totalQuantity: number; remainingQuantity: number }[];
  };
}

describe('fulfillment orders and fulfillmentCreate', () => {
  let emu: RunningShopifyEmulator;
  let call: ReturnType<typeof adminClient>;
  let locationId: string;
  let variantId: string;

  beforeAll(async () => {
    emu = await startShopifyEmulator();
    const shop = emu.control.createShop({ shop: 'ship' });
    call = adminClient(shop.graphqlUrl, shop.app.accessToken ?? '');
    locationId = emu.control.addLocation('ship', {
      name: 'Warehouse',
    }).locationId;
    variantId =
      emu.control.addProduct('ship', {
        title: 'Bolt',
        variants: [{ sku: 'B-1' }],
      }).variants[0]?.variantId ?? '';
  });
  afterAll(() => emu.close());

  async function orderWithFo(
    quantity: number,
  ): Promise<{ orderId: string; fo: FoNode }> {
    const order = emu.control.createOrder('ship', {
      lineItems: [{ variantId, quantity }],
      locationId,
    });
    const res = await call(FOS, { id: order.orderId });
    return {
      orderId: order.orderId,
      fo: pick(res.json.data, 'order.fulfillmentOrders.nodes.0') as FoNode,
    };
  }

  it('creates an OPEN fulfillment order per order with supported actions and remaining quantities', async () => {
    const { fo } = await orderWithFo(3);
    expect(fo).toMatchObject({
      status: 'OPEN',
      requestStatus: 'UNSUBMITTED',
      assignedLocation: { location: { id: locationId } },
      lineItems: {
        nodes: [{ totalQuantity: 3, remainingQuantity: 3, sku: 'B-1' }],
      },
    });
    expect(fo.supportedActions.map((a) => a.action)).toContain(
      'CREATE_FULFILLMENT',
    );
  });

  it('fulfils partially, then fully, updating statuses', async () => {
    const { orderId, fo } = await orderWithFo(3);
    const line = fo.lineItems.nodes[0]?.id;
    const first = await call(FULFILL, {
      input: {
        lineItemsByFulfillmentOrder: [
          {
            fulfillmentOrderId: fo.id,
            fulfillmentOrderLineItems: [{ id: line, quantity: 1 }],
          },
        ],
        trackingInfo: {
          company: 'UPS',
          number: '1Z999',
          url: 'https://ups.example/1Z999',
        },
        notifyCustomer: false,
      },
    });
    expect(pick(first.json.data, 'fulfillmentCreate.userErrors')).toEqual([]);
    expect(
      pick(first.json.data, 'fulfillmentCreate.fulfillment'),
    ).toMatchObject({
      status: 'SUCCESS',
      trackingInfo: [
        { company: 'UPS', number: '1Z999', url: 'https://ups.example/1Z999' },
      ],
      fulfillmentLineItems: { nodes: [{ quantity: 1 }] },
    });
    const mid = await call(FOS, { id: orderId });
    expect(pick(mid.json.data, 'order.displayFulfillmentStatus')).toBe(
      'PARTIALLY_FULFILLED',
    );
    expect(
      pick(mid.json.data, 'order.fulfillmentOrders.nodes.0'),
    ).toMatchObject({
      status: 'IN_PROGRESS',
      lineItems: { nodes: [{ remainingQuantity: 2 }] },
    });
    // No line items listed: fulfil everything that remains.
    await call(FULFILL, {
      input: { lineItemsByFulfillmentOrder: [{ fulfillmentOrderId: fo.id }] },
    });
    const done = await call(FOS, { id: orderId });
    expect(pick(done.json.data, 'order.displayFulfillmentStatus')).toBe(
      'FULFILLED',
    );
    expect(
      pick(done.json.data, 'order.fulfillmentOrders.nodes.0'),
    ).toMatchObject({ status: 'CLOSED', supportedActions: [] });
  });

  it('is not idempotent: the same request twice creates two fulfillments', async () => {
    const { orderId, fo } = await orderWithFo(4);
    const input = {
      lineItemsByFulfillmentOrder: [
        {
          fulfillmentOrderId: fo.id,
          fulfillmentOrderLineItems: [
            { id: fo.lineItems.nodes[0]?.id, quantity: 2 },
          ],
        },
      ],
    };
    await call(FULFILL, { input });
    await call(FULFILL, { input });
    expect(emu.control.fulfillments('ship', orderId)).toHaveLength(2);
  });

  it('returns userErrors for too large a quantity, a closed order and an unknown id', async () => {
    const { fo } = await orderWithFo(1);
    const tooMany = await call(FULFILL, {
      input: {
        lineItemsByFulfillmentOrder: [
          {
            fulfillmentOrderId: fo.id,
            fulfillmentOrderLineItems: [
              { id: fo.lineItems.nodes[0]?.id, quantity: 2 },
            ],
          },
        ],
      },
    });
    expect(pick(tooMany.json.data, 'fulfillmentCreate')).toEqual({
      fulfillment: null,
      userErrors: [
        {
          field: ['fulfillment'],
          message: 'Invalid fulfillment order line item quantity requested.',
        },
      ],
    });
    await call(FULFILL, {
      input: { lineItemsByFulfillmentOrder: [{ fulfillmentOrderId: fo.id }] },
    });
    const closed = await call(FULFILL, {
      input: { lineItemsByFulfillmentOrder: [{ fulfillmentOrderId: fo.id }] },
    });
    expect(
      pick(closed.json.data, 'fulfillmentCreate.userErrors.0.message'),
    ).toMatch(/unfulfillable status= closed/);
    const unknown = await call(FULFILL, {
      input: {
        lineItemsByFulfillmentOrder: [
          { fulfillmentOrderId: 'gid://shopify/FulfillmentOrder/1' },
        ],
      },
    });
    expect(
      pick(unknown.json.data, 'fulfillmentCreate.userErrors.0.message'),
    ).toBe('Fulfillment order does not exist.');
  });

  it('refuses fulfillment orders of two different orders in one call', async () => {
    const a = await orderWithFo(1);
    const b = await orderWithFo(1);
    const res = await call(FULFILL, {
      input: {
        lineItemsByFulfillmentOrder: [
          { fulfillmentOrderId: a.fo.id },
          { fulfillmentOrderId: b.fo.id },
        ],
      },
    });
    expect(pick(res.json.data, 'fulfillmentCreate.userErrors.0.message')).toBe(
      'All fulfillment orders must belong to the same order.',
    );
  });

  it('drops CREATE_FULFILLMENT while a fulfillment order is on hold', async () => {
    const { fo, orderId } = await orderWithFo(1);
    emu.control.holdFulfillmentOrder('ship', fo.id, true);
    const res = await call(FOS, { id: orderId });
    expect(
      pick(res.json.data, 'order.fulfillmentOrders.nodes.0'),
    ).toMatchObject({
      status: 'ON_HOLD',
      supportedActions: [{ action: 'RELEASE_HOLD' }, { action: 'MOVE' }],
    });
  });
});
