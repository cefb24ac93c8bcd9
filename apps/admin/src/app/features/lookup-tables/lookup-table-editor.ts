import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, DestroyRef, effect, inject, input, signal, untracked } from '@angular/core';
import { FormArray, FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTooltipModule } from '@angular/material/tooltip';
import { Router, RouterLink } from '@angular/router';
import { LookupTableDetail, ProblemDetails, STANDARD_LOOKUP_TABLES } from '@ferry/contracts';
import { readTextFile, saveTextFile } from '../../core/text-files';
import { applyFieldErrors } from '../../core/field-errors';
import { LoadedValue } from '../../core/loaded-value';
import { toProblem } from '../../core/problem-details';
import { TenantContext } from '../../core/tenant-context';
import { ConfirmDialog, ConfirmDialogData } from '../../ui/confirm-dialog';
import { NoTenantNotice } from '../../ui/no-tenant-notice';
import { ProblemMessage } from '../../ui/problem-message';
import { RowGroup, rowFieldOf, rowGroup, TABLE_NAME_PATTERN, toSaveRequest, uniqueKeys } from './lookup-table-form';
import { LookupTablesApi } from './lookup-tables-api';

/** The route id of a table not created yet. */
export const NEW_TABLE_ID = 'new';

/** One lookup table: name, description and key → value rows; save, import and export CSV, delete. */
@Component({
  selector: 'ferry-lookup-table-editor',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    DatePipe,
    RouterLink,
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    MatTooltipModule,
    ProblemMessage,
    NoTenantNotice,
  ],
  templateUrl: './lookup-table-editor.html',
  styleUrl: './lookup-table-editor.scss',
})
export class LookupTableEditor {
  private readonly api = inject(LookupTablesApi);
  private readonly router = inject(Router);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  protected readonly tenant = inject(TenantContext);

  /** Route parameter: a table id, or `new`. */
  readonly tableId = input.required<string>();
  /** Query parameter for a new table: its name (e.g. a missing standard table). */
  readonly name = input<string | undefined>(undefined);

  protected readonly isNew = computed(() => this.tableId() === NEW_TABLE_ID);
  protected readonly canWrite = computed(() => this.tenant.can('mappings:write'));
  protected readonly table = new LoadedValue<LookupTableDetail>(() => this.api.get(this.tableId()));
  protected readonly labels = { name: 'Name', description: 'Description', rows: 'Rows' };

