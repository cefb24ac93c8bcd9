import { computed, inject, Injectable, signal } from '@angular/core';
import { roleHasScope, Scope, TenantMembershipSummary } from '@ferry/contracts';
import { Session } from './session';

/** localStorage key of the tenant last chosen in the switcher. */
export const TENANT_STORAGE_KEY = 'ferry.tenantId';

function readStoredTenant(): string | null {
  try {
    return globalThis.localStorage?.getItem(TENANT_STORAGE_KEY) ?? null;
  } catch {
    return null; // storage blocked (privacy mode): fall back to the first tenant
  }
}

/**
 * The tenant the signed-in person is acting in, and what their role there allows. The
 * choice is remembered in localStorage; an unknown or missing choice falls back to the
 * first tenant the person can act in.
 */
@Injectable({ providedIn: 'root' })
export class TenantContext {
  private readonly session = inject(Session);
  private readonly chosenId = signal<string | null>(readStoredTenant());

  readonly tenants = this.session.tenants;

  readonly current = computed<TenantMembershipSummary | null>(() => {
    const tenants = this.tenants();
    const chosen = this.chosenId();
    return tenants.find((t) => t.tenantId === chosen) ?? tenants[0] ?? null;
  });

  readonly currentId = computed(() => this.current()?.tenantId ?? null);
  readonly role = computed(() => this.current()?.role ?? null);

  select(tenantId: string): void {
    this.chosenId.set(tenantId);
    try {
      globalThis.localStorage?.setItem(TENANT_STORAGE_KEY, tenantId);
    } catch {
      // storage blocked: the choice still holds for this page's lifetime
    }
  }

  /** Whether the current role in the current tenant grants `scope` (reactive when read in a template or computed). */
  can(scope: Scope): boolean {
    const role = this.role();
    return role !== null && roleHasScope(role, scope);
  }
}
