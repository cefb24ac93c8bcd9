import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import { ErrorAction } from './errors-api';

export interface BulkActionDialogData {
  action: ErrorAction;
  /** How many open errors match (from the dry run). */
  matched: number;
  /** The filter in words, e.g. "orders · SKU not matched". */
  filterText: string;
}

/** Confirms a bulk retry or skip, showing how many errors it touches; closes with `true` only when confirmed. */
@Component({
  selector: 'ferry-bulk-action-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatDialogModule, MatButtonModule],
  template: `
    <h2 mat-dialog-title>{{ data.action === 'retry' ? 'Retry' : 'Skip' }} matching errors?</h2>
    <mat-dialog-content>
      <p>
        <strong data-testid="errors-bulk-count" [attr.data-count]="data.matched">{{ data.matched }}</strong>
        open {{ data.matched === 1 ? 'error matches' : 'errors match' }} {{ data.filterText }}.
      </p>
      @if (data.matched === 0) {
        <p>There is nothing to {{ data.action }}.</p>
      } @else if (data.action === 'retry') {
        <p>Each record is tried again with the current mapping, defaults and lookup tables.</p>
      } @else {
        <p>Skipped records are not tried again; they stay visible, marked as skipped.</p>
      }
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" [mat-dialog-close]="false">Cancel</button>
      <button mat-flat-button type="button" data-testid="confirm" [disabled]="data.matched === 0" [mat-dialog-close]="true">
        {{ data.action === 'retry' ? 'Retry' : 'Skip' }} {{ data.matched }}
      </button>
    </mat-dialog-actions>
  `,
})
export class BulkActionDialog {
  protected readonly data = inject<BulkActionDialogData>(MAT_DIALOG_DATA);
}
