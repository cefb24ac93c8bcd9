import { backoffDelay, type RetryPolicy } from './backoff';
import type { CimcloudClock, CimcloudLogger } from './cimcloud-config';
import {
  CimcloudAuthError,
  CimcloudRateLimitedError,
  CimcloudRequestError,
  CimcloudUnavailableError,
} from './cimcloud-errors';
import type { RequestBudget } from './request-budget';
import type { CimcloudThrottleEvent, CimcloudThrottleObserver } from './throttle-observer';

export interface TransportRequest {
  method: 'GET' | 'POST';
  /** Path after `/{site}/`, segments already encoded. */
  path: string;
  body?: unknown;
  /** Send the bearer token (everything but authenticate, refresh and the canary). */
  auth: boolean;
  /** Hand a 400 back instead of throwing (orderpassthrough reports per-record problems in it). */
  allowBadRequest?: boolean;
}

export interface TransportResponse {
  status: number;
  body: unknown;
  headers: Headers;
}

/** Where authenticated calls get their bearer token, and report one that was refused. */
export interface BearerSource {
  bearer(): Promise<string>;
  invalidate(token: string): void;
}

export interface TransportOptions {
  baseUrl: string;
  site: string;
  fetch: typeof fetch;
  clock: CimcloudClock;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
  retry: RetryPolicy;
  requestTimeoutMs: number;
  maxBudgetWaitMs: number;
  logger?: CimcloudLogger;
  onThrottle?: CimcloudThrottleObserver;
}

async function readBody(res: Response): Promise<unknown> {
  const text = await res.text();
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function messageOf(body: unknown, fallback: string): string {
  if (typeof body === 'object' && body !== null && 'message' in body && typeof body.message === 'string') return body.message;
  return fallback;
}

/**
 * One call to CIMcloud: waits for budget, sends, and retries what is transient (429, 5xx,
 * timeouts, resets) with bounded jittered backoff. A refused token is renewed once.
 */
export class Transport {
  private bearerSource?: BearerSource;

  constructor(
    private readonly options: TransportOptions,
    private readonly budget: RequestBudget,
  ) {}

  useBearerSource(source: BearerSource): void {
    this.bearerSource = source;
  }

  async send(request: TransportRequest): Promise<TransportResponse> {
    const { retry, sleep, random } = this.options;
    let renewedToken = false;
    for (let attempt = 1; ; attempt++) {
      const token = request.auth ? await this.requireBearer().bearer() : undefined;
      const budgetWaitMs = await this.budget.acquire(this.options.maxBudgetWaitMs);
      if (budgetWaitMs > 0) this.reportThrottle({ reason: 'budget', waitedMs: budgetWaitMs });
      let res: Response;
      try {
        res = await this.fetchOnce(request, token);
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        if (attempt >= retry.maxAttempts) throw new CimcloudUnavailableError(`CIMcloud unreachable: ${reason}`);
        this.options.logger?.warn('CIMcloud call failed, retrying', { path: request.path, attempt, reason });
        await sleep(backoffDelay(attempt, retry, random));
        continue;
      }
      const hintMs = this.budget.observe(res.status, res.headers);
      const body = await readBody(res);
      if (res.status >= 200 && res.status < 300) return { status: res.status, body, headers: res.headers };
      if (res.status === 401) {
        if (request.auth && token !== undefined && !renewedToken) {
          renewedToken = true;
          this.requireBearer().invalidate(token);
          attempt--; // a renewed token is not a retry of a failure
          continue;
        }
        throw new CimcloudAuthError(messageOf(body, 'CIMcloud refused the credentials'));
      }
      if (res.status === 429) {
        if (attempt >= retry.maxAttempts) throw new CimcloudRateLimitedError(messageOf(body, 'CIMcloud rate limit exceeded'), hintMs);
        this.options.logger?.warn('CIMcloud throttled the call, retrying', { path: request.path, attempt, hintMs });
        const backoffMs = backoffDelay(attempt, retry, random);
        this.reportThrottle({ reason: 'rate_limited', waitedMs: backoffMs });
        await sleep(backoffMs);
        continue;
      }
      if (res.status >= 500 || res.status === 408) {
        if (attempt >= retry.maxAttempts) throw new CimcloudUnavailableError(messageOf(body, `CIMcloud answered ${res.status}`), res.status);
        this.options.logger?.warn('CIMcloud answered an error, retrying', { path: request.path, attempt, status: res.status });
        await sleep(backoffDelay(attempt, retry, random, hintMs));
        continue;
      }
      if (res.status === 400 && request.allowBadRequest) return { status: res.status, body, headers: res.headers };
      throw new CimcloudRequestError(messageOf(body, `CIMcloud answered ${res.status}`), res.status, body);
    }
  }

  /** The observer is the host's bookkeeping: its failure must not fail the call. */
  private reportThrottle(event: CimcloudThrottleEvent): void {
    try {
      this.options.onThrottle?.(event);
    } catch (error) {
      this.options.logger?.warn('throttle observer failed', { error: String(error) });
    }
  }

  private requireBearer(): BearerSource {
    if (!this.bearerSource) throw new Error('Transport has no bearer source');
    return this.bearerSource;
  }

  private async fetchOnce(request: TransportRequest, token: string | undefined): Promise<Response> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (request.body !== undefined) headers['Content-Type'] = 'application/json';
    if (token !== undefined) headers['Authorization'] = `Bearer ${token}`;
    const base = this.options.baseUrl.replace(/\/+$/, '');
    return this.options.fetch(`${base}/${encodeURIComponent(this.options.site)}/${request.path}`, {
      method: request.method,
      headers,
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
      signal: AbortSignal.timeout(this.options.requestTimeoutMs),
    });
  }
}
