import { createAdminApiClient } from '@shopify/admin-api-client';
import { RunningShopifyEmulator, startShopifyEmulator } from '../index';

/**
 * Fidelity: Shopify's official client talks to the emulator unchanged; only the
 * transport is redirected (it forces https://{shop}.myshopify.com).
 */
describe('fidelity with @shopify/admin-api-client', () => {
  let emu: RunningShopifyEmulator;
  let token: string;

  beforeAll(async () => {
    emu = await startShopifyEmulator({ timeScale: 50 });
    token = emu.control.createShop({ shop: 'fidelity' }).app.accessToken ?? '';
    emu.control.generateOrders('fidelity', { count: 30, seed: 4 });
  });
  afterAll(() => emu.close());

  function client(accessToken = token, retries = 0) {
    return createAdminApiClient({
      storeDomain: 'fidelity.myshopify.com',
      apiVersion: '2026-10',
      accessToken,
      retries,
      customFetchApi: (url, init) =>
        fetch(
          String(url).replace(
            'https://fidelity.myshopify.com',
            `${emu.url}/shops/fidelity.myshopify.com`,
          ),
          init,
        ),
    });
  }

  it('reads pages of orders with cost extensions', async () => {
    const query = `query Orders($after: String) { orders(first: 10, after: $after, sortKey: UPDATED_AT) {
      nodes { id name updatedAt totalPriceSet { shopMoney { amount currencyCode } } }
      pageInfo { hasNextPage endCursor } } }`;
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const res: {
        data?: {
          orders: {
            nodes: { id: string }[];
            pageInfo: { hasNextPage: boolean; endCursor: string };
          };
        };
        extensions?: Record<string, unknown>;
      } = await client().request(query, { variables: { after } });
      expect(res.extensions?.['cost']).toMatchObject({
        requestedQueryCost: 2 + 10 * 3,
      });
      const orders = res.data?.orders;
      seen.push(...(orders?.nodes.map((n) => n.id) ?? []));
      if (!orders?.pageInfo.hasNextPage) break;
      after = orders.pageInfo.endCursor;
    }
    expect(new Set(seen).size).toBe(30);
  });

  it('surfaces THROTTLED as a GraphQL error on HTTP 200 (the client does not retry it)', async () => {
    const official = client(token, 2);
    // A fresh keep-alive socket first: a request racing the server's idle-socket close fails
    // at the network level, which the client rightly retries — not what this test is about.
    await official.request('{ shop { name } }');
    emu.control.addFault({ kind: 'throttle', shop: 'fidelity' });
    const res = await official.request('{ shop { name } }');
    expect(res.data).toBeUndefined();
    expect(res.errors?.graphQLErrors?.[0]?.extensions?.['code']).toBe(
      'THROTTLED',
    );
    expect(res.errors?.networkStatusCode).toBe(200);
  });

  it('sees a 401 for a bad token', async () => {
    const res = await client('shpat_bad').request('{ shop { name } }');
    expect(res.errors?.networkStatusCode).toBe(401);
  });

  it('retries a 503 by itself', async () => {
    emu.control.addFault({ kind: 'status', status: 503, shop: 'fidelity' });
    const res = await client(token, 1).request('{ shop { myshopifyDomain } }');
    expect(res.data).toEqual({
      shop: { myshopifyDomain: 'fidelity.myshopify.com' },
    });
  });
});
