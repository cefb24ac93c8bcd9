import { inject, signal } from '@angular/core';
import { AbstractControl } from '@angular/forms';
import { MatDialog } from '@angular/material/dialog';
import { ConnectionKind, ConnectionTestResult, ProblemDetails } from '@ferry/contracts';
import { Observable } from 'rxjs';
import { applyFieldErrors } from '../../core/field-errors';
import { toProblem } from '../../core/problem-details';
import { ConfirmDialog, ConfirmDialogData } from '../../ui/confirm-dialog';
import { ConnectionsApi } from './connections-api';

/**
 * What the Shopify and CIMcloud cards do alike: save, test and disconnect, one request at a
 * time, the API's problem shown (bad fields under their controls), the new state emitted.
 * Create it in an injection context (a component's field).
 */
export class ConnectionCardActions<Summary extends { lastTest?: ConnectionTestResult | null }> {
  private readonly api = inject(ConnectionsApi);
  private readonly dialog = inject(MatDialog);
  readonly saving = signal(false);
  readonly testing = signal(false);
  readonly problem = signal<ProblemDetails | null>(null);

  constructor(
    private readonly kind: ConnectionKind,
    private readonly connection: () => Summary | null,
    private readonly changed: (connection: Summary | null) => void,
  ) {}

  save(request: Observable<Summary>, controls: Readonly<Record<string, AbstractControl>>): void {
    this.saving.set(true);
    this.problem.set(null);
    request.subscribe({
      next: (saved) => {
        this.saving.set(false);
        this.changed(saved);
      },
      error: (error: unknown) => {
        this.saving.set(false);
        this.problem.set(applyFieldErrors(controls, toProblem(error)));
      },
    });
  }

  test(): void {
    const connection = this.connection();
    if (!connection || this.testing()) return;
    this.testing.set(true);
    this.problem.set(null);
    this.api.test(this.kind).subscribe({
      next: (result) => {
        this.testing.set(false);
        this.changed({ ...connection, lastTest: result });
      },
      error: (error: unknown) => {
        this.testing.set(false);
        this.problem.set(toProblem(error));
      },
    });
  }

  /** Asks first (`confirm` says what is forgotten), then removes the connection. */
  disconnect(confirm: Pick<ConfirmDialogData, 'title' | 'message'>): void {
    if (!this.connection()) return;
    this.dialog
      .open<ConfirmDialog, ConfirmDialogData, boolean>(ConfirmDialog, { data: { ...confirm, confirmLabel: 'Disconnect' } })
      .afterClosed()
      .subscribe((confirmed) => {
        if (!confirmed) return;
        this.saving.set(true);
        this.api.remove(this.kind).subscribe({
          next: () => {
            this.saving.set(false);
            this.changed(null);
          },
          error: (error: unknown) => {
            this.saving.set(false);
            this.problem.set(toProblem(error));
          },
        });
      });
  }
}
