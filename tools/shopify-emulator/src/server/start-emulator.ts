import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import {
  CLIENT_CREDENTIALS_TTL_SECONDS,
  TokenRegistry,
} from '../auth/token-registry';
import { BulkOperations } from '../bulk/bulk-operations';
import { EmulatorClock } from '../clock/emulator-clock';
import {
  EmulatorControl,
  normalizeShopDomain,
} from '../control/emulator-control';
import { FaultInjector } from '../faults/fault-injector';
import { SeededRandom } from '../store/seeded-random';
import {
  DEFAULT_WEBHOOK_OPTIONS,
  WebhookDispatcher,
  WebhookOptions,
} from '../webhooks/webhook-dispatcher';
import { handleAccessToken, handleGraphql } from './admin-routes';
import { handleControl } from './control-routes';
import { sendJson } from './http-io';

export interface ShopifyEmulatorOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  host?: string;
  /**
   * Speed-up of durations: bucket refill, webhook retry backoff, bulk run time.
   * 10 means a Standard-plan bucket refills 1000 points per real second.
   */
  timeScale?: number;
  /** Seed for chaos decisions (webhook duplicates). */
  seed?: number;
  webhooks?: Partial<WebhookOptions>;
  /** Lifetime of client-credentials tokens (Shopify: 86399). */
  clientCredentialsTtlSeconds?: number;
  /** Emulated time a bulk operation takes. */
  bulkRunDurationMs?: number;
}

export interface RunningShopifyEmulator {
  /** Base URL, e.g. http://127.0.0.1:54321 */
  url: string;
  port: number;
  control: EmulatorControl;
  close(): Promise<void>;
}

const SHOP_PATH = /^\/shops\/([^/]+)(\/admin\/.*)$/;
const GRAPHQL_PATH = /^\/admin\/api\/([^/]+)\/graphql\.json$/;

/** The shop named by a /shops/{shop} prefix, else by a {shop}.myshopify.com Host header. */
function shopFromRequest(
  path: string,
  host: string | undefined,
): { shop: string | null; adminPath: string } {
  const prefixed = SHOP_PATH.exec(path);
  if (prefixed)
    return {
      shop: normalizeShopDomain(decodeURIComponent(prefixed[1] ?? '')),
      adminPath: prefixed[2] ?? '',
    };
  const hostname = (host ?? '').split(':')[0]?.toLowerCase() ?? '';
  return {
    shop: hostname.endsWith('.myshopify.com') ? hostname : null,
    adminPath: path,
  };
}

/** Starts an emulator in this process. */
export async function startShopifyEmulator(
  options: ShopifyEmulatorOptions = {},
): Promise<RunningShopifyEmulator> {
  const clock = new EmulatorClock(options.timeScale ?? 1);
  let nextId = 1_000_000;
  const ids = { next: () => ++nextId };
  let baseUrl = '';
  const tokens = new TokenRegistry();
  const faults = new FaultInjector();
  const bulk = new BulkOperations(
    ids,
    clock,
    () => baseUrl,
    options.bulkRunDurationMs ?? 2000,
  );
  let control: EmulatorControl | null = null;
  const webhooks = new WebhookDispatcher(
    { ...DEFAULT_WEBHOOK_OPTIONS, ...options.webhooks },
    clock,
    new SeededRandom(options.seed ?? 7),
    (shop, appId) => control?.appSecret(shop, appId) ?? null,
  );
  control = new EmulatorControl({
    clock,
    ids,
    tokens,
    faults,
    webhooks,
    bulk,
    baseUrl: () => baseUrl,
  });
  const ctl = control;
  const adminDeps = {
    clock,
    tokens,
    faults,
    bulk,
    clientCredentialsTtlSeconds:
      options.clientCredentialsTtlSeconds ?? CLIENT_CREDENTIALS_TTL_SECONDS,
  };

  async function route(
    req: IncomingMessage,
    res: ServerResponse,
  ): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://emulator').pathname;
    if (path.startsWith('/_emulator/')) {
      if (await handleControl(ctl, bulk, path, req, res)) return;
      return sendJson(res, 404, { errors: 'Not Found' });
    }
    const { shop, adminPath } = shopFromRequest(path, req.headers.host);
    const runtime = shop ? ctl.runtime(shop) : undefined;
    if (!runtime) return sendJson(res, 404, { errors: 'Not Found' });
    const graphql = GRAPHQL_PATH.exec(adminPath);
    if (graphql)
      return handleGraphql(adminDeps, runtime, graphql[1] ?? '', req, res);
    if (adminPath === '/admin/oauth/access_token')
      return handleAccessToken(adminDeps, runtime, req, res);
    return sendJson(res, 404, { errors: 'Not Found' });
  }

  const server = createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      console.error('shopify-emulator: request failed', error);
      if (!res.headersSent)
        sendJson(res, 500, { errors: 'Internal Server Error' });
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () =>
      resolve(),
    );
  });
  const address = server.address() as AddressInfo;
  const host =
    options.host && options.host !== '0.0.0.0' ? options.host : '127.0.0.1';
  baseUrl = `http://${host}:${address.port}`;
  return {
    url: baseUrl,
    port: address.port,
    control: ctl,
    close: async () => {
      webhooks.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
