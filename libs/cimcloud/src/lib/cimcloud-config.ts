import type { RequestBudgetLimits } from './request-budget';
import type { RetryPolicy } from './backoff';
import type { CimcloudThrottleObserver } from './throttle-observer';

/** Credentials of one App Authorization (Worker Portal › App Authorizations). */
export interface CimcloudCredentials {
  authKey: string;
  userName: string;
  password: string;
}

export interface CimcloudClock {
  now(): number;
}

export interface CimcloudLogger {
  warn(message: string, meta?: Record<string, unknown>): void;
}

/** Injected configuration: the connector knows no tenant, framework or database. */
export interface CimcloudConfig {
  /** Default https://api.cimcloud.com; the emulator's URL in tests. */
  baseUrl?: string;
  site: string;
  credentials: CimcloudCredentials;
  fetch?: typeof fetch;
  clock?: CimcloudClock;
  sleep?: (ms: number) => Promise<void>;
  /** Source of jitter, [0, 1). */
  random?: () => number;
  logger?: CimcloudLogger;
  /** The authorization's limits (CIMcloud default: 2/s and 100/15 min). */
  limits?: Partial<RequestBudgetLimits>;
  retry?: Partial<RetryPolicy>;
  /** Orders per POST: up to 10 are handled at once; more are queued by CIMcloud. Default 10. */
  ordersPerCall?: number;
  /** Refresh the bearer token this long before it expires (default 1 hour). */
  refreshMarginMs?: number;
  /** Abort a call after this long (default 30 s). */
  requestTimeoutMs?: number;
  /** Longest a call waits for budget before failing with CimcloudRateLimitedError (default: no limit). */
  maxBudgetWaitMs?: number;
  /** Told of every wait caused by the call budget or a 429 (the host records it per run). */
  onThrottle?: CimcloudThrottleObserver;
}

export const DEFAULT_BASE_URL = 'https://api.cimcloud.com';
