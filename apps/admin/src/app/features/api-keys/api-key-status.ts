import { ApiKeySummary } from '@ferry/contracts';

export type ApiKeyStatus = 'active' | 'expired' | 'revoked';

/** Whether a key still works: revoked wins over expired. */
export function apiKeyStatus(key: Pick<ApiKeySummary, 'revokedAt' | 'expiresAt'>, now: number = Date.now()): ApiKeyStatus {
  if (key.revokedAt) return 'revoked';
  if (key.expiresAt && Date.parse(key.expiresAt) <= now) return 'expired';
  return 'active';
}
