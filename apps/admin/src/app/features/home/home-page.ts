import { ChangeDetectionStrategy, Component, computed, DestroyRef, effect, inject, untracked } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { OnboardingStatus } from '@ferry/contracts';
import { LoadedValue } from '../../core/loaded-value';
import { TenantContext } from '../../core/tenant-context';
import { NoTenantNotice } from '../../ui/no-tenant-notice';
import { ProblemMessage } from '../../ui/problem-message';
import { OnboardingApi } from './onboarding-api';

/** The tenant's home: the onboarding checklist, what is done and what is missing before syncs can run. */
@Component({
  selector: 'ferry-home-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, MatButtonModule, MatIconModule, MatProgressBarModule, ProblemMessage, NoTenantNotice],
  templateUrl: './home-page.html',
  styleUrl: './home-page.scss',
})
export class HomePage {
  private readonly api = inject(OnboardingApi);
  protected readonly tenant = inject(TenantContext);
  protected readonly status = new LoadedValue<OnboardingStatus>(() => this.api.status());
  protected readonly doneCount = computed(() => this.status.value()?.steps.filter((s) => s.done).length ?? 0);

  constructor() {
    effect(() => {
      const tenantId = this.tenant.currentId();
      untracked(() => (tenantId ? this.status.reload() : this.status.clear()));
    });
    inject(DestroyRef).onDestroy(() => this.status.destroy());
  }
}
