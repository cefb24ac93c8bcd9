import type { IncomingMessage, ServerResponse } from 'node:http';
import { UNAUTHORIZED_MESSAGE } from '../auth/token-service';
import type { EmulatorContext } from '../core/emulator-context';
import { HttpError, errorBody } from '../http/http-error';
import { readJsonBody } from '../http/read-json-body';
import { sendJson } from '../http/send-json';
import type { SiteState } from '../sites/site-state';
import { isReadableResource, readResource } from './read-resource';

/** ASSUMED 429 body; CIMcloud documents the status and X-RateLimit-* headers only. */
const RATE_LIMITED = errorBody('API rate limit exceeded: 2 calls per second or 100 calls per 15 minutes.');

function methodNotAllowed(method: string): HttpError {
  return new HttpError(405, errorBody(`The requested resource does not support http method '${method}'.`));
}

function requireMethod(req: IncomingMessage, method: string): void {
  if (req.method !== method) throw methodNotAllowed(req.method ?? '');
}

/** Charges one call to the authorization's budget or throws 429 with the limit headers. */
function charge(ctx: EmulatorContext, site: SiteState, authId: string, res: ServerResponse): void {
  const decision = ctx.limiter.check(`${site.name}|${authId}`);
  if (!decision.allowed) throw new HttpError(429, RATE_LIMITED, decision.headers);
  for (const [name, value] of Object.entries(decision.headers)) res.setHeader(name, value);
}

/** Serves `/{sitename}/{resource}/…`: the documented API plus the assumed reads. */
export async function handleSiteRequest(
  ctx: EmulatorContext,
  site: SiteState,
  segments: string[],
  req: IncomingMessage,
  res: ServerResponse,
  noteAuth: (authId: string) => void,
): Promise<void> {
  const resource = (segments[0] ?? '').toLowerCase();
  const rest = segments.slice(1);

  if (resource === 'healthcheck' && rest[0]?.toLowerCase() === 'canary') {
    requireMethod(req, 'GET');
    return sendJson(res, 200, { status: 'Running' });
  }
  if (resource === 'authenticate' || resource === 'refresh') {
    requireMethod(req, 'POST');
    const body = await readJsonBody(req);
    const authId =
      resource === 'authenticate' ? ctx.tokens.authorizationFor(site, body) : ctx.tokens.authorizationForRefresh(site, body);
    noteAuth(authId);
    charge(ctx, site, authId, res);
    const pair = ctx.tokens.issue(site, authId, resource === 'refresh' && typeof body === 'string' ? body : undefined);
    return sendJson(res, 200, pair);
  }

  const authId = ctx.tokens.verify(site, req.headers.authorization);
  if (authId === undefined) throw new HttpError(401, errorBody(UNAUTHORIZED_MESSAGE));
  noteAuth(authId);
  charge(ctx, site, authId, res);

  if (resource === 'healthcheck' && rest.length === 0) {
    requireMethod(req, 'GET');
    return sendJson(res, 200, {
      status: 'Running',
      productionDatabase: site.name,
      apiVersionNumber: 'emulator',
      databaeConnection: true, // sic: CIMcloud's documented spelling
      usingStagingDB: 'false',
      databaseConnectionError: '',
    });
  }
  if (resource === 'validate' && rest.length === 0) {
    requireMethod(req, 'GET');
    res.writeHead(200, { 'Content-Length': '0' });
    res.end();
    return;
  }
  if (resource === 'orderpassthrough' && rest.length === 0) {
    // The Order Passthrough resource is documented as POST only.
    requireMethod(req, 'POST');
    const outcome = ctx.pipeline.post(site, await readJsonBody(req));
    return sendJson(res, outcome.status, outcome.body);
  }
  if (isReadableResource(resource)) {
    requireMethod(req, 'GET');
    return sendJson(res, 200, readResource(site, resource, rest, ctx.clock.now()));
  }
  throw new HttpError(404, errorBody('No HTTP resource was found that matches the request URI.'));
}
