import '@shopify/shopify-api/adapters/node';
import { ApiVersion, LogSeverity, shopifyApi } from '@shopify/shopify-api';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { RunningShopifyEmulator, startShopifyEmulator } from '../index';
import { adminClient, pick } from '../testing/admin-client';

interface Verdict {
  valid: boolean;
  topic?: string;
  domain?: string;
  reason?: string;
}

/**
 * Fidelity: webhook deliveries of the emulator pass the official library's own check
 * (`shopify.webhooks.validate`, HMAC over the raw body with the app secret) — and fail it
 * once the body is touched.
 */
describe('fidelity with @shopify/shopify-api webhook validation', () => {
  let emu: RunningShopifyEmulator;
  let server: Server;
  let url: string;
  const verdicts: Verdict[] = [];
  let secret = '';
  let tamper = false;

  beforeAll(async () => {
    emu = await startShopifyEmulator({ timeScale: 60_000, seed: 3 });
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', async () => {
        const rawBody = Buffer.concat(chunks).toString('utf8');
        const shopify = shopifyApi({
          apiKey: 'fidelity',
          apiSecretKey: secret,
          // v13 (the last line for Node 20) knows versions up to 2026-07; webhook validation does not depend on it.
          apiVersion: ApiVersion.July26,
          hostName: 'ferry.example',
          isEmbeddedApp: false,
          logger: { level: LogSeverity.Error, log: async () => undefined },
        });
        const result = await shopify.webhooks.validate({ rawBody: tamper ? rawBody.replace('"id":', '"id": ') : rawBody, rawRequest: req, rawResponse: res });
        verdicts.push(result.valid ? { valid: true, topic: result.topic, domain: result.domain } : { valid: false, reason: result.reason });
        res.writeHead(200).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await emu.close();
  });

  it('accepts a genuine delivery and rejects a tampered one', async () => {
    const shop = emu.control.createShop({ shop: 'validate' });
    secret = shop.app.clientSecret;
    emu.control.addLocation('validate', { name: 'Main' });
    const call = adminClient(shop.graphqlUrl, shop.app.accessToken ?? '');
    const created = await call(
      `mutation($uri: String!) { webhookSubscriptionCreate(topic: ORDERS_CREATE, webhookSubscription: { uri: $uri, format: JSON }) { userErrors { message } } }`,
      { uri: url },
    );
    expect(pick(created.json.data, 'webhookSubscriptionCreate.userErrors')).toEqual([]);

    emu.control.createOrder('validate', { lineItems: [{ title: 'Thing', sku: 'T-1', quantity: 1, price: '2.00' }] });
    await emu.control.settleWebhooks();
    expect(verdicts).toEqual([{ valid: true, topic: 'ORDERS_CREATE', domain: 'validate.myshopify.com' }]);

    tamper = true;
    emu.control.createOrder('validate', { lineItems: [{ title: 'Thing', sku: 'T-1', quantity: 1, price: '2.00' }] });
    await emu.control.settleWebhooks();
    expect(verdicts[1]).toEqual({ valid: false, reason: 'invalid_hmac' });
  });
});
