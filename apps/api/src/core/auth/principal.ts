import { Scope } from '@ferry/contracts';
import type { Request } from 'express';
import { TenantContext } from '../tenancy/tenant-context';

export interface UserPrincipal {
  kind: 'user';
  userId: string;
  email: string;
  isPlatformOperator: boolean;
  sessionId: string;
}

export interface ApiKeyPrincipal {
  kind: 'api_key';
  apiKeyId: string;
  tenantId: string;
  scopes: Scope[];
}

export type Principal = UserPrincipal | ApiKeyPrincipal;

/** An Express request once the auth guard has run. */
export interface FerryRequest extends Request {
  principal?: Principal;
  tenantContext?: TenantContext;
}
