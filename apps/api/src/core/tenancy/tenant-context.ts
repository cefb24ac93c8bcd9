import { EffectiveRole, Scope } from '@ferry/contracts';

/** Who is acting: a person (session) or a partner's automation (API key), or a background job. */
export interface Actor {
  userId: string | null;
  apiKeyId: string | null;
}

/**
 * The tenant a request or background job works in, established once (by the auth guard
 * for requests, by the job runner for jobs) and passed explicitly to services.
 */
export interface TenantContext {
  tenantId: string;
  actor: Actor;
  /** The acting person's role in this tenant; null for API keys and jobs. */
  role: EffectiveRole | null;
  scopes: readonly Scope[];
  requestId: string | null;
  ip: string | null;
}
