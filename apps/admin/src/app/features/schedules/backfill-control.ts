import { DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, input, OnInit, signal } from '@angular/core';
import { AbstractControl, FormControl, FormGroup, ReactiveFormsModule, ValidationErrors, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { ProblemDetails, RunSummary } from '@ferry/contracts';
import { Subscription, switchMap, timer } from 'rxjs';
import { POLL_INTERVAL_MS } from '../../core/polling';
import { toProblem } from '../../core/problem-details';
import { ProblemMessage } from '../../ui/problem-message';
import { progressPercent } from '../runs/run-format';
import { RunsApi } from '../runs/runs-api';
import { SchedulesApi } from './schedules-api';

/** Where the backfill started from this page is. */
export type BackfillPhase = 'idle' | 'starting' | 'waiting' | 'running' | 'succeeded' | 'failed';

/** How many of the newest orders runs are read to find the backfill's run. */
const RUNS_WINDOW = 20;

function today(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

const notInFuture = (control: AbstractControl): ValidationErrors | null =>
  typeof control.value === 'string' && control.value > today() ? { future: true } : null;

/**
 * "Backfill from date" for the orders flow: starts the backfill, then follows its run
 * (`GET /runs?flow=orders`) every few seconds until it finishes, with a progress bar.
 */
@Component({
  selector: 'ferry-backfill-control',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DecimalPipe, ReactiveFormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, MatProgressBarModule, ProblemMessage],
  templateUrl: './backfill-control.html',
  styleUrl: './backfill-control.scss',
})
export class BackfillControl implements OnInit {
  private readonly schedules = inject(SchedulesApi);
  private readonly runs = inject(RunsApi);
  private readonly pollInterval = inject(POLL_INTERVAL_MS);

  /** The orders schedule's last run: a backfill still running is followed from the start. */
  readonly lastRun = input<RunSummary | null>(null);
  readonly canWrite = input(false);

  protected readonly since = new FormControl('', { nonNullable: true, validators: [Validators.required, notInFuture] });
  protected readonly form = new FormGroup({ since: this.since });
  protected readonly today = today();
  protected readonly phase = signal<BackfillPhase>('idle');
  protected readonly run = signal<RunSummary | null>(null);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly busy = computed(() => ['starting', 'waiting', 'running'].includes(this.phase()));
  protected readonly percent = computed(() => {
    const run = this.run();
    return run ? progressPercent(run) : null;
  });
  /** Backfill runs that existed before this one was asked for. */
  private known = new Set<string>();
  private trackedId: string | null = null;
  private request: Subscription | null = null;

  constructor() {
    inject(DestroyRef).onDestroy(() => this.request?.unsubscribe());
  }

  ngOnInit(): void {
    const last = this.lastRun();
    if (last && last.trigger === 'backfill' && last.status === 'running') {
      this.follow(last);
      this.poll();
    }
  }

  protected start(): void {
    if (this.busy()) return;
    if (this.since.invalid) {
      this.since.markAsTouched();
      return;
    }
    const since = this.since.value;
    this.problem.set(null);
    this.run.set(null);
    this.trackedId = null;
    this.phase.set('starting');
    this.request?.unsubscribe();
    this.request = this.runs
      .list('orders', null, RUNS_WINDOW)
      .pipe(
        switchMap((page) => {
          this.known = new Set(page.items.filter((r) => r.trigger === 'backfill').map((r) => r.id));
          return this.schedules.backfill(since);
        }),
      )
      .subscribe({
        next: () => {
          this.phase.set('waiting');
          this.poll();
        },
        error: (error: unknown) => {
          this.phase.set('idle');
          this.problem.set(toProblem(error));
        },
      });
  }

  private follow(run: RunSummary): void {
    this.trackedId = run.id;
    this.run.set(run);
    this.phase.set(run.status);
  }

  private poll(): void {
    this.request?.unsubscribe();
    this.request = timer(this.pollInterval)
      .pipe(switchMap(() => this.runs.list('orders', null, RUNS_WINDOW)))
      .subscribe({
        next: (page) => {
          const run = this.trackedId
            ? page.items.find((r) => r.id === this.trackedId)
            : page.items.find((r) => r.trigger === 'backfill' && !this.known.has(r.id));
          if (run) this.follow(run);
          if (!run || run.status === 'running') this.poll();
        },
        error: (error: unknown) => {
          this.problem.set(toProblem(error));
          this.poll();
        },
      });
  }
}
