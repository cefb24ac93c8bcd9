import { Clock, FetchLike } from './runtime-deps';
import { ShopifyAuthError, ShopifyUnavailableError } from './shopify-errors';

/** A static token (admin-created custom app) or Dev Dashboard client credentials. */
export type ShopifyCredentials =
  | { kind: 'static'; accessToken: string }
  | { kind: 'clientCredentials'; clientId: string; clientSecret: string };

interface CachedToken {
  value: string;
  expiresAtMs: number;
}

/**
 * Hands out the access token. Client-credentials tokens are fetched on first use and
 * refreshed before they expire (10% of the lifetime, at most 5 minutes, early); one
 * refresh is shared by concurrent callers.
 */
export class AccessTokenProvider {
  private cached: CachedToken | null = null;
  private inflight: Promise<string> | null = null;

  constructor(
    private readonly credentials: ShopifyCredentials,
    private readonly tokenUrl: string,
    private readonly fetch: FetchLike,
    private readonly clock: Clock,
  ) {}

  get refreshable(): boolean {
    return this.credentials.kind === 'clientCredentials';
  }

  async token(): Promise<string> {
    if (this.credentials.kind === 'static') return this.credentials.accessToken;
    if (this.cached && this.clock.now() < this.cached.expiresAtMs)
      return this.cached.value;
    this.inflight ??= this.fetchToken().finally(() => {
      this.inflight = null;
    });
    return this.inflight;
  }

  /** Forget the cached token (after a 401). */
  invalidate(): void {
    this.cached = null;
  }

  private async fetchToken(): Promise<string> {
    if (this.credentials.kind !== 'clientCredentials')
      throw new Error('unreachable');
    let response: Response;
    try {
      response = await this.fetch(this.tokenUrl, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/x-www-form-urlencoded',
          Accept: 'application/json',
        },
        body: new URLSearchParams({
          grant_type: 'client_credentials',
          client_id: this.credentials.clientId,
          client_secret: this.credentials.clientSecret,
        }).toString(),
      });
    } catch (error) {
      throw new ShopifyUnavailableError(
        `token request failed: ${String(error)}`,
        false,
      );
    }
    if (response.status >= 500)
      throw new ShopifyUnavailableError(
        `token endpoint answered ${response.status}`,
        false,
      );
    const body = (await response.json().catch(() => ({}))) as {
      access_token?: string;
      expires_in?: number;
    };
    if (!response.ok || !body.access_token) {
      throw new ShopifyAuthError(
        `client credentials refused (HTTP ${response.status})`,
      );
    }
    const lifetimeMs = (body.expires_in ?? 86399) * 1000;
    const marginMs = Math.min(5 * 60_000, lifetimeMs / 10);
    this.cached = {
      value: body.access_token,
      expiresAtMs: this.clock.now() + lifetimeMs - marginMs,
    };
    return body.access_token;
  }
}