  protected readonly rows = new FormArray<RowGroup>([], uniqueKeys);
  protected readonly form = new FormGroup({
    name: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.maxLength(64), Validators.pattern(TABLE_NAME_PATTERN)] }),
    description: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(500)] }),
    rows: this.rows,
  });

  protected readonly saving = signal(false);
  protected readonly problem = signal<ProblemDetails | null>(null);

  constructor() {
    effect(() => {
      const tenantId = this.tenant.currentId();
      const isNew = this.isNew();
      untracked(() => {
        this.problem.set(null);
        if (!tenantId) this.table.clear();
        else if (isNew) {
          this.table.clear();
          const standard = STANDARD_LOOKUP_TABLES.find((t) => t.name === this.name());
          this.fill({ name: this.name() ?? '', description: standard?.description ?? '', rows: [] });
          this.addRow();
        } else this.table.reload();
      });
    });
    effect(() => {
      const table = this.table.value();
      untracked(() => table && this.fill(table));
    });
    effect(() => {
      const canWrite = this.canWrite();
      untracked(() => (canWrite ? this.form.enable({ emitEvent: false }) : this.form.disable({ emitEvent: false })));
    });
    inject(DestroyRef).onDestroy(() => this.table.destroy());
  }

  /** Shows a table; row forms are reused where they exist, so the rows are not all redrawn. */
  private fill(table: Pick<LookupTableDetail, 'name' | 'description' | 'rows'>): void {
    while (this.rows.length > table.rows.length) this.rows.removeAt(this.rows.length - 1, { emitEvent: false });
    table.rows.forEach((row, i) => {
      const existing = i < this.rows.length ? this.rows.at(i) : null;
      if (existing) existing.reset(row, { emitEvent: false });
      else this.rows.push(rowGroup(row), { emitEvent: false });
    });
    this.form.controls.name.reset(table.name);
    this.form.controls.description.reset(table.description ?? '');
    this.rows.updateValueAndValidity();
    this.form.markAsPristine();
    if (!this.canWrite()) this.form.disable({ emitEvent: false });
  }

  protected addRow(): void {
    this.rows.push(rowGroup());
    this.form.markAsDirty();
  }

  protected removeRow(index: number): void {
    this.rows.removeAt(index);
    this.form.markAsDirty();
  }

  protected keyError(row: RowGroup): string {
    const errors = row.controls.key.errors ?? {};
    if (typeof errors['server'] === 'string') return errors['server'];
    if (errors['required']) return 'Enter a key.';
    if (errors['duplicate']) return 'This key is already in the table (keys ignore case and blanks).';
    return '';
  }

  protected valueError(row: RowGroup): string {
    const errors = row.controls.value.errors ?? {};
    return typeof errors['server'] === 'string' ? errors['server'] : '';
  }

  protected nameError(): string {
    const errors = this.form.controls.name.errors ?? {};
    if (typeof errors['server'] === 'string') return errors['server'];
    if (errors['required']) return 'Give the table a name.';
    if (errors['pattern']) return 'Use lower-case letters, digits and underscores.';
    if (errors['maxlength']) return 'At most 64 characters.';
    return '';
  }

  protected save(): void {
    if (this.saving() || !this.canWrite()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const request = toSaveRequest(this.form.getRawValue());
    const isNew = this.isNew();
    this.saving.set(true);
    this.problem.set(null);
    (isNew ? this.api.create(request) : this.api.save(this.tableId(), request)).subscribe({
      next: (saved) => {
        this.saving.set(false);
        this.snackBar.open(`"${saved.name}" was saved with ${saved.rowCount} rows.`, undefined, { duration: 4000 });
        if (isNew) void this.router.navigate(['/lookup-tables', saved.id], { replaceUrl: true });
        else this.table.set(saved);
      },
      error: (error: unknown) => {
        this.saving.set(false);
        this.problem.set(this.applyErrors(toProblem(error)));
      },
    });
  }

  /** Row errors (`rows.3.key`) go to their row; name and description to theirs. */
  private applyErrors(problem: ProblemDetails): ProblemDetails {
    const rest = [];
    for (const error of problem.errors ?? []) {
      const at = rowFieldOf(error.field);
      const row = at ? this.rows.at(at.index) : undefined;
      if (at && row) {
        const control = row.controls[at.key];
        control.setErrors({ ...(control.errors ?? {}), server: error.message });
        control.markAsTouched();
      } else rest.push(error);
    }
    return applyFieldErrors({ name: this.form.controls.name, description: this.form.controls.description }, { ...problem, errors: rest });
  }

  protected importCsv(event: Event): void {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file || this.isNew() || !this.canWrite()) return;
    this.saving.set(true);
    this.problem.set(null);
    readTextFile(file)
      .then((csv) =>
        this.api.importCsv(this.tableId(), csv).subscribe({
          next: (saved) => {
            this.saving.set(false);
            this.table.set(saved);
            this.snackBar.open(`Imported ${saved.rowCount} rows from ${file.name}.`, undefined, { duration: 5000 });
          },
          error: (error: unknown) => {
            this.saving.set(false);
            this.problem.set(toProblem(error));
          },
        }),
      )
      .catch((error: unknown) => {
        this.saving.set(false);
        this.problem.set(toProblem(error));
      });
  }

  protected exportCsv(): void {
    const table = this.table.value();
    if (!table) return;
    this.api.exportCsv(table.id).subscribe({
      next: (csv) => saveTextFile(csv, `${table.name}.csv`),
      error: (error: unknown) => this.problem.set(toProblem(error)),
    });
  }

  protected remove(): void {
    const table = this.table.value();
    if (!table) return;
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
        this.saving.set(true);
        this.api.remove(table.id).subscribe({
          next: () => {
            this.saving.set(false);
            void this.router.navigate(['/lookup-tables']);
          },
          error: (error: unknown) => {
            this.saving.set(false);
            this.problem.set(toProblem(error));
          },
        });
      });
  }
}
