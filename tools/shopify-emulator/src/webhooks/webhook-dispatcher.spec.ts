import { createHmac } from 'node:crypto';
import { createServer, IncomingHttpHeaders, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import {
  RunningShopifyEmulator,
  ShopInfo,
  startShopifyEmulator,
} from '../index';
import { adminClient, pick } from '../testing/admin-client';

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A webhook receiver that fails its first `failures` requests with 500. */
async function receiver(
  failures = 0,
): Promise<{ url: string; received: Received[]; close(): Promise<void> }> {
  const received: Received[] = [];
  let remainingFailures = failures;
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      if (remainingFailures > 0) {
        remainingFailures--;
        res.writeHead(500).end();
      } else res.writeHead(200).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/webhooks`,
    received,
    close: () => new Promise((r) => server.close(() => r())),
  };
}

const SUBSCRIBE = `mutation($topic: WebhookSubscriptionTopic!, $uri: String!) {
  webhookSubscriptionCreate(topic: $topic, webhookSubscription: { uri: $uri, format: JSON }) {
    webhookSubscription { id topic uri } userErrors { field message } } }`;

describe('webhooks', () => {
  let emu: RunningShopifyEmulator;

  beforeAll(async () => {
    // 1 emulated minute of backoff = 1 real ms.
    emu = await startShopifyEmulator({ timeScale: 60_000, seed: 1 });
  });
  afterAll(() => emu.close());

  async function subscribedShop(
    name: string,
    uri: string,
    topic = 'ORDERS_CREATE',
  ): Promise<{ shop: ShopInfo; call: ReturnType<typeof adminClient> }> {
    const shop = emu.control.createShop({ shop: name });
    emu.control.addLocation(name, { name: 'Main' });
    const call = adminClient(shop.graphqlUrl, shop.app.accessToken ?? '');
    const res = await call(SUBSCRIBE, { topic, uri });
    expect(pick(res.json.data, 'webhookSubscriptionCreate.userErrors')).toEqual(
      [],
    );
    return { shop, call };
  }

  it('delivers a REST-shaped payload with Shopify headers and a valid HMAC', async () => {
    const sink = await receiver();
    const { shop } = await subscribedShop('hooks', sink.url);
    const order = emu.control.createOrder('hooks', {
      email: 'a@example.com',
      tags: ['x', 'y'],
      lineItems: [{ title: 'Thing', sku: 'T-1', quantity: 2, price: '3.50' }],
    });
    await emu.control.settleWebhooks();
    expect(sink.received).toHaveLength(1);
    const [hit] = sink.received;
    const expectedHmac = createHmac('sha256', shop.app.clientSecret)
      .update(hit?.body ?? '', 'utf8')
      .digest('base64');
    expect(hit?.headers).toMatchObject({
      'x-shopify-topic': 'orders/create',
      'x-shopify-hmac-sha256': expectedHmac,
      'x-shopify-shop-domain': 'hooks.myshopify.com',
      'x-shopify-api-version': '2026-10',
      'x-shopify-webhook-id': expect.any(String),
      'x-shopify-event-id': expect.any(String),
      'x-shopify-triggered-at': expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
    });
    const payload = JSON.parse(hit?.body ?? '{}');
    expect(payload).toMatchObject({
      id: Number(order.orderId.split('/').pop()),
      admin_graphql_api_id: order.orderId,
      name: '#1001',
      email: 'a@example.com',
      tags: 'x, y',
      total_price: '7.00',
      line_items: [
        { sku: 'T-1', quantity: 2, price: '3.50', fulfillable_quantity: 2 },
      ],
    });
    expect(payload.created_at).toMatch(
      /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+00:00$/,
    );
    await sink.close();
  });

  it('retries failed deliveries with backoff, keeping the webhook and event ids', async () => {
    const sink = await receiver(3);
    await subscribedShop('retries', sink.url);
    emu.control.createOrder('retries', {
      lineItems: [{ title: 'Thing', quantity: 1 }],
    });
    await emu.control.settleWebhooks();
    expect(sink.received).toHaveLength(4);
    expect(
      new Set(sink.received.map((r) => r.headers['x-shopify-webhook-id'])).size,
    ).toBe(1);
    const delivery = emu.control
      .webhookDeliveries()
      .find((d) => d.shopDomain === 'retries.myshopify.com');
    expect(delivery).toMatchObject({
      status: 'delivered',
      attempts: [500, 500, 500, 200],
    });
    await sink.close();
  });

  it('gives up after 8 retries and removes the subscription', async () => {
    const sink = await receiver(100);
    const { call } = await subscribedShop('dead', sink.url);
    emu.control.createOrder('dead', {
      lineItems: [{ title: 'Thing', quantity: 1 }],
    });
    await emu.control.settleWebhooks();
    expect(sink.received).toHaveLength(9);
    const subs = await call(
      '{ webhookSubscriptions(first: 5) { nodes { id } } }',
    );
    expect(pick(subs.json.data, 'webhookSubscriptions.nodes')).toEqual([]);
    await sink.close();
  });

  it('sends duplicates with the same event id', async () => {
    const sink = await receiver();
    await subscribedShop('dupes', sink.url);
    emu.control.configureWebhooks({ duplicateRate: 1 });
    emu.control.createOrder('dupes', {
      lineItems: [{ title: 'Thing', quantity: 1 }],
    });
    await emu.control.settleWebhooks();
    emu.control.configureWebhooks({ duplicateRate: 0 });
    expect(sink.received).toHaveLength(2);
    expect(sink.received[0]?.headers['x-shopify-event-id']).toBe(
      sink.received[1]?.headers['x-shopify-event-id'],
    );
    await sink.close();
  });

  it('drops deliveries while the drop switch is on', async () => {
    const sink = await receiver();
    await subscribedShop('drops', sink.url);
    emu.control.setWebhookDropping(true);
    emu.control.createOrder('drops', {
      lineItems: [{ title: 'Thing', quantity: 1 }],
    });
    await emu.control.settleWebhooks();
    emu.control.setWebhookDropping(false);
    expect(sink.received).toHaveLength(0);
    expect(
      emu.control
        .webhookDeliveries()
        .filter((d) => d.shopDomain === 'drops.myshopify.com')
        .map((d) => d.status),
    ).toEqual(['dropped']);
    await sink.close();
  });

  it('signs with the new secret after rotation', async () => {
    const sink = await receiver();
    const { shop } = await subscribedShop('rotate', sink.url);
    const secret = emu.control.rotateAppSecret('rotate', shop.app.appId);
    emu.control.createOrder('rotate', {
      lineItems: [{ title: 'Thing', quantity: 1 }],
    });
    await emu.control.settleWebhooks();
    const hit = sink.received[0];
    expect(hit?.headers['x-shopify-hmac-sha256']).toBe(
      createHmac('sha256', secret)
        .update(hit?.body ?? '')
        .digest('base64'),
    );
    await sink.close();
  });

  it('validates subscriptions and deletes them', async () => {
    const sink = await receiver();
    const { call } = await subscribedShop('subs', sink.url, 'ORDERS_UPDATED');
    const dup = await call(SUBSCRIBE, {
      topic: 'ORDERS_UPDATED',
      uri: sink.url,
    });
    expect(
      pick(dup.json.data, 'webhookSubscriptionCreate.userErrors.0.message'),
    ).toBe('Address for this topic has already been taken');
    const blank = await call(SUBSCRIBE, { topic: 'ORDERS_UPDATED', uri: '' });
    expect(
      pick(blank.json.data, 'webhookSubscriptionCreate.userErrors.0.message'),
    ).toBe("Address can't be blank");
    const list = await call(
      '{ webhookSubscriptions(first: 5) { nodes { id topic } } }',
    );
    const id = pick(list.json.data, 'webhookSubscriptions.nodes.0.id');
    const del = await call(
      'mutation($id: ID!) { webhookSubscriptionDelete(id: $id) { deletedWebhookSubscriptionId userErrors { message } } }',
      { id },
    );
    expect(pick(del.json.data, 'webhookSubscriptionDelete')).toEqual({
      deletedWebhookSubscriptionId: id,
      userErrors: [],
    });
    const [order] = emu.control.generateOrders('subs', { count: 1 });
    emu.control.editOrder('subs', order?.orderId ?? '', {
      note: 'no one listens',
    });
    await emu.control.settleWebhooks();
    expect(sink.received).toHaveLength(0);
    await sink.close();
  });
});
