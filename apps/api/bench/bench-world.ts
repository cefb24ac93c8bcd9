import { NestExpressApplication } from '@nestjs/platform-express';
import { SESSION_COOKIE, TENANT_HEADER } from '@ferry/contracts';
import { DEMO_CREDENTIALS, demoSiteSeed, RunningCimcloudEmulator } from '@ferry/cimcloud-emulator';
import { RunningShopifyEmulator, ShopInfo, ShopPlan } from '@ferry/shopify-emulator';
import { Pool } from 'pg';
import { PasswordHasher } from '../src/core/auth/password-hasher';
import { FerryConfig } from '../src/core/config/ferry-config';
import { createHttpApp } from '../src/ferry-app';
import { benchConfig, benchMasterKeys, freePort, sleep } from './bench-kit';

/** Ferry's real HTTP app (the production wiring of createHttpApp) on a known port. */
export interface RunningFerry {
  app: NestExpressApplication;
  url: string;
  config: FerryConfig;
  request<T>(method: string, path: string, options?: { session?: string; tenantId?: string; body?: unknown }): Promise<{ status: number; body: T; headers: Headers }>;
  /** Closes the app; gives up after `timeoutMs` (a run blocked on the CIMcloud budget may never finish). */
  close(timeoutMs?: number): Promise<boolean>;
}

/**
 * Starts Ferry with role `all` (workers and the schedule tick run). The port is chosen
 * first so that FERRY_PUBLIC_URL can name it: saving a Shopify connection then registers
 * order webhooks that reach this very app.
 */
export async function startFerry(appDatabaseUrl: string, env: Record<string, string> = {}): Promise<RunningFerry> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const config = benchConfig({ FERRY_ROLE: 'all', FERRY_PUBLIC_URL: url, FERRY_ALLOW_CONNECTOR_BASE_URLS: 'true', ...env });
  const app = await createHttpApp(config, appDatabaseUrl, benchMasterKeys());
  await app.listen(port, '127.0.0.1');

  const request = async <T>(method: string, path: string, options: { session?: string; tenantId?: string; body?: unknown } = {}): Promise<{ status: number; body: T; headers: Headers }> => {
    const headers: Record<string, string> = {};
    if (options.session) headers['cookie'] = `${SESSION_COOKIE}=${options.session}`;
    if (options.tenantId) headers[TENANT_HEADER] = options.tenantId;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${url}${path}`, { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: (text ? JSON.parse(text) : null) as T };
  };

  return {
    app,
    url,
    config,
    request,
    async close(timeoutMs = 20_000) {
      const closed = app.close().then(() => true);
      return Promise.race([closed, sleep(timeoutMs).then(() => false)]);
    },
  };
}

export interface BenchTenant {
  tenantId: string;
  session: string;
  shop: ShopInfo;
  shopName: string;
  siteName: string;
  /** What saving the Shopify connection reported (it says whether webhooks were registered). */
  shopifyTestMessage: string;
}

const hasher = new PasswordHasher();

/**
 * A tenant with its own shop and CIMcloud site, connected through the API as a tenant admin
 * would (like testing/connected-tenant.ts). The Shopify connection carries the app's secret
 * as webhook secret: the emulator signs deliveries with it, as Shopify does for a custom app.
 */
export async function connectBenchTenant(
  ferry: RunningFerry,
  owner: Pool,
  emulators: { shopify: RunningShopifyEmulator; cimcloud: RunningCimcloudEmulator },
  slug: string,
  plan: ShopPlan = 'STANDARD',
): Promise<BenchTenant> {
  const { shopify, cimcloud } = emulators;
  const tenant = await owner.query<{ id: string }>('insert into tenants (name, slug) values ($1, $2) returning id', [slug, slug]);
  const tenantId = tenant.rows[0].id;
  const email = `admin@${slug}.test`;
  const password = 'bench-admin-password';
  const user = await owner.query<{ id: string }>('insert into users (email, display_name, password_hash) values ($1, $2, $3) returning id', [email, slug, await hasher.hash(password)]);
  await owner.query(`insert into memberships (tenant_id, user_id, role) values ($1, $2, 'tenant_admin')`, [tenantId, user.rows[0].id]);
  const login = await ferry.request('POST', '/api/v1/auth/login', { body: { email, password } });
  const cookie = login.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`));
  if (login.status !== 200 || !cookie) throw new Error(`login failed: ${login.status}`);
  const session = cookie.slice(SESSION_COOKIE.length + 1).split(';')[0];

  const shop = shopify.control.createShop({ shop: slug, name: slug, plan });
  shopify.control.addLocation(slug, { name: 'Main warehouse' });
  cimcloud.control.addSite(demoSiteSeed(slug));
  const as = { session, tenantId };
  const shopifySaved = await ferry.request<{ lastTest: { ok: boolean; message: string } }>('PUT', '/api/v1/connections/shopify', {
    ...as,
    body: {
      shopDomain: `${slug}.myshopify.com`,
      authMode: 'admin_token',
      accessToken: shop.app.accessToken,
      webhookSecret: shop.app.clientSecret,
      adminBaseUrl: `${shopify.url}/shops/${slug}.myshopify.com`,
    },
  });
  const cimcloudSaved = await ferry.request<{ lastTest: { ok: boolean } }>('PUT', '/api/v1/connections/cimcloud', {
    ...as,
    body: { siteName: slug, authUserName: DEMO_CREDENTIALS.userName, authKey: DEMO_CREDENTIALS.authKey, authPassword: DEMO_CREDENTIALS.password, baseUrl: cimcloud.url },
  });
  if (!shopifySaved.body.lastTest.ok || !cimcloudSaved.body.lastTest.ok) {
    throw new Error(`connecting ${slug} failed: ${JSON.stringify([shopifySaved.body, cimcloudSaved.body])}`);
  }
  const defaults = await ferry.request('PUT', '/api/v1/order-defaults', { ...as, body: { divisionNo: '01', customerNo: 'WEBSHOP', shipVia: 'UPS GROUND', warehouseCode: '000' } });
  if (defaults.status !== 200) throw new Error(`order defaults refused: ${defaults.status} ${JSON.stringify(defaults.body)}`);
  return { tenantId, session, shop, shopName: slug, siteName: slug, shopifyTestMessage: shopifySaved.body.lastTest.message };
}
