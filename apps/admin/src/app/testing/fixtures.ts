import { ApiKeySummary, EffectiveRole, MeResponse, TenantMembershipSummary, TenantUser } from '@ferry/contracts';

/** Test data shaped like the API's answers (contracts types, so they break when the contract changes). */
export function membership(tenantId: string, role: EffectiveRole, tenantName = `Tenant ${tenantId}`): TenantMembershipSummary {
  return { tenantId, tenantName, tenantSlug: tenantId, role };
}

export function meResponse(
  overrides: { tenants?: TenantMembershipSummary[]; isPlatformOperator?: boolean; mustChangePassword?: boolean } = {},
): MeResponse {
  return {
    user: {
      id: 'user-1',
      email: 'ada@acme.test',
      displayName: 'Ada Admin',
      isPlatformOperator: overrides.isPlatformOperator ?? false,
      mustChangePassword: overrides.mustChangePassword ?? false,
    },
    tenants: overrides.tenants ?? [membership('t-acme', 'tenant_admin', 'Acme'), membership('t-globex', 'tenant_viewer', 'Globex')],
  };
}

export function tenantUser(id: string, overrides: Partial<TenantUser> = {}): TenantUser {
  return {
    id,
    email: `${id}@acme.test`,
    displayName: `User ${id}`,
    role: 'tenant_viewer',
    addedAt: '2026-01-02T10:00:00.000Z',
    ...overrides,
  };
}

export function apiKey(id: string, overrides: Partial<ApiKeySummary> = {}): ApiKeySummary {
  return {
    id,
    name: `Key ${id}`,
    prefix: `fk_${id}`,
    scopes: ['orders:read'],
    createdAt: '2026-01-02T10:00:00.000Z',
    createdBy: 'user-1',
    expiresAt: null,
    lastUsedAt: null,
    revokedAt: null,
    ...overrides,
  };
}
