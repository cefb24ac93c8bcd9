import { SHOPIFY_API_VERSION } from '../api-version';
import {
  AccessTokenProvider,
  ShopifyCredentials,
} from './access-token-provider';
import { backoffDelayMs, retryAfterMs } from './backoff';
import { CostThrottle, ThrottleStatus } from './cost-throttle';
import {
  Clock,
  FetchLike,
  Logger,
  silentLogger,
  systemClock,
} from './runtime-deps';
import {
  ShopifyAuthError,
  ShopifyConfigError,
  ShopifyError,
  ShopifyQueryError,
  ShopifyScopeError,
  ShopifyThrottledError,
  ShopifyUnavailableError,
} from './shopify-errors';
import { ShopifyThrottleEvent, ShopifyThrottleObserver } from './throttle-observer';

export interface ShopifyClientConfig {
  /** acme.myshopify.com */
  shopDomain: string;
  credentials: ShopifyCredentials;
  apiVersion?: string;
  /**
   * Where the shop's /admin paths live. Default https://{shopDomain}; the only thing
   * that changes against the emulator (e.g. http://127.0.0.1:8787/shops/acme.myshopify.com).
   */
  adminBaseUrl?: string;
  fetch?: FetchLike;
  clock?: Clock;
  logger?: Logger;
  random?: () => number;
  /** Attempts per request, first one included. */
  maxAttempts?: number;
  baseBackoffMs?: number;
  maxBackoffMs?: number;
  requestTimeoutMs?: number;
  /** Told of every wait caused by Shopify's rate limits (before sending, or after THROTTLED / 429). */
  onThrottle?: ShopifyThrottleObserver;
}

export interface RequestOptions {
  /**
   * False for non-idempotent mutations (fulfillmentCreate): after a lost response or a
   * 5xx the request is not repeated; a ShopifyUnavailableError with ambiguous=true tells
   * the caller to check what happened first.
   */
  retryUnsafe?: boolean;
}

interface GraphQLBody {
  data?: unknown;
  errors?: {
    message: string;
    extensions?: { code?: string; requiredAccess?: string };
  }[];
  extensions?: {
    cost?: { requestedQueryCost?: number; throttleStatus?: ThrottleStatus };
  };
}

export interface ClientStats {
  requests: number;
  throttledResponses: number;
  retries: number;
}

/**
 * GraphQL Admin client on plain fetch. Chosen over @shopify/admin-api-client because
 * Ferry needs what that client lacks: waiting on the cost bucket before sending,
 * retrying 200-THROTTLED, reading Retry-After as seconds, never blindly retrying a
 * non-idempotent mutation, token refresh, and plain-HTTP base URLs for the emulator.
 */
export class ShopifyGraphqlClient {
  readonly stats: ClientStats = {
    requests: 0,
    throttledResponses: 0,
    retries: 0,
  };
  readonly throttle: CostThrottle;
  private readonly tokens: AccessTokenProvider;
  private readonly fetch: FetchLike;
  private readonly clock: Clock;
  private readonly logger: Logger;
  private readonly random: () => number;
  private readonly url: string;

  constructor(private readonly config: ShopifyClientConfig) {
    this.fetch = config.fetch ?? ((input, init) => fetch(input, init));
    this.clock = config.clock ?? systemClock;
    this.logger = config.logger ?? silentLogger;
    this.random = config.random ?? Math.random;
    const base = (
      config.adminBaseUrl ?? `https://${config.shopDomain}`
    ).replace(/\/$/, '');
    this.url = `${base}/admin/api/${config.apiVersion ?? SHOPIFY_API_VERSION}/graphql.json`;
    this.tokens = new AccessTokenProvider(
      config.credentials,
      `${base}/admin/oauth/access_token`,
      this.fetch,
      this.clock,
    );
    this.throttle = new CostThrottle(this.clock);
  }

