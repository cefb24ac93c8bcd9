import { randomBytes, randomUUID } from 'node:crypto';
import type { EmulatorClock } from '../core/clock';
import { isPlainObject } from '../core/json-value';
import { HttpError, errorBody } from '../http/http-error';
import type { SiteState } from '../sites/site-state';
import { signJwt, verifyJwt } from './jwt-hs256';

export interface TokenLifetimes {
  bearerMs: number;
  refreshMs: number;
}

export interface TokenPair {
  expiration: string;
  token: string;
  refresh_token: string;
}

interface IssuedBearer {
  site: string;
  authId: string;
  revoked: boolean;
}

interface IssuedRefresh {
  site: string;
  authId: string;
  expiresAtMs: number;
}

/** ASP.NET's stock 401 text: CIMcloud's API is .NET; its exact wording is assumed. */
export const UNAUTHORIZED_MESSAGE = 'Authorization has been denied for this request.';

/**
 * Issues and checks bearer JWTs (7 days) and refresh tokens (30 days). Refresh tokens are
 * single use: /refresh returns a new pair and retires the one it was given.
 */
export class TokenService {
  private readonly bearers = new Map<string, IssuedBearer>();
  private readonly refreshTokens = new Map<string, IssuedRefresh>();

  constructor(
    private readonly clock: EmulatorClock,
    private readonly secret: string,
    private readonly lifetimes: TokenLifetimes,
  ) {}

  /** Finds the App Authorization named by an authenticate body, or throws 401. */
  authorizationFor(site: SiteState, body: unknown): string {
    if (!isPlainObject(body)) throw new HttpError(400, errorBody('AuthKey, AuthUserName and AuthPassword are required.'));
    const { AuthKey, AuthUserName, AuthPassword } = body;
    if (typeof AuthKey !== 'string' || typeof AuthUserName !== 'string' || typeof AuthPassword !== 'string') {
      throw new HttpError(400, errorBody('AuthKey, AuthUserName and AuthPassword are required.'));
    }
    const auth = site.authorizations.get(AuthKey);
    if (!auth || auth.userName !== AuthUserName || auth.password !== AuthPassword || auth.disabled) {
      throw new HttpError(401, errorBody(UNAUTHORIZED_MESSAGE));
    }
    return auth.id;
  }

  /** Finds the authorization a refresh body belongs to, or throws 401. */
  authorizationForRefresh(site: SiteState, body: unknown): string {
    if (typeof body !== 'string' || body === '') {
      throw new HttpError(400, errorBody('The request body must be the refresh token as a JSON string.'));
    }
    const issued = this.refreshTokens.get(body);
    if (!issued || issued.site !== site.name || issued.expiresAtMs <= this.clock.now()) {
      throw new HttpError(401, errorBody(UNAUTHORIZED_MESSAGE));
    }
    const auth = [...site.authorizations.values()].find((a) => a.id === issued.authId);
    if (!auth || auth.disabled) throw new HttpError(401, errorBody(UNAUTHORIZED_MESSAGE));
    return issued.authId;
  }

  issue(site: SiteState, authId: string, retiredRefreshToken?: string): TokenPair {
    if (retiredRefreshToken !== undefined) this.refreshTokens.delete(retiredRefreshToken);
    const nowMs = this.clock.now();
    const expMs = nowMs + this.lifetimes.bearerMs;
    const jti = randomUUID();
    const token = signJwt(
      { sub: authId, site: site.name, jti, iat: Math.floor(nowMs / 1000), exp: Math.floor(expMs / 1000) },
      this.secret,
    );
    this.bearers.set(jti, { site: site.name, authId, revoked: false });
    const refresh = randomBytes(32).toString('base64url');
    this.refreshTokens.set(refresh, { site: site.name, authId, expiresAtMs: nowMs + this.lifetimes.refreshMs });
    // Whole seconds, as in CIMcloud's example ("2022-01-01T01:00:00Z").
    const expiration = new Date(Math.floor(expMs / 1000) * 1000).toISOString().replace('.000Z', 'Z');
    return { expiration, token, refresh_token: refresh };
  }

  /** Returns the authorization id of a valid bearer header for this site, else undefined. */
  verify(site: SiteState, authorization: string | undefined): string | undefined {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
    if (!match) return undefined;
    const claims = verifyJwt(match[1], this.secret);
    if (!claims || claims.site !== site.name) return undefined;
    if (claims.exp * 1000 <= this.clock.now()) return undefined;
    const issued = this.bearers.get(claims.jti);
    if (!issued || issued.revoked) return undefined;
    const auth = [...site.authorizations.values()].find((a) => a.id === claims.sub);
    if (!auth || auth.disabled) return undefined;
    return claims.sub;
  }

  /** Revokes the bearer token in an Authorization header, if it is one of ours. */
  revoke(authorization: string | undefined): void {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
    const claims = match ? verifyJwt(match[1], this.secret) : undefined;
    const issued = claims ? this.bearers.get(claims.jti) : undefined;
    if (issued) issued.revoked = true;
  }

  /** Makes every bearer (and optionally refresh) token of a site, or of one authorization, invalid. */
  expire(siteName: string, authId?: string, includeRefresh = false): number {
    let count = 0;
    for (const issued of this.bearers.values()) {
      if (issued.site === siteName && (authId === undefined || issued.authId === authId) && !issued.revoked) {
        issued.revoked = true;
        count++;
      }
    }
    if (includeRefresh) {
      for (const [token, issued] of this.refreshTokens) {
        if (issued.site === siteName && (authId === undefined || issued.authId === authId)) this.refreshTokens.delete(token);
      }
    }
    return count;
  }
}
