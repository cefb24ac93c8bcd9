import { IncomingMessage, ServerResponse } from 'node:http';
import {
  CLIENT_CREDENTIALS_TTL_SECONDS,
  TokenRegistry,
} from '../auth/token-registry';
import { BulkOperations } from '../bulk/bulk-operations';
import { EmulatorClock } from '../clock/emulator-clock';
import { ShopRuntime } from '../control/shop-runtime';
import { FaultInjector } from '../faults/fault-injector';
import {
  executeAdminRequest,
  GraphQLRequestBody,
} from '../graphql/admin-request';
import { resolveApiVersion } from '../versions/api-versions';
import { parseJsonObject, readBody, sendJson } from './http-io';

const INVALID_TOKEN =
  '[API] Invalid API key or access token (unrecognized login or wrong password)';

export interface AdminRouteDeps {
  clock: EmulatorClock;
  tokens: TokenRegistry;
  faults: FaultInjector;
  bulk: BulkOperations;
  clientCredentialsTtlSeconds: number;
}

const STATUS_TEXT: Record<number, string> = {
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
  429: 'Too Many Requests',
};

/**
 * Applies injected faults. Returns true when the request was consumed by a fault
 * (answered or its connection reset); latency just delays.
 */
async function applyFaults(
  deps: AdminRouteDeps,
  shopDomain: string,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<{
  consumed: boolean;
  forceThrottle: boolean;
  loseResponse: boolean;
}> {
  const plan = deps.faults.take(shopDomain);
  if (plan.latencyMs > 0)
    await new Promise((resolve) => setTimeout(resolve, plan.latencyMs));
  const fault = plan.terminal;
  if (!fault)
    return { consumed: false, forceThrottle: false, loseResponse: false };
  switch (fault.kind) {
    case 'reset':
      req.socket.destroy();
      return { consumed: true, forceThrottle: false, loseResponse: false };
    case 'status': {
      const headers: Record<string, string> =
        fault.status === 429 ? { 'Retry-After': '1' } : {};
      sendJson(
        res,
        fault.status,
        { errors: STATUS_TEXT[fault.status] ?? 'Error' },
        headers,
      );
      return { consumed: true, forceThrottle: false, loseResponse: false };
    }
    case 'throttle':
      return { consumed: false, forceThrottle: true, loseResponse: false };
    case 'lostResponse':
      return { consumed: false, forceThrottle: false, loseResponse: true };
  }
}

/** POST /admin/api/{version}/graphql.json for one shop. */
export async function handleGraphql(
  deps: AdminRouteDeps,
  runtime: ShopRuntime,
  requestedVersion: string,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const faults = await applyFaults(deps, runtime.store.domain, req, res);
  if (faults.consumed) return;
  const version = resolveApiVersion(requestedVersion);
  if (!version) return sendJson(res, 404, { errors: 'Not Found' });
  if (req.method !== 'POST')
    return sendJson(res, 405, { errors: 'Method Not Allowed' });
  const headers: Record<string, string> = { 'X-Shopify-API-Version': version };
  if (version !== requestedVersion) {
    headers['X-Shopify-API-Deprecated-Reason'] =
      `API version ${requestedVersion} is unsupported; ${version} was used instead.`;
  }
  const tokenHeader = req.headers['x-shopify-access-token'];
  const token = Array.isArray(tokenHeader) ? tokenHeader[0] : tokenHeader;
  const grant = token ? deps.tokens.resolve(token, deps.clock.now()) : null;
  const app =
    grant && grant.shopDomain === runtime.store.domain
      ? runtime.store.apps.get(grant.appId)
      : undefined;
  if (!app) return sendJson(res, 401, { errors: INVALID_TOKEN }, headers);

  const raw = await readBody(req);
  const contentType = String(req.headers['content-type'] ?? '');
  let body: GraphQLRequestBody | null;
  if (contentType.startsWith('application/graphql')) body = { query: raw };
  else body = parseJsonObject(raw);
  if (!body)
    return sendJson(
      res,
      400,
      { errors: { query: 'Required parameter missing or invalid' } },
      headers,
    );

  const response = await executeAdminRequest({
    ctx: {
      store: runtime.store,
      app,
      apiVersion: version,
      bulk: false,
      idempotency: runtime.idempotency,
      bulkOperations: deps.bulk,
    },
    bucket: runtime.bucketFor(app.id),
    clock: deps.clock,
    body,
    throttleMode: runtime.throttleMode,
    forceThrottle: faults.forceThrottle,
  });
  // The request took effect but the client never hears back (a lost response).
  if (faults.loseResponse) {
    req.socket.destroy();
    return;
  }
  sendJson(res, response.status, response.body, {
    ...headers,
    ...response.headers,
  });
}

/** POST /admin/oauth/access_token with grant_type=client_credentials. */
export async function handleAccessToken(
  deps: AdminRouteDeps,
  runtime: ShopRuntime,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const faults = await applyFaults(deps, runtime.store.domain, req, res);
  if (faults.consumed) return;
  if (req.method !== 'POST')
    return sendJson(res, 405, { errors: 'Method Not Allowed' });
  const raw = await readBody(req);
  const contentType = String(req.headers['content-type'] ?? '');
  const params = new Map<string, string>();
  if (contentType.includes('application/json')) {
    for (const [k, v] of Object.entries(parseJsonObject(raw) ?? {}))
      if (typeof v === 'string') params.set(k, v);
  } else {
    for (const [k, v] of new URLSearchParams(raw)) params.set(k, v);
  }
  if (params.get('grant_type') !== 'client_credentials') {
    return sendJson(res, 400, {
      error: 'unsupported_grant_type',
      error_description: 'Only client_credentials is supported here.',
    });
  }
  const app = [...runtime.store.apps.values()].find(
    (a) => a.clientId === params.get('client_id'),
  );
  if (!app || app.clientSecret !== params.get('client_secret')) {
    return sendJson(res, 401, {
      error: 'invalid_client',
      error_description: 'Client authentication failed.',
    });
  }
  const ttl =
    deps.clientCredentialsTtlSeconds ?? CLIENT_CREDENTIALS_TTL_SECONDS;
  const token = deps.tokens.issueExpiring(
    runtime.store.domain,
    app.id,
    deps.clock.now(),
    ttl,
  );
  sendJson(res, 200, {
    access_token: token,
    scope: app.scopes.join(','),
    expires_in: ttl,
  });
}
