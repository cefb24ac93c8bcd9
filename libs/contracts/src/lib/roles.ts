/** Roles a person can hold inside one tenant (DESIGN §1). Platform operators are a user flag, not a membership. */
export const TENANT_ROLES = ['tenant_admin', 'tenant_viewer', 'pro_services'] as const;
export type TenantRole = (typeof TENANT_ROLES)[number];

/** The role shown for a platform operator acting in a tenant they are not a member of. */
export const PLATFORM_OPERATOR_ROLE = 'platform_operator' as const;
export type EffectiveRole = TenantRole | typeof PLATFORM_OPERATOR_ROLE;

export const ROLE_LABELS: Record<EffectiveRole, string> = {
  tenant_admin: 'Tenant admin',
  tenant_viewer: 'Viewer',
  pro_services: 'Pro-services',
  platform_operator: 'Platform operator',
};
