import { signWebhookBody } from '@ferry/shopify-emulator';
import { ConnectedTenant, ConnectedWorld, connectTenant, startConnectedWorld } from '../../testing/connected-tenant';

describe('Shopify webhooks (HTTP, real PostgreSQL + pg-boss)', () => {
  let world: ConnectedWorld;
  let acme: ConnectedTenant;
  const secret = 'whsec-acme-0123456789';

  beforeAll(async () => {
    world = await startConnectedWorld({ FERRY_PUBLIC_URL: 'https://ferry.example' });
    acme = await connectTenant(world, 'Acme');
    await world.t.request('PUT', '/api/v1/connections/shopify', {
      as: { session: acme.session, tenantId: acme.tenantId },
      body: { shopDomain: 'acme.myshopify.com', authMode: 'admin_token', webhookSecret: secret, adminBaseUrl: `${world.shopify.url}/shops/acme.myshopify.com` },
    });
  });
  afterAll(() => world.close());

  const deliver = (body: string, headers: Record<string, string>, tenantId = acme.tenantId) =>
    world.t.request<{ received: boolean; duplicate: boolean }>('POST', `/api/v1/webhooks/shopify/${tenantId}`, {
      body,
      headers: { 'content-type': 'application/json', 'x-shopify-topic': 'orders/create', 'x-shopify-shop-domain': 'acme.myshopify.com', ...headers },
    });
  const events = async () => (await world.t.owner.query('select event_id from webhook_events where tenant_id = $1', [acme.tenantId])).rows.map((r) => r.event_id as string);
  const queued = async () =>
    (await world.t.owner.query(`select data from pgboss.job where name = 'sync.orders' and singleton_key = $1 and state = 'created'`, [acme.tenantId])).rows;

  it('accepts a signed delivery once, and queues one orders run', async () => {
    const body = JSON.stringify({ id: 1001, name: '#1001' });
    const headers = { 'x-shopify-hmac-sha256': signWebhookBody(body, secret), 'x-shopify-event-id': 'evt-1', 'x-shopify-webhook-id': 'wh-1' };
    const first = await deliver(body, headers);
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ received: true, duplicate: false });
    const again = await deliver(body, headers);
    expect(again.body).toEqual({ received: true, duplicate: true });
    expect(await events()).toEqual(['evt-1']);
    const jobs = await queued();
    expect(jobs).toHaveLength(1);
    expect(jobs[0].data).toMatchObject({ tenantId: acme.tenantId, flow: 'orders', trigger: 'webhook' });
    // A burst of other order events adds no second waiting run.
    const other = JSON.stringify({ id: 1002 });
    await deliver(other, { 'x-shopify-hmac-sha256': signWebhookBody(other, secret), 'x-shopify-event-id': 'evt-2' });
    expect(await queued()).toHaveLength(1);
  });

  it('refuses a tampered body, a wrong-length signature, an unknown secret and an unknown tenant with 401, storing nothing', async () => {
    const body = JSON.stringify({ id: 2001 });
    const before = await events();
    const tampered = await deliver(body.replace('2001', '2002'), { 'x-shopify-hmac-sha256': signWebhookBody(body, secret), 'x-shopify-event-id': 'evt-t' });
    expect(tampered.status).toBe(401);
    expect((await deliver(body, { 'x-shopify-hmac-sha256': 'c2hvcnQ=', 'x-shopify-event-id': 'evt-s' })).status).toBe(401);
    expect((await deliver(body, { 'x-shopify-hmac-sha256': signWebhookBody(body, 'someone-else'), 'x-shopify-event-id': 'evt-u' })).status).toBe(401);
    expect((await deliver(body, { 'x-shopify-hmac-sha256': signWebhookBody(body, secret) }, '00000000-0000-4000-8000-000000000000')).status).toBe(401);
    expect((await deliver(body, { 'x-shopify-hmac-sha256': signWebhookBody(body, secret) }, 'not-a-tenant')).status).toBe(401);
    expect(await events()).toEqual(before);
  });

  it('keeps accepting the previous secret during a rotation', async () => {
    await world.t.request('PUT', '/api/v1/connections/shopify', {
      as: { session: acme.session, tenantId: acme.tenantId },
      body: { shopDomain: 'acme.myshopify.com', authMode: 'admin_token', webhookSecret: 'whsec-acme-rotated-99', adminBaseUrl: `${world.shopify.url}/shops/acme.myshopify.com` },
    });
    const body = JSON.stringify({ id: 3001 });
    expect((await deliver(body, { 'x-shopify-hmac-sha256': signWebhookBody(body, secret), 'x-shopify-event-id': 'evt-old' })).status).toBe(200);
    expect((await deliver(body, { 'x-shopify-hmac-sha256': signWebhookBody(body, 'whsec-acme-rotated-99'), 'x-shopify-event-id': 'evt-new' })).status).toBe(200);
  });

  it('registered the order webhooks at the shop when the connection was saved', async () => {
    const response = await fetch(acme.shop.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-shopify-access-token': acme.shop.app.accessToken ?? '' },
      body: JSON.stringify({ query: '{ webhookSubscriptions(first: 10) { nodes { topic uri } } }' }),
    });
    const body = (await response.json()) as { data: { webhookSubscriptions: { nodes: Array<{ topic: string; uri: string }> } } };
    const uri = `https://ferry.example/api/v1/webhooks/shopify/${acme.tenantId}`;
    expect(body.data.webhookSubscriptions.nodes).toEqual(
      expect.arrayContaining([
        { topic: 'ORDERS_CREATE', uri },
        { topic: 'ORDERS_UPDATED', uri },
      ]),
    );
    const test = await world.t.owner.query(`select last_test from connections where tenant_id = $1 and kind = 'shopify'`, [acme.tenantId]);
    expect(test.rows[0].last_test.message).toContain('Order webhooks registered');
  });
});
