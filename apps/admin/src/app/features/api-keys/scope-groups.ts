import { Scope, SCOPES } from '@ferry/contracts';

export interface ScopeGroup {
  /** The resource part of the scopes, e.g. `api_keys`. */
  resource: string;
  label: string;
  scopes: readonly { scope: Scope; action: string }[];
}

const RESOURCE_LABELS: Readonly<Record<string, string>> = {
  users: 'Users',
  api_keys: 'API keys',
  connections: 'Connections',
  defaults: 'Defaults',
  mappings: 'Mappings',
  schedules: 'Schedules',
  orders: 'Orders',
  runs: 'Runs',
  audit: 'Audit log',
};

function labelOf(resource: string): string {
  const known = RESOURCE_LABELS[resource];
  if (known) return known;
  const words = resource.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** `SCOPES` grouped by resource (`orders:read`, `orders:write` → "Orders: read, write"), in contract order. */
export function groupScopes(scopes: readonly Scope[] = SCOPES): ScopeGroup[] {
  const groups = new Map<string, { scope: Scope; action: string }[]>();
  for (const scope of scopes) {
    const [resource, action = scope] = scope.split(':');
    const group = groups.get(resource) ?? [];
    group.push({ scope, action });
    groups.set(resource, group);
  }
  return [...groups].map(([resource, entries]) => ({ resource, label: labelOf(resource), scopes: entries }));
}
