import { TenantRole } from './roles';

/** A person as a member of the current tenant. */
export interface TenantUser {
  id: string;
  email: string;
  displayName: string;
  role: TenantRole;
  addedAt: string;
}

export interface AddUserRequest {
  email: string;
  displayName: string;
  role: TenantRole;
}

export interface AddUserResponse {
  user: TenantUser;
  /** Only when the person had no account yet: shown once, to be changed at first login. */
  temporaryPassword: string | null;
}

export interface UpdateMembershipRequest {
  role: TenantRole;
}
