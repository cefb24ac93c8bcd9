import { SetMetadata } from '@nestjs/common';
import { Scope } from '@ferry/contracts';

/**
 * Every route declares who may call it; the auth guard refuses routes that declare
 * nothing, so a forgotten decorator fails closed.
 */
export type AccessRule =
  | { kind: 'public' }
  | { kind: 'signed_in' }
  | { kind: 'platform_operator' }
  | { kind: 'tenant_scope'; scope: Scope };

export const ACCESS_RULE = 'ferry:access-rule';

/** No authentication (health, login, docs). */
export const Public = () => SetMetadata(ACCESS_RULE, { kind: 'public' } satisfies AccessRule);
/** Any signed-in person or API key; no tenant needed. */
export const SignedIn = () => SetMetadata(ACCESS_RULE, { kind: 'signed_in' } satisfies AccessRule);
/** Platform operators only (sessions, not API keys). */
export const PlatformOperatorOnly = () => SetMetadata(ACCESS_RULE, { kind: 'platform_operator' } satisfies AccessRule);
/** Acts inside a tenant and needs this scope there (from the person's role or the API key). */
export const RequireScope = (scope: Scope) => SetMetadata(ACCESS_RULE, { kind: 'tenant_scope', scope } satisfies AccessRule);
