import {
  countingFetch,
  Harness,
  startHarness,
} from '../../testing/emulator-harness';
import { testConnection } from '../operations/test-connection';
import {
  ShopifyAuthError,
  ShopifyConfigError,
  ShopifyQueryError,
  ShopifyScopeError,
} from './shopify-errors';
import { ShopifyGraphqlClient } from './shopify-graphql-client';

describe('ShopifyGraphqlClient against the emulator', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness(10, { clientCredentialsTtlSeconds: 600 });
  });
  afterEach(() => h.emulator.clearFaults());
  afterAll(() => h.close());

  it('tests the connection and explains missing scopes', async () => {
    const shop = await h.shop('conn');
    const limited = await h.emulator.installApp('conn', {
      scopes: ['read_orders', 'write_inventory'],
    });
    const full = await testConnection(h.client(shop));
    expect(full).toMatchObject({
      shopDomain: 'conn.myshopify.com',
      plan: 'Shopify',
      currencyCode: 'USD',
      missingScopes: [],
    });
    const partial = await testConnection(
      h.client(shop, {
        credentials: { kind: 'static', accessToken: limited.accessToken ?? '' },
      }),
    );
    const missing = partial.missingScopes.map((m) => m.scope);
    expect(missing).toContain('read_customers');
    expect(missing).not.toContain('read_inventory'); // implied by write_inventory
    expect(partial.missingScopes.every((m) => m.consequence.length > 10)).toBe(
      true,
    );
  });

  it('classifies auth, scope, config and query failures', async () => {
    const shop = await h.shop('errors');
    await expect(
      h
        .client(shop, {
          credentials: { kind: 'static', accessToken: 'shpat_wrong' },
        })
        .request('{ shop { name } }'),
    ).rejects.toBeInstanceOf(ShopifyAuthError);
    const noOrders = await h.emulator.installApp('errors', {
      scopes: ['read_products'],
    });
    await expect(
      h
        .client(shop, {
          credentials: {
            kind: 'static',
            accessToken: noOrders.accessToken ?? '',
          },
        })
        .request('{ orders(first: 1) { nodes { id } } }'),
    ).rejects.toBeInstanceOf(ShopifyScopeError);
    await expect(
      h.client(shop, { apiVersion: '2031-01' }).request('{ shop { name } }'),
    ).rejects.toBeInstanceOf(ShopifyConfigError);
    await expect(
      h
        .client(shop)
        .request(
          '{ orders(first: 250) { nodes { lineItems(first: 50) { nodes { id } } } } }',
        ),
    ).rejects.toMatchObject({
      constructor: ShopifyQueryError,
      code: 'MAX_COST_EXCEEDED',
    });
  });

  it('recovers from 5xx, connection resets, 429 and 200-THROTTLED', async () => {
    const shop = await h.shop('flaky');
    const client = h.client(shop, { maxAttempts: 8 });
    await h.emulator.addFault({ kind: 'status', status: 503, shop: 'flaky' });
    await h.emulator.addFault({ kind: 'reset', shop: 'flaky' });
    await h.emulator.addFault({ kind: 'status', status: 500, shop: 'flaky' });
    await h.emulator.addFault({ kind: 'status', status: 429, shop: 'flaky' });
    await h.emulator.addFault({ kind: 'throttle', shop: 'flaky' });
    const data = await client.request<{ shop: { name: string } }>(
      '{ shop { name } }',
    );
    expect(data.shop.name).toBe('flaky');
    expect(client.stats).toMatchObject({ retries: 5, throttledResponses: 2 });
  });

  it('does not repeat an unsafe request after a lost response', async () => {
    const shop = await h.shop('unsafe');
    await h.emulator.addFault({ kind: 'lostResponse', shop: 'unsafe' });
    await expect(
      h.client(shop).request('{ shop { name } }', {}, { retryUnsafe: false }),
    ).rejects.toMatchObject({ kind: 'unavailable', ambiguous: true });
  });

  it('gets client-credentials tokens and refreshes them before they expire', async () => {
    const shop = await h.shop('cc');
    const app = await h.emulator.installApp('cc', { staticToken: false });
    const counts = new Map<string, number>();
    const client: ShopifyGraphqlClient = h.client(shop, {
      credentials: {
        kind: 'clientCredentials',
        clientId: app.clientId,
        clientSecret: app.clientSecret,
      },
      fetch: countingFetch(counts, '/oauth/access_token'),
    });
    await client.request('{ shop { name } }');
    await client.request('{ shop { name } }');
    expect(counts.get('/oauth/access_token')).toBe(1);
    // 600 s tokens are refreshed 60 s early: at +550 s a new one is fetched.
    h.clock.advance(550_000);
    await client.request('{ shop { name } }');
    expect(counts.get('/oauth/access_token')).toBe(2);
  });

  it('fetches a new client-credentials token after a 401', async () => {
    const shop = await h.shop('cc401');
    const app = await h.emulator.installApp('cc401', { staticToken: false });
    const counts = new Map<string, number>();
    let issued = '';
    const client = h.client(shop, {
      credentials: {
        kind: 'clientCredentials',
        clientId: app.clientId,
        clientSecret: app.clientSecret,
      },
      fetch: countingFetch(
        counts,
        '/oauth/access_token',
        async (input, init) => {
          const response = await fetch(input, init);
          if (input.includes('/oauth/'))
            issued = (
              (await response.clone().json()) as { access_token: string }
            ).access_token;
          return response;
        },
      ),
    });
    await client.request('{ shop { name } }');
    await h.emulator.expireToken(issued);
    await client.request('{ shop { name } }');
    expect(counts.get('/oauth/access_token')).toBe(2);
  });
});
