import { randomBytes } from 'node:crypto';
import { newSecretToken } from './secret-token';

/**
 * Partner API keys look like `fry_<12 hex prefix>_<43 chars secret>`: the prefix finds the
 * row (and tells keys apart in the UI), the 256-bit secret is stored only as a SHA-256 hash.
 */
const FORMAT = /^fry_([0-9a-f]{12})_([A-Za-z0-9_-]{43})$/;

export interface ApiKeyToken {
  prefix: string;
  secret: string;
}

export function newApiKeyToken(): ApiKeyToken & { token: string } {
  const prefix = randomBytes(6).toString('hex');
  const secret = newSecretToken(32);
  return { prefix, secret, token: `fry_${prefix}_${secret}` };
}

export function parseApiKeyToken(token: string): ApiKeyToken | null {
  const match = FORMAT.exec(token);
  return match ? { prefix: match[1], secret: match[2] } : null;
}