  async request<T>(
    query: string,
    variables: Record<string, unknown> = {},
    options: RequestOptions = {},
  ): Promise<T> {
    const maxAttempts = this.config.maxAttempts ?? 6;
    const retryUnsafe = options.retryUnsafe ?? true;
    let refreshed = false;
    let lastError: ShopifyError = new ShopifyUnavailableError(
      'no attempt made',
      false,
    );
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      if (attempt > 1) this.stats.retries++;
      const cost = this.throttle.expectedCost(query);
      const bucketWaitMs = await this.throttle.acquire(cost);
      if (bucketWaitMs > 0) this.reportThrottle({ reason: 'bucket', waitedMs: bucketWaitMs });
      let response: Response;
      try {
        const token = await this.tokens.token();
        this.stats.requests++;
        response = await this.fetch(this.url, {
          method: 'POST',
          headers: {
            'Content-Type': 'application/json',
            Accept: 'application/json',
            'X-Shopify-Access-Token': token,
          },
          body: JSON.stringify({ query, variables }),
          signal: AbortSignal.timeout(this.config.requestTimeoutMs ?? 30_000),
        });
      } catch (error) {
        this.throttle.release(cost, query, undefined);
        if (error instanceof ShopifyError && error.kind !== 'unavailable')
          throw error;
        lastError = new ShopifyUnavailableError(
          `request failed: ${String(error)}`,
          !retryUnsafe,
        );
        if (!retryUnsafe) throw lastError;
        await this.backoff(attempt, null);
        continue;
      }

      if (response.status === 200) {
        const body = (await response.json()) as GraphQLBody;
        this.throttle.release(cost, query, body.extensions?.cost);
        const error = body.errors?.[0];
        if (!error) return body.data as T;
        const code = error.extensions?.code ?? null;
        if (code === 'THROTTLED') {
          this.stats.throttledResponses++;
          lastError = new ShopifyThrottledError('throttled by Shopify');
          const requested = body.extensions?.cost?.requestedQueryCost ?? cost;
          this.logger.debug('shopify throttled', { requested });
          const waitMs = this.throttle.waitForMs(requested);
          this.reportThrottle({ reason: 'throttled', waitedMs: waitMs });
          await this.clock.sleep(waitMs);
          continue;
        }
        if (code === 'ACCESS_DENIED')
          throw new ShopifyScopeError(
            error.message,
            error.extensions?.requiredAccess ?? null,
          );
        throw new ShopifyQueryError(error.message, code);
      }

      this.throttle.release(cost, query, undefined);
      await response.arrayBuffer().catch(() => undefined);
      if (response.status === 401 || response.status === 403) {
        if (response.status === 401 && this.tokens.refreshable && !refreshed) {
          refreshed = true;
          this.tokens.invalidate();
          continue;
        }
        throw new ShopifyAuthError(
          `Shopify refused the access token (HTTP ${response.status})`,
        );
      }
      if (response.status === 404)
        throw new ShopifyConfigError(
          `shop or API version not found: ${this.url}`,
        );
      if (response.status === 429) {
        this.stats.throttledResponses++;
        lastError = new ShopifyThrottledError('HTTP 429 from Shopify');
        const waitedMs = await this.backoff(
          attempt,
          retryAfterMs(response.headers.get('retry-after')),
        );
        this.reportThrottle({ reason: 'rate_limited', waitedMs });
        continue;
      }
      if (response.status >= 500) {
        lastError = new ShopifyUnavailableError(
          `Shopify answered ${response.status}`,
          !retryUnsafe,
        );
        if (!retryUnsafe) throw lastError;
        this.logger.warn('shopify unavailable, retrying', {
          status: response.status,
          attempt,
        });
        await this.backoff(attempt, null);
        continue;
      }
      throw new ShopifyQueryError(`unexpected HTTP ${response.status}`, null);
    }
    throw lastError;
  }

  /** The observer is the host's bookkeeping: its failure must not fail the request. */
  private reportThrottle(event: ShopifyThrottleEvent): void {
    try {
      this.config.onThrottle?.(event);
    } catch (error) {
      this.logger.warn('throttle observer failed', { error: String(error) });
    }
  }

  /** Sleeps before a retry; resolves to the milliseconds slept. */
  private async backoff(
    attempt: number,
    serverDelayMs: number | null,
  ): Promise<number> {
    const delay =
      serverDelayMs ??
      backoffDelayMs(
        attempt,
        this.config.baseBackoffMs ?? 500,
        this.config.maxBackoffMs ?? 30_000,
        this.random,
      );
    await this.clock.sleep(delay);
    return delay;
  }
}
