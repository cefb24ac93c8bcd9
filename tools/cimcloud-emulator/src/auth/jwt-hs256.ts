import { createHmac, timingSafeEqual } from 'node:crypto';
import { isPlainObject } from '../core/json-value';

/** Claims the emulator puts in its bearer tokens. */
export interface BearerClaims {
  /** App Authorization id the token was issued to. */
  sub: string;
  site: string;
  jti: string;
  /** Seconds since the epoch, as JWT requires. */
  iat: number;
  exp: number;
}

function base64url(input: Buffer | string): string {
  return Buffer.from(input).toString('base64url');
}

export function signJwt(claims: BearerClaims, secret: string): string {
  const head = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const body = base64url(JSON.stringify(claims));
  const signature = createHmac('sha256', secret).update(`${head}.${body}`).digest('base64url');
  return `${head}.${body}.${signature}`;
}

/** Returns the claims if the signature is good; expiry is checked by the caller's clock. */
export function verifyJwt(token: string, secret: string): BearerClaims | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  const [head, body, signature] = parts;
  const expected = createHmac('sha256', secret).update(`${head}.${body}`).digest();
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  try {
    const header: unknown = JSON.parse(Buffer.from(head, 'base64url').toString('utf8'));
    if (!isPlainObject(header) || header['alg'] !== 'HS256') return undefined;
    const claims: unknown = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
    if (!isPlainObject(claims)) return undefined;
    const { sub, site, jti, iat, exp } = claims;
    if (typeof sub !== 'string' || typeof site !== 'string' || typeof jti !== 'string') return undefined;
    if (typeof iat !== 'number' || typeof exp !== 'number') return undefined;
    return { sub, site, jti, iat, exp };
  } catch {
    return undefined;
  }
}
