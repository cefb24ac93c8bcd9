import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, output, signal, untracked } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { CimcloudConnectionRequest, CimcloudConnectionSummary, ProblemDetails } from '@ferry/contracts';
import { applyFieldErrors } from '../../core/field-errors';
import { toProblem } from '../../core/problem-details';
import { ConfirmDialog, ConfirmDialogData } from '../../ui/confirm-dialog';
import { ProblemMessage } from '../../ui/problem-message';
import { CONNECTION_STATE_LABELS, connectionFieldError, connectionState, optionalHttpUrl, requiredWhen } from './connection-form';
import { ConnectionTestResultView } from './connection-test-result';
import { ConnectionsApi } from './connections-api';

type CimcloudField = 'siteName' | 'authUserName' | 'authKey' | 'authPassword' | 'baseUrl';

const REQUIRED_TEXT: Record<string, string> = {
  siteName: 'Enter the site name from your CIMcloud API address.',
  authUserName: 'Enter the AuthUserName.',
  authKey: 'Enter the AuthKey.',
  authPassword: 'Enter the AuthPassword.',
};

/** The CIMcloud connection: site and App Authorization credentials; save, validate, disconnect. */
@Component({
  selector: 'ferry-cimcloud-connection-card',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    DatePipe,
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    ProblemMessage,
    ConnectionTestResultView,
  ],
  templateUrl: './cimcloud-connection-card.html',
  styleUrl: './connection-card.scss',
})
export class CimcloudConnectionCard {
  private readonly api = inject(ConnectionsApi);
  private readonly dialog = inject(MatDialog);

  readonly connection = input.required<CimcloudConnectionSummary | null>();
  readonly canWrite = input.required<boolean>();
  readonly changed = output<CimcloudConnectionSummary | null>();

  protected readonly labels = {
    siteName: 'Site name',
    authUserName: 'AuthUserName',
    authKey: 'AuthKey',
    authPassword: 'AuthPassword',
    baseUrl: 'API base URL',
  };

  /** The stored connection the form was last filled from (read by the validators). */
  private current: CimcloudConnectionSummary | null = null;
  protected readonly form = inject(NonNullableFormBuilder).group({
    siteName: ['', [Validators.required, Validators.maxLength(100)]],
    authUserName: ['', [Validators.required, Validators.maxLength(200)]],
    authKey: ['', requiredWhen(() => !this.stored('authKey'))],
    authPassword: ['', requiredWhen(() => !this.stored('authPassword'))],
    baseUrl: ['', optionalHttpUrl],
  });

  protected readonly saving = signal(false);
  protected readonly testing = signal(false);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly state = computed(() => connectionState(this.connection() !== null, this.connection()?.lastTest));
  protected readonly stateLabels = CONNECTION_STATE_LABELS;

  constructor() {
    effect(() => {
      const connection = this.connection();
      const canWrite = this.canWrite();
      untracked(() => this.resetForm(connection, canWrite));
    });
  }

  private stored(key: 'authKey' | 'authPassword'): boolean {
    return this.current?.[key] != null;
  }

  private resetForm(connection: CimcloudConnectionSummary | null, canWrite: boolean): void {
    this.current = connection;
    this.form.reset({
      siteName: connection?.siteName ?? '',
      authUserName: connection?.authUserName ?? '',
      authKey: '',
      authPassword: '',
      baseUrl: connection?.baseUrl ?? '',
    });
    if (canWrite) this.form.enable({ emitEvent: false });
    else this.form.disable({ emitEvent: false });
  }

  protected hint(key: 'authKey' | 'authPassword'): string | null {
    return this.connection()?.[key]?.hint ?? null;
  }

  protected error(key: CimcloudField): string {
    return connectionFieldError(this.form.controls[key], REQUIRED_TEXT[key] ?? 'Required.');
  }

  protected save(): void {
    if (this.saving() || !this.canWrite()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const v = this.form.getRawValue();
    const request: CimcloudConnectionRequest = { siteName: v.siteName.trim(), authUserName: v.authUserName.trim() };
    if (v.authKey.trim()) request.authKey = v.authKey.trim();
    if (v.authPassword) request.authPassword = v.authPassword;
    if (v.baseUrl.trim()) request.baseUrl = v.baseUrl.trim();

    this.saving.set(true);
    this.problem.set(null);
    this.api.saveCimcloud(request).subscribe({
      next: (saved) => {
        this.saving.set(false);
        this.changed.emit(saved);
      },
      error: (error: unknown) => {
        this.saving.set(false);
        this.problem.set(applyFieldErrors(this.form.controls, toProblem(error)));
      },
    });
  }

  protected test(): void {
    const connection = this.connection();
    if (!connection || this.testing()) return;
    this.testing.set(true);
    this.problem.set(null);
    this.api.test('cimcloud').subscribe({
      next: (result) => {
        this.testing.set(false);
        this.changed.emit({ ...connection, lastTest: result });
      },
      error: (error: unknown) => {
        this.testing.set(false);
        this.problem.set(toProblem(error));
      },
    });
  }

  protected disconnect(): void {
    const connection = this.connection();
    if (!connection) return;
    this.dialog
      .open<ConfirmDialog, ConfirmDialogData, boolean>(ConfirmDialog, {
        data: {
          title: 'Disconnect CIMcloud?',
          message: `Ferry forgets the credentials of the site "${connection.siteName}"; nothing is sent to or read from the ERP until it is connected again.`,
          confirmLabel: 'Disconnect',
        },
      })
      .afterClosed()
      .subscribe((confirmed) => {
        if (!confirmed) return;
        this.saving.set(true);
        this.api.remove('cimcloud').subscribe({
          next: () => {
            this.saving.set(false);
            this.changed.emit(null);
          },
          error: (error: unknown) => {
            this.saving.set(false);
            this.problem.set(toProblem(error));
          },
        });
      });
  }
}
