import { ChangeDetectionStrategy, Component, computed, DestroyRef, effect, inject, untracked } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { FLOWS, ScheduleSummary } from '@ferry/contracts';
import { LoadedValue } from '../../core/loaded-value';
import { TenantContext } from '../../core/tenant-context';
import { NoTenantNotice } from '../../ui/no-tenant-notice';
import { ProblemMessage } from '../../ui/problem-message';
import { ScheduleCard } from './schedule-card';
import { SchedulesApi } from './schedules-api';

/** When each flow runs: one card per flow. */
@Component({
  selector: 'ferry-schedules-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatIconModule, MatProgressBarModule, ProblemMessage, NoTenantNotice, ScheduleCard],
  template: `
    <header class="page-header">
      <div>
        <h1>Schedules</h1>
        @if (tenant.current(); as current) {
          <p class="subtitle">When the flows of {{ current.tenantName }} run. A flow never runs twice at once.</p>
        }
      </div>
      @if (tenant.currentId()) {
        <button mat-button type="button" data-testid="schedules-refresh" [disabled]="schedules.loading()" (click)="schedules.reload()">
          <mat-icon svgIcon="refresh" /> Refresh
        </button>
      }
    </header>

    @if (!tenant.currentId()) {
      <ferry-no-tenant-notice />
    } @else {
      @if (!canWrite()) {
        <p class="notice" data-testid="read-only">Your role can view the schedules of this tenant but not change them.</p>
      }
      @if (schedules.loading()) {
        <mat-progress-bar mode="indeterminate" />
      }
      @if (schedules.error(); as problem) {
        <ferry-problem-message [problem]="problem" />
        <button mat-button type="button" (click)="schedules.reload()"><mat-icon svgIcon="refresh" /> Try again</button>
      }
      <div class="cards">
        @for (schedule of ordered(); track schedule.flow) {
          <ferry-schedule-card [schedule]="schedule" [canWrite]="canWrite()" (changed)="replace($event)" />
        }
      </div>
    }
  `,
  styles: `
    .cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(380px, 1fr)); gap: 24px; align-items: start; }
  `,
})
export class SchedulesPage {
  private readonly api = inject(SchedulesApi);
  protected readonly tenant = inject(TenantContext);
  protected readonly schedules = new LoadedValue<ScheduleSummary[]>(() => this.api.list());
  protected readonly canWrite = computed(() => this.tenant.can('schedules:write'));
  /** In the order of the flows (orders, shipments, inventory). */
  protected readonly ordered = computed(() =>
    [...(this.schedules.value() ?? [])].sort((a, b) => FLOWS.indexOf(a.flow) - FLOWS.indexOf(b.flow)),
  );

  constructor() {
    effect(() => {
      const tenantId = this.tenant.currentId();
      untracked(() => (tenantId ? this.schedules.reload() : this.schedules.clear()));
    });
    inject(DestroyRef).onDestroy(() => this.schedules.destroy());
  }

  protected replace(schedule: ScheduleSummary): void {
    this.schedules.update((all) => all.map((s) => (s.flow === schedule.flow ? schedule : s)));
  }
}
