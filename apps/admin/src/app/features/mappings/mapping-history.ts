import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, DestroyRef, effect, inject, output, signal, untracked } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MappingVersionDiff, MappingVersionSummary, ProblemDetails } from '@ferry/contracts';
import { LoadedValue } from '../../core/loaded-value';
import { toProblem } from '../../core/problem-details';
import { ConfirmDialog, ConfirmDialogData } from '../../ui/confirm-dialog';
import { ProblemMessage } from '../../ui/problem-message';
import { MappingWorkspace } from './mapping-workspace';
import { MappingsApi } from './mappings-api';

/** Published versions with author, time and note; the diff against the version before; rollback. */
@Component({
  selector: 'ferry-mapping-history',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, MatButtonModule, MatProgressBarModule, ProblemMessage],
  templateUrl: './mapping-history.html',
  styleUrl: './mapping-history.scss',
})
export class MappingHistory {
  private readonly api = inject(MappingsApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  protected readonly workspace = inject(MappingWorkspace);

  /** A version was published by rolling back (the page re-reads the draft). */
  readonly rolledBack = output<number>();

  protected readonly versions = new LoadedValue<MappingVersionSummary[]>(() => this.api.versions(this.workspace.flow()));
  protected readonly diff = signal<MappingVersionDiff | null>(null);
  protected readonly diffLoading = signal<number | null>(null);
  protected readonly busy = signal(false);
  protected readonly problem = signal<ProblemDetails | null>(null);

  constructor() {
    effect(() => {
      this.workspace.flow();
      untracked(() => this.reload());
    });
    inject(DestroyRef).onDestroy(() => this.versions.destroy());
  }

  reload(): void {
    this.diff.set(null);
    this.versions.reload();
  }

  protected showDiff(version: number): void {
    if (this.diff()?.version === version) {
      this.diff.set(null);
      return;
    }
    this.diffLoading.set(version);
    this.problem.set(null);
    this.api.diff(this.workspace.flow(), version).subscribe({
      next: (diff) => {
        this.diffLoading.set(null);
        this.diff.set(diff);
      },
      error: (error: unknown) => {
        this.diffLoading.set(null);
        this.problem.set(toProblem(error));
      },
    });
  }

  protected rollback(version: MappingVersionSummary): void {
    this.dialog
      .open<ConfirmDialog, ConfirmDialogData, boolean>(ConfirmDialog, {
        data: {
          title: `Roll back to version ${version.version}?`,
          message: `Version ${version.version}'s mapping is published again as a new version and the syncs use it from their next run.`,
          confirmLabel: 'Roll back',
        },
      })
      .afterClosed()
      .subscribe((confirmed) => {
        if (!confirmed) return;
        this.busy.set(true);
        this.problem.set(null);
        this.api.rollback(this.workspace.flow(), version.version, `Rollback to version ${version.version}`).subscribe({
          next: (published) => {
            this.busy.set(false);
            this.snackBar.open(`Version ${version.version} is published again as version ${published.version}.`, undefined, { duration: 5000 });
            this.reload();
            this.rolledBack.emit(published.version);
          },
          error: (error: unknown) => {
            this.busy.set(false);
            this.problem.set(toProblem(error));
          },
        });
      });
  }
}
