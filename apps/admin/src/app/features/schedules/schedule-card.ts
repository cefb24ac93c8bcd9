import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, output, signal, untracked } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSnackBar } from '@angular/material/snack-bar';
import { ProblemDetails, ScheduleSummary, UpdateScheduleRequest } from '@ferry/contracts';
import { applyFieldErrors } from '../../core/field-errors';
import { toProblem } from '../../core/problem-details';
import { ProblemMessage } from '../../ui/problem-message';
import { formatDuration, RUN_STATUS_TONES, RUN_TRIGGER_LABELS } from '../runs/run-format';
import { BackfillControl } from './backfill-control';
import { cronValidator, describeTiming, intervalValidator } from './schedule-rules';
import { SchedulesApi } from './schedules-api';

export type TimingMode = 'interval' | 'cron';

export const FLOW_TITLES: Record<ScheduleSummary['flow'], { title: string; summary: string }> = {
  orders: { title: 'Orders', summary: 'New and updated Shopify orders → CIMcloud pass-through orders' },
  shipments: { title: 'Shipments', summary: 'ERP shipments → Shopify fulfillments with tracking' },
  inventory: { title: 'Inventory', summary: 'ERP available quantities → Shopify inventory levels' },
};

/** One flow's schedule: interval or cron, pause/resume, run now, next and last run (and the orders backfill). */
@Component({
  selector: 'ferry-schedule-card',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    DatePipe,
    ReactiveFormsModule,
    MatButtonModule,
    MatButtonToggleModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    ProblemMessage,
    BackfillControl,
  ],
  templateUrl: './schedule-card.html',
  styleUrl: './schedule-card.scss',
})
export class ScheduleCard {
  private readonly api = inject(SchedulesApi);
  private readonly snackBar = inject(MatSnackBar);

  readonly schedule = input.required<ScheduleSummary>();
  readonly canWrite = input(false);
  /** The server's answer to a change. */
  readonly changed = output<ScheduleSummary>();

  protected readonly form = new FormGroup({
    mode: new FormControl<TimingMode>('interval', { nonNullable: true }),
    intervalMinutes: new FormControl<number | null>(null, { validators: [intervalValidator] }),
    cron: new FormControl('', { nonNullable: true, validators: [cronValidator] }),
  });
  protected readonly mode = signal<TimingMode>('interval');
  protected readonly busy = signal<'save' | 'pause' | 'run' | null>(null);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly info = computed(() => FLOW_TITLES[this.schedule().flow]);
  protected readonly timing = computed(() => describeTiming(this.schedule()));
  protected readonly tones = RUN_STATUS_TONES;
  protected readonly triggers = RUN_TRIGGER_LABELS;
  protected readonly duration = formatDuration;

  constructor() {
    effect(() => {
      const schedule = this.schedule();
      const canWrite = this.canWrite();
      untracked(() => this.fill(schedule, canWrite));
    });
    this.form.controls.mode.valueChanges.pipe(takeUntilDestroyed()).subscribe((mode) => this.applyMode(mode));
  }

  private fill(schedule: ScheduleSummary, canWrite: boolean): void {
    const mode: TimingMode = schedule.cron ? 'cron' : 'interval';
    this.form.reset({ mode, intervalMinutes: schedule.intervalMinutes ?? 5, cron: schedule.cron ?? '' }, { emitEvent: false });
    this.applyMode(mode);
    if (!canWrite) this.form.disable({ emitEvent: false });
  }

  private applyMode(mode: TimingMode): void {
    this.mode.set(mode);
    const { intervalMinutes, cron } = this.form.controls;
    if (mode === 'interval') {
      intervalMinutes.enable({ emitEvent: false });
      cron.disable({ emitEvent: false });
    } else {
      cron.enable({ emitEvent: false });
      intervalMinutes.disable({ emitEvent: false });
    }
  }

  protected error(control: 'intervalMinutes' | 'cron'): string {
    const errors = this.form.controls[control].errors ?? {};
    return String(errors['server'] ?? errors['interval'] ?? errors['cron'] ?? '');
  }

  protected save(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const { intervalMinutes, cron } = this.form.getRawValue();
    const change: UpdateScheduleRequest = this.mode() === 'cron' ? { cron: cron.trim().replace(/\s+/g, ' ') } : { intervalMinutes: Number(intervalMinutes) };
    this.update(change, 'save', 'Saved: the next run is planned from the new timing.');
  }

  protected togglePause(): void {
    const paused = !this.schedule().paused;
    this.update({ paused }, 'pause', paused ? `${this.info().title} paused.` : `${this.info().title} resumed.`);
  }

  protected runNow(): void {
    const flow = this.schedule().flow;
    this.busy.set('run');
    this.problem.set(null);
    this.api.runNow(flow).subscribe({
      next: ({ queued }) => {
        this.busy.set(null);
        const message = queued ? `A run of ${flow} was queued.` : `A run of ${flow} is already waiting; it will pick up the same work.`;
        this.snackBar.open(message, undefined, { duration: 5000 });
      },
      error: (error: unknown) => {
        this.busy.set(null);
        this.problem.set(toProblem(error));
      },
    });
  }

  private update(change: UpdateScheduleRequest, what: 'save' | 'pause', done: string): void {
    this.busy.set(what);
    this.problem.set(null);
    this.api.update(this.schedule().flow, change).subscribe({
      next: (schedule) => {
        this.busy.set(null);
        this.changed.emit(schedule);
        this.snackBar.open(done, undefined, { duration: 4000 });
      },
      error: (error: unknown) => {
        this.busy.set(null);
        const { intervalMinutes, cron } = this.form.controls;
        this.problem.set(applyFieldErrors({ intervalMinutes, cron }, toProblem(error)));
      },
    });
  }
}
