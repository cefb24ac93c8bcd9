import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import {
  AbstractControl,
  NonNullableFormBuilder,
  ReactiveFormsModule,
  ValidationErrors,
  Validators,
} from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { ProblemDetails } from '@ferry/contracts';
import { toProblem } from '../../core/problem-details';
import { Session } from '../../core/session';
import { ProblemMessage } from '../../ui/problem-message';

/** The API's rule for new passwords (apps/api ChangePasswordDto), checked here first for a quicker answer. */
export const MIN_PASSWORD_LENGTH = 12;

export interface ChangePasswordDialogData {
  /** The person signed in with a temporary password and must choose their own: no "Cancel". */
  required: boolean;
}

export type ChangePasswordResult = 'changed' | 'sign-out';

function passwordsMatch(group: AbstractControl): ValidationErrors | null {
  const next = group.get('newPassword')?.value;
  const repeat = group.get('repeatPassword')?.value;
  return next && repeat && next !== repeat ? { mismatch: true } : null;
}

/** Changes the signed-in person's password; closes with `'changed'` once the server accepted it. */
@Component({
  selector: 'ferry-change-password-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatDialogModule, MatButtonModule, MatFormFieldModule, MatInputModule, ProblemMessage],
  template: `
    <h2 mat-dialog-title>{{ required ? 'Choose your own password' : 'Change password' }}</h2>
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <mat-dialog-content class="fields">
        @if (required) {
          <p class="intro" data-testid="password-change-required">
            You signed in with a temporary password. Choose your own to continue.
          </p>
        }
        <mat-form-field appearance="outline">
          <mat-label>{{ required ? 'Temporary password' : 'Current password' }}</mat-label>
          <input matInput type="password" name="currentPassword" formControlName="currentPassword" autocomplete="current-password" />
          <mat-error>Enter your current password.</mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>New password</mat-label>
          <input matInput type="password" name="newPassword" formControlName="newPassword" autocomplete="new-password" />
          <mat-hint>At least {{ minLength }} characters.</mat-hint>
          <mat-error>Use at least {{ minLength }} characters.</mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>Repeat new password</mat-label>
          <input matInput type="password" name="repeatPassword" formControlName="repeatPassword" autocomplete="new-password" />
          <mat-error>Repeat the new password.</mat-error>
        </mat-form-field>
        @if (form.hasError('mismatch') && form.controls.repeatPassword.touched) {
          <p class="mismatch" role="alert">The new passwords do not match.</p>
        }
        <ferry-problem-message [problem]="problem()" [labels]="labels" />
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        @if (required) {
          <button mat-button type="button" [mat-dialog-close]="'sign-out'">Sign out</button>
        } @else {
          <button mat-button type="button" mat-dialog-close>Cancel</button>
        }
        <button mat-flat-button type="submit" data-testid="confirm-change-password" [disabled]="saving()">
          Change password
        </button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .fields { display: flex; flex-direction: column; gap: 4px; }
    .intro { margin-top: 0; }
    .mismatch { color: var(--mat-sys-error); margin: 0 0 8px; }
  `,
})
export class ChangePasswordDialog {
  private readonly session = inject(Session);
  private readonly dialogRef = inject<MatDialogRef<ChangePasswordDialog, ChangePasswordResult>>(MatDialogRef);
  protected readonly required = inject<ChangePasswordDialogData | null>(MAT_DIALOG_DATA, { optional: true })?.required ?? false;

  protected readonly minLength = MIN_PASSWORD_LENGTH;
  protected readonly labels = { currentPassword: 'Current password', newPassword: 'New password' };
  protected readonly form = inject(NonNullableFormBuilder).group(
    {
      currentPassword: ['', Validators.required],
      newPassword: ['', [Validators.required, Validators.minLength(MIN_PASSWORD_LENGTH)]],
      repeatPassword: ['', Validators.required],
    },
    { validators: passwordsMatch },
  );
  protected readonly saving = signal(false);
  protected readonly problem = signal<ProblemDetails | null>(null);

  protected submit(): void {
    if (this.saving()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const { currentPassword, newPassword } = this.form.getRawValue();
    this.saving.set(true);
    this.problem.set(null);
    this.session.changePassword({ currentPassword, newPassword }).subscribe({
      next: () => this.dialogRef.close('changed'),
      error: (error: unknown) => {
        this.saving.set(false);
        this.problem.set(toProblem(error));
      },
    });
  }
}
