import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormControl, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { provideNativeDateAdapter } from '@angular/material/core';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { CreatedApiKey, ProblemDetails, Scope, SCOPES } from '@ferry/contracts';
import { toProblem } from '../../core/problem-details';
import { TenantContext } from '../../core/tenant-context';
import { ProblemMessage } from '../../ui/problem-message';
import { ApiKeysApi } from './api-keys-api';
import { groupScopes } from './scope-groups';

/** The end of the chosen day, local time, as the key's expiry. */
export function endOfDay(date: Date): string {
  const end = new Date(date);
  end.setHours(23, 59, 59, 999);
  return end.toISOString();
}

/** Creates an API key with a name, scopes and an optional expiry; closes with the created key (and its token). */
@Component({
  selector: 'ferry-create-api-key-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [provideNativeDateAdapter()],
  imports: [
    ReactiveFormsModule,
    MatDialogModule,
    MatButtonModule,
    MatCheckboxModule,
    MatDatepickerModule,
    MatFormFieldModule,
    MatInputModule,
    ProblemMessage,
  ],
  templateUrl: './create-api-key-dialog.html',
  styleUrl: './create-api-key-dialog.scss',
})
export class CreateApiKeyDialog {
  private readonly api = inject(ApiKeysApi);
  private readonly tenant = inject(TenantContext);
  private readonly dialogRef = inject<MatDialogRef<CreateApiKeyDialog, CreatedApiKey>>(MatDialogRef);

  protected readonly labels = { name: 'Name', scopes: 'Scopes', expiresAt: 'Expires on' };
  protected readonly groups = groupScopes();
  protected readonly form = inject(NonNullableFormBuilder).group({
    name: ['', [Validators.required, Validators.maxLength(100)]],
  });
  protected readonly expiresOn = new FormControl<Date | null>(null);
  protected readonly minExpiry = (() => {
    const tomorrow = new Date();
    tomorrow.setDate(tomorrow.getDate() + 1);
    tomorrow.setHours(0, 0, 0, 0);
    return tomorrow;
  })();

  protected readonly selected = signal<ReadonlySet<Scope>>(new Set());
  protected readonly scopesTouched = signal(false);
  protected readonly saving = signal(false);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly noScope = computed(() => this.selected().size === 0);

  /** A key never gets more than the person creating it may do. */
  protected grantable(scope: Scope): boolean {
    return this.tenant.can(scope);
  }

  protected toggle(scope: Scope, checked: boolean): void {
    this.scopesTouched.set(true);
    this.selected.update((current) => {
      const next = new Set(current);
      if (checked) next.add(scope);
      else next.delete(scope);
      return next;
    });
  }

  protected selectAllRead(): void {
    this.scopesTouched.set(true);
    this.selected.set(new Set(SCOPES.filter((s) => s.endsWith(':read') && this.grantable(s))));
  }

  protected clearScopes(): void {
    this.selected.set(new Set());
  }

  protected submit(): void {
    if (this.saving()) return;
    this.scopesTouched.set(true);
    if (this.form.invalid || this.expiresOn.invalid || this.noScope()) {
      this.form.markAllAsTouched();
      this.expiresOn.markAsTouched();
      return;
    }
    const expires = this.expiresOn.value;
    // Keep the contract's order so the key reads the same everywhere.
    const scopes = SCOPES.filter((s) => this.selected().has(s));
    this.saving.set(true);
    this.problem.set(null);
    this.api
      .create({
        name: this.form.getRawValue().name.trim(),
        scopes,
        ...(expires ? { expiresAt: endOfDay(expires) } : {}),
      })
      .subscribe({
        next: (created) => this.dialogRef.close(created),
        error: (error: unknown) => {
          this.saving.set(false);
          this.problem.set(toProblem(error));
        },
      });
  }
}
