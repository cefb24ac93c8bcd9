import { EffectiveRole } from './roles';

export interface LoginRequest {
  email: string;
  password: string;
}

export interface ChangePasswordRequest {
  currentPassword: string;
  newPassword: string;
}

export interface CurrentUser {
  id: string;
  email: string;
  displayName: string;
  isPlatformOperator: boolean;
  /** Set for people created with a temporary password: they should choose their own. */
  mustChangePassword: boolean;
}

export interface TenantMembershipSummary {
  tenantId: string;
  tenantName: string;
  tenantSlug: string;
  role: EffectiveRole;
}

/** `GET /api/v1/auth/me` and the answer to a login. */
export interface MeResponse {
  user: CurrentUser;
  /** Tenants this person can act in; for platform operators, every tenant. */
  tenants: TenantMembershipSummary[];
}
