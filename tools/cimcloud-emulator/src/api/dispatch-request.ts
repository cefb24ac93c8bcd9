import type { IncomingMessage, ServerResponse } from 'node:http';
import { UNAUTHORIZED_MESSAGE } from '../auth/token-service';
import type { EmulatorContext } from '../core/emulator-context';
import type { FaultSpec } from '../faults/fault-spec';
import { HttpError, errorBody } from '../http/http-error';
import { sendJson } from '../http/send-json';
import type { SiteState } from '../sites/site-state';
import { handleSiteRequest } from './handle-site-request';

export type ControlHandler = (segments: string[], req: IncomingMessage, res: ServerResponse) => Promise<void>;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Applies an injected fault; returns true when the call was answered (or dropped) by it. */
async function applyFault(ctx: EmulatorContext, fault: FaultSpec, res: ServerResponse, req: IncomingMessage): Promise<boolean> {
  switch (fault.kind) {
    case 'latency':
      await sleep(fault.latencyMs ?? 1000);
      return false;
    case 'reset':
      req.socket.destroy();
      return true;
    case 'rate-limit':
      sendJson(res, 429, fault.body ?? errorBody('API rate limit exceeded.'), ctx.limiter.exhaustedHeaders());
      return true;
    case 'expired-token':
      ctx.tokens.revoke(req.headers.authorization);
      sendJson(res, 401, errorBody(UNAUTHORIZED_MESSAGE));
      return true;
    case 'error':
      sendJson(res, fault.status ?? 503, fault.body ?? errorBody('The service is unavailable.'));
      return true;
  }
}

/** Oldest calls are dropped beyond this, so a long demo run does not grow without bound. */
const MAX_CALL_LOG = 100_000;

function record(site: SiteState, req: IncomingMessage, res: ServerResponse, path: string, at: string, authId?: string): void {
  if (site.calls.length >= MAX_CALL_LOG) site.calls.splice(0, site.calls.length - MAX_CALL_LOG + 1);
  site.calls.push({ at, method: req.method ?? '', path, authId, status: res.headersSent ? res.statusCode : 0 });
}

/** Entry point of every HTTP call: control API, unknown sites, faults, then the site API. */
export async function dispatchRequest(
  ctx: EmulatorContext,
  control: ControlHandler,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://emulator');
  // The Date header follows the emulator's clock, like the token expirations it hands out.
  res.setHeader('Date', new Date(ctx.clock.now()).toUTCString());
  const segments = url.pathname.split('/').filter((s) => s !== '').map((s) => decodeURIComponent(s));
  try {
    if (segments[0] === '_emulator') return await control(segments.slice(1), req, res);
    const site = ctx.sites.get((segments[0] ?? '').toLowerCase());
    if (!site) throw new HttpError(404, errorBody(`Unknown site "${segments[0] ?? ''}".`));
    const rest = segments.slice(1);
    const path = rest.join('/');
    const at = ctx.clock.iso();
    let authId: string | undefined;
    res.on('close', () => record(site, req, res, path, at, authId));
    const fault = ctx.faults.take(site.name, req.method ?? '', path);
    if (fault && (await applyFault(ctx, fault, res, req))) return;
    await handleSiteRequest(ctx, site, rest, req, res, (id) => (authId = id));
  } catch (error) {
    if (error instanceof HttpError) return sendJson(res, error.status, error.body, error.headers);
    console.error('cimcloud-emulator: unexpected error', error);
    sendJson(res, 500, errorBody('An error has occurred.'));
  }
}
