import type { IncomingMessage, ServerResponse } from 'node:http';
import { isPlainObject } from '../core/json-value';
import type { ErpMasterData } from '../erp/master-data';
import type { ShipRequest } from '../erp/ship-order';
import type { FaultSpec } from '../faults/fault-spec';
import { HttpError, errorBody } from '../http/http-error';
import { readJsonBody } from '../http/read-json-body';
import { sendJson } from '../http/send-json';
import type { RateLimitSettings } from '../limits/rate-limit-settings';
import type { PipelineTiming } from '../passthrough/order-pipeline';
import type { AuthorizationSeed, SiteSeed, StockSeed } from '../sites/site-seed';
import { EmulatorControl, ShipmentError, UnknownSiteError, type StockChange } from './emulator-control';

// The control API is trusted test tooling: bodies are checked for shape, not field by field.
function object(body: unknown): Record<string, unknown> {
  if (!isPlainObject(body)) throw new HttpError(400, errorBody('Expected a JSON object.'));
  return body;
}

function list(body: unknown): unknown[] {
  if (!Array.isArray(body)) throw new HttpError(400, errorBody('Expected a JSON array.'));
  return body;
}

function text(value: unknown, name: string): string {
  if (typeof value !== 'string' || value === '') throw new HttpError(400, errorBody(`${name} is required.`));
  return value;
}

type Route = (control: EmulatorControl, params: string[], body: unknown) => unknown;

/** `/_emulator/…` routes: METHOD plus path pattern (":" marks a parameter). */
const ROUTES: [string, string, Route][] = [
  ['GET', 'health', () => ({ status: 'Running' })],
  ['GET', 'sites', (c) => c.siteNames()],
  ['POST', 'sites', (c, _p, b) => {
    c.addSite(object(b) as unknown as SiteSeed);
    return { created: text(object(b)['name'], 'name').toLowerCase() };
  }],
  ['DELETE', 'sites/:', (c, [site]) => c.removeSite(site)],
  ['POST', 'sites/:/authorizations', (c, [site], b) => c.addAuthorization(site, object(b) as unknown as AuthorizationSeed)],
  ['POST', 'sites/:/master-data', (c, [site], b) => c.upsertMasterData(site, object(b) as Partial<ErpMasterData>)],
  ['GET', 'sites/:/master-data', (c, [site]) => c.masterData(site)],
  ['GET', 'sites/:/stock', (c, [site]) => c.stock(site)],
  ['POST', 'sites/:/stock', (c, [site], b) => c.setStock(site, list(b) as StockSeed[])],
  ['POST', 'sites/:/stock/adjust', (c, [site], b) => c.adjustStock(site, object(b) as unknown as StockChange)],
  ['POST', 'sites/:/queue/process', (c, [site]) => ({ batches: c.processQueue(site) })],
  ['POST', 'sites/:/imports/run', (c, [site]) => ({ imports: c.runImports(site) })],
  ['POST', 'sites/:/flush', (c, [site]) => c.flush(site)],
  ['GET', 'sites/:/orders', (c, [site]) => c.orders(site)],
  ['GET', 'sites/:/orders/:', (c, [site, order]) => {
    const found = c.order(site, order);
    if (!found) throw new HttpError(404, errorBody(`Order ${order} is not on file.`));
    return found;
  }],
  ['POST', 'sites/:/orders/:/ship', (c, [site, order], b) => c.shipOrder(site, order, (b === undefined ? {} : object(b)) as ShipRequest)],
  ['POST', 'sites/:/tokens/expire', (c, [site], b) => {
    const options = b === undefined ? {} : object(b);
    const authKey = typeof options['authKey'] === 'string' ? options['authKey'] : undefined;
    return { expired: c.expireTokens(site, authKey, options['includeRefresh'] === true) };
  }],
  ['GET', 'sites/:/calls', (c, [site]) => c.calls(site)],
  ['DELETE', 'sites/:/calls', (c, [site]) => c.clearCalls(site)],
  ['POST', 'sites/:/demo/tick', (c, [site]) => c.demoTick(site)],
  ['GET', 'faults', (c) => c.faults()],
  ['POST', 'faults', (c, _p, b) => ({ id: c.injectFault(object(b) as unknown as FaultSpec) })],
  ['DELETE', 'faults', (c) => c.clearFaults()],
  ['GET', 'rate-limits', (c) => c.rateLimits()],
  ['PUT', 'rate-limits', (c, _p, b) => c.setRateLimits(b === null ? null : (object(b) as unknown as RateLimitSettings))],
  ['PUT', 'timing', (c, _p, b) => c.setTiming(object(b) as Partial<PipelineTiming>)],
  ['POST', 'clock/advance', (c, _p, b) => {
    const ms = object(b)['ms'];
    if (typeof ms !== 'number') throw new HttpError(400, errorBody('ms is required.'));
    c.advanceClock(ms);
    return { now: c.now() };
  }],
];

function match(pattern: string, segments: string[]): string[] | undefined {
  const parts = pattern.split('/');
  if (parts.length !== segments.length) return undefined;
  const params: string[] = [];
  for (const [i, part] of parts.entries()) {
    if (part === ':') params.push(segments[i]);
    else if (part !== segments[i]) return undefined;
  }
  return params;
}

/** Builds the HTTP face of the control API. */
export function controlRoutes(control: EmulatorControl) {
  return async (segments: string[], req: IncomingMessage, res: ServerResponse): Promise<void> => {
    for (const [method, pattern, route] of ROUTES) {
      const params = match(pattern, segments);
      if (!params || method !== req.method) continue;
      const body = method === 'GET' || method === 'DELETE' ? undefined : await readJsonBody(req);
      try {
        const result = route(control, params, body);
        return sendJson(res, 200, result === undefined ? { ok: true } : result);
      } catch (error) {
        if (error instanceof UnknownSiteError) throw new HttpError(404, errorBody(error.message));
        if (error instanceof ShipmentError) throw new HttpError(409, errorBody(error.message));
        throw error;
      }
    }
    throw new HttpError(404, errorBody(`No control route ${req.method ?? ''} /_emulator/${segments.join('/')}.`));
  };
}
