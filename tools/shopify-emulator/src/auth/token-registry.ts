import { randomBytes } from 'node:crypto';

export interface TokenGrant {
  shopDomain: string;
  appId: number;
  /** null for a static (admin-created custom app) token. */
  expiresAtMs: number | null;
}

/** Default lifetime of a client-credentials token (Shopify answers expires_in 86399). */
export const CLIENT_CREDENTIALS_TTL_SECONDS = 86399;

/** Every access token the emulator issued, with the shop and app it belongs to. */
export class TokenRegistry {
  private readonly tokens = new Map<string, TokenGrant>();

  private newToken(): string {
    return `shpat_${randomBytes(16).toString('hex')}`;
  }

  issueStatic(shopDomain: string, appId: number): string {
    const token = this.newToken();
    this.tokens.set(token, { shopDomain, appId, expiresAtMs: null });
    return token;
  }

  issueExpiring(
    shopDomain: string,
    appId: number,
    nowMs: number,
    ttlSeconds: number,
  ): string {
    const token = this.newToken();
    this.tokens.set(token, {
      shopDomain,
      appId,
      expiresAtMs: nowMs + ttlSeconds * 1000,
    });
    return token;
  }

  /** The grant behind a token, or null when it is unknown, revoked or expired. */
  resolve(token: string, nowMs: number): TokenGrant | null {
    const grant = this.tokens.get(token);
    if (!grant) return null;
    if (grant.expiresAtMs !== null && grant.expiresAtMs <= nowMs) return null;
    return grant;
  }

  expire(token: string): boolean {
    const grant = this.tokens.get(token);
    if (!grant) return false;
    grant.expiresAtMs = 0;
    return true;
  }

  revokeApp(shopDomain: string, appId: number): void {
    for (const [token, grant] of this.tokens) {
      if (grant.shopDomain === shopDomain && grant.appId === appId)
        this.tokens.delete(token);
    }
  }
}
