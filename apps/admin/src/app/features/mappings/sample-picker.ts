import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, effect, inject, input, signal, untracked } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Flow, MappingSample, ProblemDetails } from '@ferry/contracts';
import { toProblem } from '../../core/problem-details';
import { ProblemMessage } from '../../ui/problem-message';
import { MappingWorkspace } from './mapping-workspace';
import { MappingsApi } from './mappings-api';

/** How many recent records are offered as samples. */
const SAMPLE_LIMIT = 20;

/**
 * The record the preview maps: one of the tenant's recent records (failed ones with their
 * error), the record of an error opened from the monitor (`errorId`), or pasted JSON.
 */
@Component({
  selector: 'ferry-sample-picker',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, MatButtonModule, MatButtonToggleModule, MatFormFieldModule, MatIconModule, MatInputModule, MatProgressBarModule, ProblemMessage],
  templateUrl: './sample-picker.html',
  styleUrl: './sample-picker.scss',
})
export class SamplePicker {
  private readonly api = inject(MappingsApi);
  protected readonly workspace = inject(MappingWorkspace);

  /** An error of the monitor whose record should be the sample (fix and replay). */
  readonly errorId = input<string | undefined>(undefined);

  protected readonly samples = signal<MappingSample[]>([]);
  protected readonly loading = signal(false);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly status = signal<'all' | 'failed'>('all');
  protected readonly search = signal('');
  protected readonly pasting = signal(false);
  protected readonly pasteText = signal('');
  protected readonly pasteError = signal<string | null>(null);

  constructor() {
    effect(() => {
      const flow = this.workspace.flow();
      const status = this.status();
      untracked(() => this.loadSamples(flow, status));
    });
    effect(() => {
      const flow = this.workspace.flow();
      const errorId = this.errorId();
      untracked(() => errorId && this.openErrorRecord(flow, errorId));
    });
  }

  private loadSamples(flow: Flow, status: 'all' | 'failed'): void {
    this.loading.set(true);
    this.problem.set(null);
    const search = this.search().trim();
    this.api.samples(flow, { limit: SAMPLE_LIMIT, status, ...(search ? { search } : {}) }).subscribe({
      next: (samples) => {
        this.loading.set(false);
        this.samples.set(samples);
        if (!this.errorId() && samples.length > 0 && this.workspace.sample() === null) this.workspace.useSample(samples[0]);
      },
      error: (error: unknown) => {
        this.loading.set(false);
        this.problem.set(toProblem(error));
      },
    });
  }

  /** The record of an error opened from the monitor becomes the sample. */
  private openErrorRecord(flow: Flow, errorId: string): void {
    this.api.samples(flow, { errorId, limit: 1 }).subscribe({
      next: ([sample]) => {
        if (sample) this.workspace.useSample(sample);
        else this.problem.set({ type: 'about:blank', title: 'Not found', status: 404, detail: 'The record of that error was not found.' });
      },
      error: (error: unknown) => this.problem.set(toProblem(error)),
    });
  }

  protected reload(): void {
    this.loadSamples(this.workspace.flow(), this.status());
  }

  protected pick(sample: MappingSample): void {
    this.workspace.useSample(sample);
  }

  protected applyPaste(): void {
    try {
      const input: unknown = JSON.parse(this.pasteText());
      this.pasteError.set(null);
      this.workspace.usePasted(input);
      this.pasting.set(false);
    } catch (error) {
      this.pasteError.set(`Not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
