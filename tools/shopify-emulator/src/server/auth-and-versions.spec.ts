import { request as httpRequest } from 'node:http';
import { RunningShopifyEmulator, startShopifyEmulator } from '../index';
import { ShopInfo } from '../control/control-types';
import { adminClient, pick } from '../testing/admin-client';

describe('endpoint, versions and authentication', () => {
  let emu: RunningShopifyEmulator;
  let shop: ShopInfo;

  beforeAll(async () => {
    emu = await startShopifyEmulator({ clientCredentialsTtlSeconds: 3600 });
    shop = emu.control.createShop({ shop: 'auth-shop' });
  });
  afterAll(() => emu.close());

  const url = (version: string): string =>
    `${emu.url}/shops/auth-shop.myshopify.com/admin/api/${version}/graphql.json`;

  it('serves the pinned version with a static shpat_ token', async () => {
    expect(shop.app.accessToken).toMatch(/^shpat_[0-9a-f]{32}$/);
    const res = await adminClient(
      shop.graphqlUrl,
      shop.app.accessToken ?? '',
    )('{ shop { myshopifyDomain } }');
    expect(res.status).toBe(200);
    expect(res.headers.get('x-shopify-api-version')).toBe('2026-10');
    expect(pick(res.json.data, 'shop.myshopifyDomain')).toBe(
      'auth-shop.myshopify.com',
    );
  });

  it('answers 401 with Shopify’s body for a bad or missing token', async () => {
    const bad = await adminClient(
      shop.graphqlUrl,
      'shpat_nope',
    )('{ shop { name } }');
    expect(bad.status).toBe(401);
    expect(bad.json).toEqual({
      errors:
        '[API] Invalid API key or access token (unrecognized login or wrong password)',
    });
    const missing = await fetch(shop.graphqlUrl, {
      method: 'POST',
      body: '{"query":"{ shop { name } }"}',
    });
    expect(missing.status).toBe(401);
  });

  it('rejects a token of another shop', async () => {
    const other = emu.control.createShop({ shop: 'other-shop' });
    const res = await adminClient(
      shop.graphqlUrl,
      other.app.accessToken ?? '',
    )('{ shop { name } }');
    expect(res.status).toBe(401);
  });

  it('falls forward from an unsupported old version to the oldest supported one', async () => {
    const res = await adminClient(
      url('2024-01'),
      shop.app.accessToken ?? '',
    )('{ shop { name } }');
    expect(res.status).toBe(200);
    expect(res.headers.get('x-shopify-api-version')).toBe('2026-01');
  });

  it.each(['2026-05', '2031-01', 'latest', '2026-13'])(
    'answers 404 for a version that does not exist: %s',
    async (version) => {
      const res = await fetch(url(version), {
        method: 'POST',
        headers: {
          'X-Shopify-Access-Token': shop.app.accessToken ?? '',
          'Content-Type': 'application/json',
        },
        body: '{"query":"{ shop { name } }"}',
      });
      expect(res.status).toBe(404);
    },
  );

  it('serves the release candidate and unstable', async () => {
    for (const version of ['2027-01', 'unstable']) {
      const res = await adminClient(
        url(version),
        shop.app.accessToken ?? '',
      )('{ shop { name } }');
      expect(res.headers.get('x-shopify-api-version')).toBe(version);
    }
  });

  it('routes by the {shop}.myshopify.com Host header as on real Shopify', async () => {
    const body = JSON.stringify({ query: '{ shop { myshopifyDomain } }' });
    const result = await new Promise<{ status: number; text: string }>(
      (resolve, reject) => {
        const req = httpRequest(
          `${emu.url}/admin/api/2026-10/graphql.json`,
          {
            method: 'POST',
            headers: {
              Host: 'auth-shop.myshopify.com',
              'Content-Type': 'application/json',
              'X-Shopify-Access-Token': shop.app.accessToken ?? '',
            },
          },
          (res) => {
            let text = '';
            res.on('data', (c: Buffer) => (text += c.toString()));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
          },
        );
        req.on('error', reject);
        req.end(body);
      },
    );
    expect(result.status).toBe(200);
    expect(JSON.parse(result.text).data.shop.myshopifyDomain).toBe(
      'auth-shop.myshopify.com',
    );
  });

  it('answers 404 for an unknown shop', async () => {
    const res = await fetch(
      `${emu.url}/shops/nobody/admin/api/2026-10/graphql.json`,
      { method: 'POST' },
    );
    expect(res.status).toBe(404);
  });

  it('issues expiring tokens with the client-credentials grant', async () => {
    const app = emu.control.installApp('auth-shop', {
      title: 'Dev Dashboard app',
      staticToken: false,
      scopes: ['read_orders'],
    });
    expect(app.accessToken).toBeNull();
    const res = await fetch(shop.tokenUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: app.clientId,
        client_secret: app.clientSecret,
      }).toString(),
    });
    expect(res.status).toBe(200);
    const token = (await res.json()) as {
      access_token: string;
      scope: string;
      expires_in: number;
    };
    expect(token).toEqual({
      access_token: expect.stringMatching(/^shpat_/),
      scope: 'read_orders',
      expires_in: 3600,
    });
    const call = adminClient(shop.graphqlUrl, token.access_token);
    expect((await call('{ shop { name } }')).status).toBe(200);
    emu.control.advanceClock(3601 * 1000);
    expect((await call('{ shop { name } }')).status).toBe(401);
  });

  it('refuses the grant with a wrong secret', async () => {
    const res = await fetch(shop.tokenUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        grant_type: 'client_credentials',
        client_id: shop.app.clientId,
        client_secret: 'wrong',
      }),
    });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: 'invalid_client' });
  });

  it('reports granted scopes and enforces them per field', async () => {
    const limited = emu.control.installApp('auth-shop', {
      scopes: ['read_products'],
    });
    const call = adminClient(shop.graphqlUrl, limited.accessToken ?? '');
    const scopes = await call(
      '{ currentAppInstallation { accessScopes { handle } } }',
    );
    expect(
      pick(scopes.json.data, 'currentAppInstallation.accessScopes'),
    ).toEqual([{ handle: 'read_products' }]);
    const denied = await call('{ orders(first: 1) { nodes { id } } }');
    expect(denied.status).toBe(200);
    expect(denied.json.errors?.[0]).toMatchObject({
      message:
        'Access denied for orders field. Required access: `read_orders` access scope.',
      extensions: { code: 'ACCESS_DENIED' },
      path: ['orders'],
    });
  });

  it('revokes tokens when the app is uninstalled', async () => {
    const app = emu.control.installApp('auth-shop', {});
    const call = adminClient(shop.graphqlUrl, app.accessToken ?? '');
    expect((await call('{ shop { name } }')).status).toBe(200);
    emu.control.uninstallApp('auth-shop', app.appId);
    expect((await call('{ shop { name } }')).status).toBe(401);
  });
});
