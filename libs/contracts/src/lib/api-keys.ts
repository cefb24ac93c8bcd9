import { Scope } from './scopes';

export interface ApiKeySummary {
  id: string;
  name: string;
  /** Public lookup prefix, shown so a person can tell keys apart. */
  prefix: string;
  scopes: Scope[];
  createdAt: string;
  createdBy: string | null;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface CreateApiKeyRequest {
  name: string;
  scopes: Scope[];
  /** ISO 8601; omitted = never expires */
  expiresAt?: string;
}

/** The answer to creating a key: the only time `token` is ever shown. */
export interface CreatedApiKey extends ApiKeySummary {
  token: string;
}
