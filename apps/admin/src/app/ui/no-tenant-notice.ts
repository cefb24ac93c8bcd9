import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { Session } from '../core/session';

/** Shown on tenant pages when the person has no tenant to act in. */
@Component({
  selector: 'ferry-no-tenant-notice',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink],
  template: `
    <p class="notice" data-testid="no-tenant">
      @if (operator()) {
        There are no tenants yet. <a routerLink="/tenants">Create the first one</a>.
      } @else {
        You are not a member of any tenant yet. Ask a tenant admin to add you.
      }
    </p>
  `,
})
export class NoTenantNotice {
  private readonly session = inject(Session);
  protected readonly operator = computed(() => this.session.user()?.isPlatformOperator ?? false);
}
