import { MaskedSecret } from '@ferry/contracts';

/**
 * What the UI may show of a stored secret: that it is set and, for long random tokens, its
 * last four characters (to tell keys apart). Passwords show nothing: people reuse them.
 */
export function secretHint(secret: string, kind: 'token' | 'password'): MaskedSecret {
  return { hint: `••••••••${kind === 'token' && secret.length > 12 ? secret.slice(-4) : ''}` };
}
