import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, DestroyRef, effect, inject, signal, untracked } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { Flow, FLOWS, RunStatus, RunSummary, RunTrigger } from '@ferry/contracts';
import { forkJoin, Subscription, switchMap, timer } from 'rxjs';
import { PagedList } from '../../core/paged-list';
import { POLL_INTERVAL_MS } from '../../core/polling';
import { TenantContext } from '../../core/tenant-context';
import { NoTenantNotice } from '../../ui/no-tenant-notice';
import { ProblemMessage } from '../../ui/problem-message';
import { formatDuration, progressPercent, RUN_STATUS_TONES, RUN_TRIGGER_LABELS } from './run-format';
import { RunsApi } from './runs-api';

/** Run history: what each run read, wrote, skipped and failed; running ones refresh by themselves. */
@Component({
  selector: 'ferry-runs-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, MatButtonModule, MatFormFieldModule, MatIconModule, MatProgressBarModule, MatSelectModule, MatTableModule, ProblemMessage, NoTenantNotice],
  templateUrl: './runs-page.html',
  styleUrl: './runs-page.scss',
})
export class RunsPage {
  private readonly api = inject(RunsApi);
  private readonly pollInterval = inject(POLL_INTERVAL_MS);
  protected readonly tenant = inject(TenantContext);
  protected readonly flow = signal<Flow | null>(null);
  protected readonly list = new PagedList<RunSummary>((cursor) => this.api.list(this.flow(), cursor));
  protected readonly columns = ['flow', 'trigger', 'status', 'started', 'duration', 'read', 'written', 'skipped', 'failed', 'error'];
  protected readonly flows = FLOWS;
  protected readonly tone = (status: RunStatus): string => RUN_STATUS_TONES[status];
  protected readonly trigger = (trigger: RunTrigger): string => RUN_TRIGGER_LABELS[trigger];
  protected readonly duration = formatDuration;
  protected readonly percent = progressPercent;
  private poll: Subscription | null = null;

  constructor() {
    effect(() => {
      const tenantId = this.tenant.currentId();
      this.flow();
      untracked(() => (tenantId ? this.list.reload() : this.list.clear()));
    });
    // While a visible run is running, re-read those runs every few seconds.
    effect(() => {
      const running = this.list.items().filter((run) => run.status === 'running').map((run) => run.id);
      untracked(() => this.schedulePoll(running));
    });
    inject(DestroyRef).onDestroy(() => {
      this.poll?.unsubscribe();
      this.list.destroy();
    });
  }

  protected setFlow(flow: Flow | null): void {
    this.flow.set(flow);
  }

  private schedulePoll(ids: string[]): void {
    this.poll?.unsubscribe();
    this.poll = null;
    if (ids.length === 0) return;
    this.poll = timer(this.pollInterval)
      .pipe(switchMap(() => forkJoin(ids.map((id) => this.api.get(id)))))
      .subscribe({
        next: (runs) => {
          for (const run of runs) this.list.replace((r) => r.id === run.id, run);
        },
        error: () => {
          // a failed re-read keeps the rows shown; "Refresh" tries again
        },
      });
  }
}
