import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, DestroyRef, effect, inject, input, signal, untracked } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import { ERROR_CATEGORIES, ErrorCategory, ErrorState, Flow, FLOWS, isFixableByMapping, RecordErrorSummary } from '@ferry/contracts';
import { PagedList } from '../../core/paged-list';
import { toProblem } from '../../core/problem-details';
import { TenantContext } from '../../core/tenant-context';
import { ProblemMessage } from '../../ui/problem-message';
import { BulkActionDialog, BulkActionDialogData } from './bulk-action-dialog';
import { ErrorAction, ErrorsApi, ErrorsFilter } from './errors-api';
import { ERROR_CATEGORY_LABELS, ERROR_STATE_TONES } from './order-format';

/** The open errors of the queue, filtered by flow and category; retry or skip one, or all that match. */
@Component({
  selector: 'ferry-errors-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, RouterLink, MatButtonModule, MatFormFieldModule, MatIconModule, MatProgressBarModule, MatSelectModule, MatTableModule, ProblemMessage],
  templateUrl: './errors-panel.html',
  styleUrl: './errors-panel.scss',
})
export class ErrorsPanel {
  private readonly api = inject(ErrorsApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  protected readonly tenant = inject(TenantContext);
  /** A category to filter by when the panel opens (`/orders?tab=errors&category=…`); unknown ones are ignored. */
  readonly initialCategory = input<string | null>(null);
  protected readonly filter = signal<ErrorsFilter>({ flow: null, category: null });
  protected readonly list = new PagedList<RecordErrorSummary>((cursor) => this.api.list(this.filter(), cursor));
  protected readonly canWrite = computed(() => this.tenant.can('orders:write'));
  protected readonly columns = computed(() => {
    const columns = ['lastSeen', 'flow', 'record', 'category', 'message', 'attempts'];
    return this.canWrite() ? [...columns, 'actions'] : columns;
  });
  protected readonly flows = FLOWS;
  protected readonly categories = ERROR_CATEGORIES;
  protected readonly categoryLabels = ERROR_CATEGORY_LABELS;
  protected readonly categoryLabel = (category: ErrorCategory): string => ERROR_CATEGORY_LABELS[category];
  protected readonly stateTone = (state: ErrorState): string => ERROR_STATE_TONES[state];
  protected readonly fixableByMapping = isFixableByMapping;
  /** The error being retried or skipped, or `bulk`. */
  protected readonly busy = signal<string | null>(null);

  constructor() {
    effect(() => {
      const category = ERROR_CATEGORIES.find((c) => c === this.initialCategory());
      if (category) untracked(() => this.filter.update((f) => ({ ...f, category })));
    });
    effect(() => {
      const tenantId = this.tenant.currentId();
      this.filter();
      untracked(() => (tenantId ? this.list.reload() : this.list.clear()));
    });
    inject(DestroyRef).onDestroy(() => this.list.destroy());
  }

  protected setFlow(flow: Flow | null): void {
    this.filter.update((f) => ({ ...f, flow }));
  }

  protected setCategory(category: ErrorCategory | null): void {
    this.filter.update((f) => ({ ...f, category }));
  }

  protected act(error: RecordErrorSummary, action: ErrorAction): void {
    this.busy.set(error.id);
    this.api.act(error.id, action).subscribe({
      next: (updated) => {
        this.busy.set(null);
        this.list.replace((e) => e.id === error.id, updated);
        this.snackBar.open(action === 'retry' ? `Retrying ${error.recordKey}.` : `${error.recordKey} was skipped.`, undefined, { duration: 4000 });
      },
      error: (failure: unknown) => {
        this.busy.set(null);
        this.snackBar.open(toProblem(failure).detail, 'Dismiss', { duration: 8000 });
      },
    });
  }

  /** Counts the matching errors (dry run), asks with that count, then acts on all of them. */
  protected bulk(action: ErrorAction): void {
    const filter = this.filter();
    this.busy.set('bulk');
    this.api.bulk(action, filter, true).subscribe({
      next: ({ matched }) => {
        this.busy.set(null);
        this.dialog
          .open<BulkActionDialog, BulkActionDialogData, boolean>(BulkActionDialog, {
            data: { action, matched, filterText: this.describe(filter) },
          })
          .afterClosed()
          .subscribe((confirmed) => confirmed && this.runBulk(action, filter));
      },
      error: (failure: unknown) => {
        this.busy.set(null);
        this.snackBar.open(toProblem(failure).detail, 'Dismiss', { duration: 8000 });
      },
    });
  }

  private runBulk(action: ErrorAction, filter: ErrorsFilter): void {
    this.busy.set('bulk');
    this.api.bulk(action, filter, false).subscribe({
      next: ({ changed }) => {
        this.busy.set(null);
        const noun = changed === 1 ? 'error' : 'errors';
        this.snackBar.open(action === 'retry' ? `${changed} ${noun} queued for retry.` : `${changed} ${noun} skipped.`, undefined, { duration: 5000 });
        this.list.reload();
      },
      error: (failure: unknown) => {
        this.busy.set(null);
        this.snackBar.open(toProblem(failure).detail, 'Dismiss', { duration: 8000 });
      },
    });
  }

  private describe(filter: ErrorsFilter): string {
    const parts = [filter.flow ? `flow ${filter.flow}` : null, filter.category ? this.categoryLabels[filter.category] : null].filter(Boolean);
    return parts.length ? `the filter (${parts.join(', ')})` : 'in all flows and categories';
  }
}
