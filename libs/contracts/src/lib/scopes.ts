import { EffectiveRole } from './roles';

/**
 * Permissions inside a tenant. A person's role grants a set of them; a partner's API key
 * carries an explicit subset. Every route names the one it needs.
 */
export const SCOPES = [
  'users:read',
  'users:write',
  'api_keys:read',
  'api_keys:write',
  'connections:read',
  'connections:write',
  'defaults:read',
  'defaults:write',
  'mappings:read',
  'mappings:write',
  'schedules:read',
  'schedules:write',
  'orders:read',
  'orders:write',
  'runs:read',
  'audit:read',
] as const;
export type Scope = (typeof SCOPES)[number];

const readScopes = SCOPES.filter((s) => s.endsWith(':read') && s !== 'audit:read');

export const ROLE_SCOPES: Record<EffectiveRole, readonly Scope[]> = {
  platform_operator: SCOPES,
  tenant_admin: SCOPES,
  // The audit log is for tenant admins (issue 6); viewers and pro-services read the rest.
  tenant_viewer: readScopes,
  pro_services: [...readScopes, 'mappings:write'],
};

export function roleHasScope(role: EffectiveRole, scope: Scope): boolean {
  return ROLE_SCOPES[role].includes(scope);
}
