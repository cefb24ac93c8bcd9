import { Harness, startHarness } from '../../testing/emulator-harness';
import { ShopifyUserError } from '../client/shopify-errors';
import { createFulfillmentSafely, getFulfillmentState } from './fulfillment';

describe('fulfillment', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness(10);
  });
  afterAll(() => h.close());

  async function orderIn(shopName: string, quantity: number) {
    await h.emulator.addLocation(shopName, { name: 'Main' });
    return await h.emulator.createOrder(shopName, {
      lineItems: [{ title: 'Widget', sku: 'W-1', quantity, price: '2.00' }],
    });
  }

  it('reads fulfillment orders and creates a fulfillment', async () => {
    const shop = await h.shop('ff-basic');
    const order = await orderIn('ff-basic', 3);
    const client = h.client(shop);
    const state = await getFulfillmentState(client, order.orderId);
    const fo = state.fulfillmentOrders[0];
    expect(fo).toMatchObject({
      status: 'OPEN',
      lines: [{ sku: 'W-1', totalQuantity: 3, remainingQuantity: 3 }],
    });
    expect(fo?.supportedActions).toContain('CREATE_FULFILLMENT');
    const result = await createFulfillmentSafely(client, {
      orderId: order.orderId,
      lines: [
        {
          fulfillmentOrderId: fo?.id ?? '',
          fulfillmentOrderLineItemId: fo?.lines[0]?.id ?? '',
          quantity: 2,
        },
      ],
      trackingNumber: '1Z-A',
      trackingCompany: 'UPS',
    });
    expect(result.outcome).toBe('created');
    const after = await getFulfillmentState(client, order.orderId);
    expect(after.fulfillmentOrders[0]).toMatchObject({
      status: 'IN_PROGRESS',
      lines: [{ remainingQuantity: 1 }],
    });
  });

  it('never fulfils twice when the response of fulfillmentCreate is lost', async () => {
    const shop = await h.shop('ff-lost');
    const order = await orderIn('ff-lost', 1);
    let lost = false;
    const client = h.client(shop, {
      // Lose the response of the first fulfillmentCreate: it is applied, the client hears nothing.
      fetch: async (input, init) => {
        if (String(init.body).includes('fulfillmentCreate') && !lost) {
          lost = true;
          await h.emulator.addFault({ kind: 'lostResponse', shop: 'ff-lost' });
        }
        return fetch(input, init);
      },
    });
    const fo = (await getFulfillmentState(client, order.orderId))
      .fulfillmentOrders[0];
    const result = await createFulfillmentSafely(client, {
      orderId: order.orderId,
      lines: [
        {
          fulfillmentOrderId: fo?.id ?? '',
          fulfillmentOrderLineItemId: fo?.lines[0]?.id ?? '',
          quantity: 1,
        },
      ],
      trackingNumber: '1Z-LOST',
    });
    expect(result.outcome).toBe('alreadyFulfilled');
    expect(
      await h.emulator.fulfillments('ff-lost', order.orderId),
    ).toHaveLength(1);
  });

  it('reports Shopify userErrors as a typed error with the field', async () => {
    const shop = await h.shop('ff-user');
    const order = await orderIn('ff-user', 1);
    const client = h.client(shop);
    const fo = (await getFulfillmentState(client, order.orderId))
      .fulfillmentOrders[0];
    const error = await createFulfillmentSafely(client, {
      orderId: order.orderId,
      lines: [
        {
          fulfillmentOrderId: fo?.id ?? '',
          fulfillmentOrderLineItemId: fo?.lines[0]?.id ?? '',
          quantity: 5,
        },
      ],
      trackingNumber: '1Z-BIG',
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ShopifyUserError);
    expect((error as ShopifyUserError).field).toEqual(['fulfillment']);
    expect((error as ShopifyUserError).kind).toBe('user');
  });
});
