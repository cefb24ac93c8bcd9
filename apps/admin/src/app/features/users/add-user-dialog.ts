import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { AddUserResponse, ProblemDetails, ROLE_LABELS, TENANT_ROLES, TenantRole } from '@ferry/contracts';
import { toProblem } from '../../core/problem-details';
import { ProblemMessage } from '../../ui/problem-message';
import { UsersApi } from './users-api';

/** Adds a person to the current tenant; closes with the server's answer. */
@Component({
  selector: 'ferry-add-user-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatDialogModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    ProblemMessage,
  ],
  template: `
    <h2 mat-dialog-title>Add user</h2>
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <mat-dialog-content class="fields">
        <p class="intro">
          Someone without a Ferry account gets one, with a temporary password shown once after adding.
        </p>
        <mat-form-field appearance="outline">
          <mat-label>Email</mat-label>
          <input matInput type="email" name="email" formControlName="email" autocomplete="off" />
          <mat-error>Enter a valid email address.</mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>Name</mat-label>
          <input matInput name="displayName" formControlName="displayName" autocomplete="off" />
          <mat-error>Enter the person's name.</mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>Role</mat-label>
          <mat-select formControlName="role" data-testid="add-user-role">
            @for (role of roles; track role) {
              <mat-option [value]="role">{{ roleLabels[role] }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <ferry-problem-message [problem]="problem()" [labels]="labels" />
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>Cancel</button>
        <button mat-flat-button type="submit" data-testid="add-user-submit" [disabled]="saving()">Add user</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .fields { display: flex; flex-direction: column; gap: 4px; }
    .intro { margin-top: 0; color: var(--mat-sys-on-surface-variant); }
  `,
})
export class AddUserDialog {
  private readonly api = inject(UsersApi);
  private readonly dialogRef = inject<MatDialogRef<AddUserDialog, AddUserResponse>>(MatDialogRef);

  protected readonly labels = { email: 'Email', displayName: 'Name', role: 'Role' };
  protected readonly roles = TENANT_ROLES;
  protected readonly roleLabels = ROLE_LABELS;
  protected readonly form = inject(NonNullableFormBuilder).group({
    email: ['', [Validators.required, Validators.email]],
    displayName: ['', [Validators.required, Validators.maxLength(200)]],
    role: ['tenant_viewer' as TenantRole, Validators.required],
  });
  protected readonly saving = signal(false);
  protected readonly problem = signal<ProblemDetails | null>(null);

  protected submit(): void {
    if (this.saving()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const value = this.form.getRawValue();
    this.saving.set(true);
    this.problem.set(null);
    this.api.add({ email: value.email.trim(), displayName: value.displayName.trim(), role: value.role }).subscribe({
      next: (response) => this.dialogRef.close(response),
      error: (error: unknown) => {
        this.saving.set(false);
        this.problem.set(toProblem(error));
      },
    });
  }
}
