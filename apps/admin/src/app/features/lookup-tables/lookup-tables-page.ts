import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, DestroyRef, effect, inject, signal, untracked } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import { MatTooltipModule } from '@angular/material/tooltip';
import { RouterLink } from '@angular/router';
import { LookupTableSummary, STANDARD_LOOKUP_TABLES } from '@ferry/contracts';
import { saveTextFile } from '../../core/text-files';
import { LoadedValue } from '../../core/loaded-value';
import { toProblem } from '../../core/problem-details';
import { TenantContext } from '../../core/tenant-context';
import { ConfirmDialog, ConfirmDialogData } from '../../ui/confirm-dialog';
import { NoTenantNotice } from '../../ui/no-tenant-notice';
import { ProblemMessage } from '../../ui/problem-message';
import { LookupTablesApi } from './lookup-tables-api';

/** The tenant's lookup tables: list, open one to edit, export, delete. */
@Component({
  selector: 'ferry-lookup-tables-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, RouterLink, MatButtonModule, MatIconModule, MatProgressBarModule, MatTableModule, MatTooltipModule, ProblemMessage, NoTenantNotice],
  templateUrl: './lookup-tables-page.html',
})
export class LookupTablesPage {
  private readonly api = inject(LookupTablesApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  protected readonly tenant = inject(TenantContext);
  protected readonly tables = new LoadedValue<LookupTableSummary[]>(() => this.api.list());
  protected readonly canWrite = computed(() => this.tenant.can('mappings:write'));
  protected readonly columns = computed(() =>
    this.canWrite() ? ['name', 'description', 'rows', 'updated', 'actions'] : ['name', 'description', 'rows', 'updated', 'export'],
  );
  /** Standard tables (read by the default mappings) this tenant has not created yet. */
  protected readonly missingStandard = computed(() => {
    const names = new Set((this.tables.value() ?? []).map((t) => t.name));
    return this.tables.loaded() ? STANDARD_LOOKUP_TABLES.filter((t) => !names.has(t.name)) : [];
  });
  protected readonly busy = signal<string | null>(null);

  constructor() {
    effect(() => {
      const tenantId = this.tenant.currentId();
      untracked(() => (tenantId ? this.tables.reload() : this.tables.clear()));
    });
    inject(DestroyRef).onDestroy(() => this.tables.destroy());
  }

  protected exportCsv(table: LookupTableSummary): void {
    this.busy.set(table.id);
    this.api.exportCsv(table.id).subscribe({
      next: (csv) => {
        this.busy.set(null);
        saveTextFile(csv, `${table.name}.csv`);
      },
      error: (error: unknown) => {
        this.busy.set(null);
        this.snackBar.open(toProblem(error).detail, 'Dismiss', { duration: 8000 });
      },
    });
  }

  protected remove(table: LookupTableSummary): void {
    this.dialog
      .open<ConfirmDialog, ConfirmDialogData, boolean>(ConfirmDialog, {
        data: {
          title: 'Delete lookup table?',
          message: `"${table.name}" and its ${table.rowCount} rows are deleted. Mappings that read it fall back to their defaults.`,
          confirmLabel: 'Delete',
        },
      })
      .afterClosed()
      .subscribe((confirmed) => {
        if (!confirmed) return;
        this.busy.set(table.id);
        this.api.remove(table.id).subscribe({
          next: () => {
            this.busy.set(null);
            this.tables.update((tables) => tables.filter((t) => t.id !== table.id));
            this.snackBar.open(`"${table.name}" was deleted.`, undefined, { duration: 4000 });
          },
          error: (error: unknown) => {
            this.busy.set(null);
            this.snackBar.open(toProblem(error).detail, 'Dismiss', { duration: 8000 });
          },
        });
      });
  }
}
