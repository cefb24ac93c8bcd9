import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dispatchRequest } from './api/dispatch-request';
import { TokenService, type TokenLifetimes } from './auth/token-service';
import { controlRoutes } from './control/control-routes';
import { EmulatorControl } from './control/emulator-control';
import { EmulatorClock } from './core/clock';
import type { EmulatorContext } from './core/emulator-context';
import { SeededRandom } from './core/seeded-random';
import { TimerSet } from './core/timer-set';
import { DemoDriver } from './demo/demo-driver';
import type { ErpProfile } from './erp/erp-profile';
import { FaultInjector } from './faults/fault-injector';
import { CIMCLOUD_RATE_LIMITS, type RateLimitSettings } from './limits/rate-limit-settings';
import { RateLimiter } from './limits/rate-limiter';
import { OrderPipeline } from './passthrough/order-pipeline';
import type { UnknownFieldPolicy } from './passthrough/validate-passthrough-order';
import type { SiteSeed } from './sites/site-seed';

export interface CimcloudEmulatorOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  sites?: SiteSeed[];
  /** Default CIMcloud's 2/s and 100/15 min; null lifts the limits. */
  rateLimits?: RateLimitSettings | null;
  /** Delay before the ERP imports a stored order (default 2000 ms; null: only via control). */
  importDelayMs?: number | null;
  /** Delay before a queued batch of > 10 records is processed (default 1000 ms; null: only via control). */
  queueDelayMs?: number | null;
  /** Default 7 days bearer, 30 days refresh. */
  tokenLifetimes?: Partial<TokenLifetimes>;
  /** HS256 secret of the bearer JWTs (random by default). */
  jwtSecret?: string;
  /** Unknown pass-through fields: rejected with a 400 (default) or ignored. */
  unknownFields?: UnknownFieldPolicy;
  /** ERP profile of sites that name none (Sage 100 by default). */
  defaultProfile?: ErpProfile;
  /** Demo clock: ship orders and move stock every intervalMs (off by default). */
  demo?: { intervalMs: number; seed?: number };
  /** Seed of the demo's random choices (default 1). */
  seed?: number;
}

export interface RunningCimcloudEmulator {
  /** Base URL without a trailing slash; a site's API is `${url}/${site}/`. */
  url: string;
  port: number;
  control: EmulatorControl;
  close(): Promise<void>;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Starts the emulator on a real HTTP port (in-process: tests, benchmarks, the demo, the CLI). */
export async function startCimcloudEmulator(options: CimcloudEmulatorOptions = {}): Promise<RunningCimcloudEmulator> {
  const clock = new EmulatorClock();
  const timers = new TimerSet();
  const ctx: EmulatorContext = {
    clock,
    timers,
    sites: new Map(),
    tokens: new TokenService(clock, options.jwtSecret ?? randomBytes(32).toString('hex'), {
      bearerMs: options.tokenLifetimes?.bearerMs ?? 7 * DAY_MS,
      refreshMs: options.tokenLifetimes?.refreshMs ?? 30 * DAY_MS,
    }),
    limiter: new RateLimiter(clock, options.rateLimits === undefined ? CIMCLOUD_RATE_LIMITS : options.rateLimits),
    faults: new FaultInjector(),
    pipeline: new OrderPipeline(
      clock,
      timers,
      {
        importDelayMs: options.importDelayMs === undefined ? 2000 : options.importDelayMs,
        queueDelayMs: options.queueDelayMs === undefined ? 1000 : options.queueDelayMs,
      },
      options.unknownFields ?? 'reject',
    ),
  };
  const demo = new DemoDriver(clock, timers, new SeededRandom(options.demo?.seed ?? options.seed ?? 1));
  const control = new EmulatorControl(ctx, demo, options.defaultProfile);
  for (const seed of options.sites ?? []) control.addSite(seed);

  const controlHandler = controlRoutes(control);
  const server = createServer((req, res) => {
    void dispatchRequest(ctx, controlHandler, req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  if (options.demo) demo.start(options.demo.intervalMs, () => ctx.sites.values());
  const { port } = server.address() as AddressInfo;
  const host = options.host && options.host !== '0.0.0.0' ? options.host : '127.0.0.1';

  return {
    url: `http://${host}:${port}`,
    port,
    control,
    close: () =>
      new Promise<void>((resolve) => {
        timers.clear();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
