import {
  ApiKeySummary,
  CimcloudConnectionSummary,
  ConnectionTestResult,
  EffectiveRole,
  MeResponse,
  OnboardingStatus,
  OnboardingStep,
  ShopifyConnectionSummary,
  TenantMembershipSummary,
  TenantUser,
} from '@ferry/contracts';

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

export function onboardingStatus(done: Partial<Record<OnboardingStep['id'], boolean>> = {}): OnboardingStatus {
  const step = (id: OnboardingStep['id'], title: string, route: string): OnboardingStep => ({
    id,
    title,
    done: done[id] ?? false,
    detail: done[id] ? `${title}: done` : `${title}: missing`,
    route,
  });
  const steps = [
    step('shopify_connected', 'Connect Shopify', '/connections'),
    step('cimcloud_connected', 'Connect CIMcloud', '/connections'),
    step('defaults_set', 'Set default order values', '/defaults'),
    step('locations_linked', 'Link locations to warehouses', '/locations'),
    step('lookup_ship_via', 'Fill the ship_via lookup table', '/lookup-tables'),
  ];
  return { steps, complete: steps.every((s) => s.done) };
}

export function testResult(overrides: Partial<ConnectionTestResult> = {}): ConnectionTestResult {
  return { ok: true, testedAt: '2026-03-04T05:06:07.000Z', message: 'Connected to Acme Store.', shopify: null, ...overrides };
}

export function shopifyConnection(overrides: Partial<ShopifyConnectionSummary> = {}): ShopifyConnectionSummary {
  return {
    kind: 'shopify',
    shopDomain: 'acme.myshopify.com',
    authMode: 'client_credentials',
    clientId: 'client-123',
    adminBaseUrl: null,
    accessToken: null,
    clientSecret: { hint: '••••••••9f3c' },
    webhookSecret: null,
    lastTest: null,
    updatedAt: '2026-03-04T05:00:00.000Z',
    ...overrides,
  };
}

export function cimcloudConnection(overrides: Partial<CimcloudConnectionSummary> = {}): CimcloudConnectionSummary {
  return {
    kind: 'cimcloud',
    siteName: 'acme',
    authUserName: 'ferry',
    baseUrl: null,
    authKey: { hint: '••••••••k3y1' },
    authPassword: { hint: '••••••••pw99' },
    lastTest: null,
    updatedAt: '2026-03-04T05:00:00.000Z',
    ...overrides,
  };
}
