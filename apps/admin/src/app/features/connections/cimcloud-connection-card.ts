import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, output, untracked } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { CimcloudConnectionRequest, CimcloudConnectionSummary } from '@ferry/contracts';
import { ProblemMessage } from '../../ui/problem-message';
import { CONNECTION_STATE_LABELS, connectionFieldError, connectionState, optionalHttpUrl, requiredWhen } from './connection-form';
import { ConnectionTestResultView } from './connection-test-result';
import { ConnectionCardActions } from './connection-card-actions';
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

  private readonly actions = new ConnectionCardActions<CimcloudConnectionSummary>('cimcloud', () => this.connection(), (c) => this.changed.emit(c));
  protected readonly saving = this.actions.saving;
  protected readonly testing = this.actions.testing;
  protected readonly problem = this.actions.problem;
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

    this.actions.save(this.api.saveCimcloud(request), this.form.controls);
  }

  protected test(): void {
    this.actions.test();
  }

  protected disconnect(): void {
    const connection = this.connection();
    if (!connection) return;
    this.actions.disconnect({
      title: 'Disconnect CIMcloud?',
      message: `Ferry forgets the credentials of the site "${connection.siteName}"; nothing is sent to or read from the ERP until it is connected again.`,
    });
  }
}
