import type { CimcloudClock, CimcloudCredentials } from './cimcloud-config';
import { CimcloudAuthError, CimcloudRequestError } from './cimcloud-errors';
import type { BearerSource, Transport } from './transport';

const BEARER_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

interface Bearer {
  value: string;
  expiresAtMs: number;
  /** When to renew: before expiry by the margin, or half-way for short-lived tokens. */
  renewAtMs: number;
}

/**
 * Caches the bearer JWT (7 days) and renews it before it expires: with the refresh token
 * (30 days) when there is one, else by authenticating again. Concurrent callers share one
 * renewal.
 */
export class TokenManager implements BearerSource {
  private current?: Bearer;
  private refreshToken?: string;
  private renewal?: Promise<string>;

  constructor(
    private readonly transport: Transport,
    private readonly credentials: CimcloudCredentials,
    private readonly clock: CimcloudClock,
    private readonly refreshMarginMs: number,
  ) {}

  async bearer(): Promise<string> {
    if (this.current && this.clock.now() < this.current.renewAtMs) return this.current.value;
    this.renewal ??= this.renew().finally(() => (this.renewal = undefined));
    return this.renewal;
  }

  invalidate(token: string): void {
    if (this.current?.value === token) this.current = undefined;
  }

  /** When the cached bearer token expires (for "test connection" and diagnostics). */
  expiresAt(): number | undefined {
    return this.current?.expiresAtMs;
  }

  private async renew(): Promise<string> {
    if (this.refreshToken !== undefined) {
      try {
        const res = await this.transport.send({ method: 'POST', path: 'refresh', body: this.refreshToken, auth: false });
        return this.store(res.body, res.headers);
      } catch (error) {
        // An expired or revoked refresh token falls back to the credentials.
        if (!(error instanceof CimcloudAuthError || error instanceof CimcloudRequestError)) throw error;
        this.refreshToken = undefined;
      }
    }
    const res = await this.transport.send({
      method: 'POST',
      path: 'authenticate',
      body: { AuthKey: this.credentials.authKey, AuthUserName: this.credentials.userName, AuthPassword: this.credentials.password },
      auth: false,
    });
    return this.store(res.body, res.headers);
  }

  private store(body: unknown, headers: Headers): string {
    if (typeof body !== 'object' || body === null || !('token' in body) || typeof body.token !== 'string') {
      throw new CimcloudAuthError('CIMcloud returned no token');
    }
    const expiration = 'expiration' in body && typeof body.expiration === 'string' ? Date.parse(body.expiration) : NaN;
    const serverNow = Date.parse(headers.get('date') ?? '');
    // Lifetime by the server's own clock, so a skewed local clock cannot misjudge expiry.
    const lifetime = Number.isNaN(expiration) || Number.isNaN(serverNow) ? BEARER_LIFETIME_MS : Math.max(0, expiration - serverNow);
    const now = this.clock.now();
    this.current = {
      value: body.token,
      expiresAtMs: now + lifetime,
      renewAtMs: now + lifetime - Math.min(this.refreshMarginMs, lifetime / 2),
    };
    if ('refresh_token' in body && typeof body.refresh_token === 'string') this.refreshToken = body.refresh_token;
    return body.token;
  }
}
