import { DEMO_CREDENTIALS, demoSiteSeed, RunningCimcloudEmulator, startCimcloudEmulator } from '@ferry/cimcloud-emulator';
import { RunningShopifyEmulator, ShopInfo, startShopifyEmulator } from '@ferry/shopify-emulator';
import { startTestApp, TestApp } from './test-app';

export interface ConnectedWorld {
  t: TestApp;
  shopify: RunningShopifyEmulator;
  cimcloud: RunningCimcloudEmulator;
  close(): Promise<void>;
}

export interface ConnectedTenant {
  tenantId: string;
  session: string;
  shop: ShopInfo;
  shopName: string;
  siteName: string;
}

/** The API with both emulators running; base URL overrides allowed (they are local). */
export async function startConnectedWorld(env: Record<string, string> = {}): Promise<ConnectedWorld> {
  const [shopify, cimcloud] = await Promise.all([startShopifyEmulator({ timeScale: 1000 }), startCimcloudEmulator({ rateLimits: null })]);
  const t = await startTestApp({ FERRY_ALLOW_CONNECTOR_BASE_URLS: 'true', ORDERS_IMPORT_CHECK_SECONDS: '0', ...env });
  return {
    t,
    shopify,
    cimcloud,
    async close() {
      await t.close();
      await Promise.all([shopify.close(), cimcloud.close()]);
    },
  };
}

/**
 * A tenant with its own shop and CIMcloud site (the demo's Sage 100 master data), both
 * connected through the API as a tenant admin would, and that admin's session.
 */
export async function connectTenant(world: ConnectedWorld, name: string): Promise<ConnectedTenant> {
  const { t, shopify, cimcloud } = world;
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  const tenantId = await t.seedTenant(name);
  await t.seedUser(`admin@${slug}.test`, 'tenant-admin-password', { memberOf: [[tenantId, 'tenant_admin']] });
  const session = await t.login(`admin@${slug}.test`, 'tenant-admin-password');
  const shop = shopify.control.createShop({ shop: slug, name });
  cimcloud.control.addSite(demoSiteSeed(slug));
  const as = { session, tenantId };
  const shopifySaved = await t.request<{ lastTest: { ok: boolean } }>('PUT', '/api/v1/connections/shopify', {
    as,
    body: { shopDomain: `${slug}.myshopify.com`, authMode: 'admin_token', accessToken: shop.app.accessToken, adminBaseUrl: `${shopify.url}/shops/${slug}.myshopify.com` },
  });
  const cimcloudSaved = await t.request<{ lastTest: { ok: boolean } }>('PUT', '/api/v1/connections/cimcloud', {
    as,
    body: { siteName: slug, authUserName: DEMO_CREDENTIALS.userName, authKey: DEMO_CREDENTIALS.authKey, authPassword: DEMO_CREDENTIALS.password, baseUrl: cimcloud.url },
  });
  if (!shopifySaved.body.lastTest.ok || !cimcloudSaved.body.lastTest.ok) {
    throw new Error(`connecting ${name} failed: ${JSON.stringify([shopifySaved.body, cimcloudSaved.body])}`);
  }
  return { tenantId, session, shop, shopName: slug, siteName: slug };
}
