import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import {
  Flow,
  MappingDefinition,
  MappingDraft,
  MappingImpactReport,
  MappingPublishResult,
  MappingReplayResult,
  MappingTestReport,
  ProblemDetails,
} from '@ferry/contracts';
import { Observable, switchMap } from 'rxjs';
import { toProblem } from '../../core/problem-details';
import { ProblemMessage } from '../../ui/problem-message';
import { ImpactSummary } from './impact-summary';
import { breakingImpactOf, failingTestsOf } from './mapping-problem-members';
import { MappingsApi } from './mappings-api';
import { TestResultList } from './test-result-list';

/** How many recent records the impact preview compares. */
export const IMPACT_RECORDS = 50;

export interface PublishDialogData {
  flow: Flow;
  definition: MappingDefinition;
  /** Saves the definition as the draft (publish publishes the saved draft). */
  saveDraft: () => Observable<MappingDraft>;
}

/**
 * Publishing: the test results and the impact preview first, an explicit confirmation when
 * records would break, a note; then "N open errors are now resolvable — Replay them".
 * Closes with the publish result (or undefined when nothing was published).
 */
@Component({
  selector: 'ferry-publish-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatDialogModule, MatButtonModule, MatCheckboxModule, MatFormFieldModule, MatInputModule, MatProgressBarModule, ProblemMessage, TestResultList, ImpactSummary],
  templateUrl: './publish-dialog.html',
  styleUrl: './publish-dialog.scss',
})
export class PublishDialog {
  private readonly api = inject(MappingsApi);
  private readonly dialogRef = inject<MatDialogRef<PublishDialog, MappingPublishResult | undefined>>(MatDialogRef);
  protected readonly data = inject<PublishDialogData>(MAT_DIALOG_DATA);

  protected readonly tests = signal<MappingTestReport | null>(null);
  protected readonly impact = signal<MappingImpactReport | null>(null);
  protected readonly checking = signal(0);
  protected readonly note = signal('');
  protected readonly confirmed = signal(false);
  protected readonly publishing = signal(false);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly result = signal<MappingPublishResult | null>(null);
  protected readonly replaying = signal(false);
  protected readonly replayed = signal<MappingReplayResult | null>(null);
  protected readonly replayProblem = signal<ProblemDetails | null>(null);

  protected readonly testsFail = computed(() => (this.tests()?.failed ?? 0) > 0);
  protected readonly breaks = computed(() => (this.impact()?.newlyBroken ?? 0) > 0);
  protected readonly canPublish = computed(
    () => !this.publishing() && this.checking() === 0 && !this.testsFail() && (!this.breaks() || this.confirmed()) && this.result() === null,
  );

  constructor() {
    this.check();
  }

  /** Runs the tests and the impact preview of the definition on screen. */
  private check(): void {
    const { flow, definition } = this.data;
    this.checking.set(2);
    const done = () => this.checking.update((n) => n - 1);
    this.api.runTests(flow, definition).subscribe({
      next: (report) => {
        this.tests.set(report);
        done();
      },
      error: (error: unknown) => {
        this.problem.set(toProblem(error));
        done();
      },
    });
    this.api.impact(flow, { definition, limit: IMPACT_RECORDS }).subscribe({
      next: (impact) => {
        this.impact.set(impact);
        done();
      },
      error: (error: unknown) => {
        this.problem.set(toProblem(error));
        done();
      },
    });
  }

  protected publish(): void {
    if (!this.canPublish()) return;
    this.publishing.set(true);
    this.problem.set(null);
    const note = this.note().trim();
    this.data
      .saveDraft()
      .pipe(switchMap(() => this.api.publish(this.data.flow, { ...(note ? { note } : {}), ...(this.breaks() ? { confirmBreaking: true } : {}) })))
      .subscribe({
        next: (result) => {
          this.publishing.set(false);
          this.result.set(result);
          this.tests.set(result.tests);
          this.impact.set(result.impact);
        },
        error: (error: unknown) => {
          this.publishing.set(false);
          this.problem.set(toProblem(error));
          // 422 lists the failing tests; 409 the records that would break: show them and ask again.
          const tests = failingTestsOf(error);
          if (tests) this.tests.set(tests);
          const impact = breakingImpactOf(error);
          if (impact) {
            this.impact.set(impact);
            this.confirmed.set(false);
          }
        },
      });
  }

  protected replay(): void {
    const result = this.result();
    if (!result || this.replaying()) return;
    this.replaying.set(true);
    this.replayProblem.set(null);
    this.api.replay(this.data.flow, { errorIds: result.replay.errorIds }).subscribe({
      next: (replayed) => {
        this.replaying.set(false);
        this.replayed.set(replayed);
      },
      error: (error: unknown) => {
        this.replaying.set(false);
        this.replayProblem.set(toProblem(error));
      },
    });
  }

  protected close(): void {
    this.dialogRef.close(this.result() ?? undefined);
  }
}
