import { createHmac } from 'node:crypto';
import { createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { startHarness } from '../../testing/emulator-harness';
import { registerWebhook } from './webhook-registration';
import { verifyShopifyWebhook } from './webhook-verification';

const sign = (body: string, secret: string): string =>
  createHmac('sha256', secret).update(body).digest('base64');

describe('verifyShopifyWebhook', () => {
  const body = '{"id":1,"name":"#1001"}';
  const headers = (signature: string) => ({
    'X-Shopify-Hmac-Sha256': signature,
    'X-Shopify-Topic': 'orders/create',
    'X-Shopify-Shop-Domain': 'acme.myshopify.com',
    'X-Shopify-Webhook-Id': 'w-1',
    'X-Shopify-Event-Id': 'e-1',
    'X-Shopify-Triggered-At': '2026-11-27T00:00:00Z',
    'X-Shopify-API-Version': '2026-10',
  });

  it('accepts a valid signature and reads the headers', () => {
    expect(
      verifyShopifyWebhook(Buffer.from(body), headers(sign(body, 'new')), [
        'new',
      ]),
    ).toEqual({
      valid: true,
      webhook: {
        topic: 'orders/create',
        shopDomain: 'acme.myshopify.com',
        apiVersion: '2026-10',
        webhookId: 'w-1',
        eventId: 'e-1',
        triggeredAt: '2026-11-27T00:00:00Z',
      },
    });
  });

  it('rejects a tampered body, a wrong-length signature and an unknown secret', () => {
    expect(
      verifyShopifyWebhook(
        body.replace('1001', '1002'),
        headers(sign(body, 's')),
        ['s'],
      ),
    ).toEqual({ valid: false, reason: 'signature mismatch' });
    expect(
      verifyShopifyWebhook(
        body,
        headers(Buffer.from('short').toString('base64')),
        ['s'],
      ),
    ).toEqual({ valid: false, reason: 'malformed signature' });
    expect(
      verifyShopifyWebhook(body, headers(sign(body, 'other')), ['s']),
    ).toMatchObject({ valid: false });
    expect(verifyShopifyWebhook(body, {}, ['s'])).toEqual({
      valid: false,
      reason: 'missing signature',
    });
  });

  it('accepts the old secret during a rotation', () => {
    expect(
      verifyShopifyWebhook(body, headers(sign(body, 'old')), ['new', 'old'])
        .valid,
    ).toBe(true);
  });

  it('verifies a real delivery from the emulator after registering', async () => {
    const h = await startHarness(1000);
    const received: {
      body: Buffer;
      headers: Record<string, string | string[] | undefined>;
    }[] = [];
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        received.push({ body: Buffer.concat(chunks), headers: req.headers });
        res.writeHead(200).end();
      });
    });
    await new Promise<void>((resolve) =>
      server.listen(0, '127.0.0.1', resolve),
    );
    const uri = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
    const shop = await h.shop('hooked');
    const client = h.client(shop);
    const id = await registerWebhook(client, 'ORDERS_CREATE', uri);
    expect(await registerWebhook(client, 'ORDERS_CREATE', uri)).toBe(id);
    await h.emulator.generateOrders('hooked', { count: 1 });
    await h.emulator.settleWebhooks();
    const [hit] = received;
    const result = verifyShopifyWebhook(
      hit?.body ?? Buffer.alloc(0),
      hit?.headers ?? {},
      [shop.app.clientSecret],
    );
    expect(result).toMatchObject({
      valid: true,
      webhook: { topic: 'orders/create', shopDomain: 'hooked.myshopify.com' },
    });
    await new Promise((r) => server.close(r));
    await h.close();
  });
});
