import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, DestroyRef, inject, signal, viewChild } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormGroupDirective, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import { ProblemDetails, TenantSummary } from '@ferry/contracts';
import { PagedList } from '../../core/paged-list';
import { toProblem } from '../../core/problem-details';
import { Session } from '../../core/session';
import { ProblemMessage } from '../../ui/problem-message';
import { SLUG_PATTERN, slugify } from './slug';
import { TenantsApi } from './tenants-api';

/** Every tenant of the platform, and creating new ones (platform operators). */
@Component({
  selector: 'ferry-tenants-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    DatePipe,
    ReactiveFormsModule,
    MatTableModule,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    ProblemMessage,
  ],
  templateUrl: './tenants-page.html',
  styleUrl: './tenants-page.scss',
})
export class TenantsPage {
  private readonly api = inject(TenantsApi);
  private readonly session = inject(Session);
  private readonly snackBar = inject(MatSnackBar);

  protected readonly list = new PagedList<TenantSummary>((cursor) => this.api.list(cursor));
  protected readonly columns = ['name', 'slug', 'created'];
  protected readonly labels = { name: 'Name', slug: 'Slug' };
  protected readonly form = inject(NonNullableFormBuilder).group({
    name: ['', [Validators.required, Validators.maxLength(200)]],
    slug: ['', [Validators.required, Validators.pattern(SLUG_PATTERN)]],
  });
  private readonly formDirective = viewChild.required(FormGroupDirective);
  protected readonly saving = signal(false);
  protected readonly problem = signal<ProblemDetails | null>(null);
  /** The slug follows the name until someone edits it by hand. */
  private slugEdited = false;

  constructor() {
    this.list.reload();
    inject(DestroyRef).onDestroy(() => this.list.destroy());
    this.form.controls.name.valueChanges.pipe(takeUntilDestroyed()).subscribe((name) => {
      if (!this.slugEdited) this.form.controls.slug.setValue(slugify(name));
    });
  }

  protected slugInput(): void {
    this.slugEdited = this.form.controls.slug.value !== '';
  }

  protected create(): void {
    if (this.saving()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const { name, slug } = this.form.getRawValue();
    this.saving.set(true);
    this.problem.set(null);
    this.api.create({ name: name.trim(), slug }).subscribe({
      next: (tenant) => {
        this.saving.set(false);
        this.list.prepend(tenant);
        // resetForm also clears "submitted", so the emptied fields do not show errors.
        this.formDirective().resetForm();
        this.slugEdited = false;
        this.snackBar.open(`Tenant "${tenant.name}" created.`, undefined, { duration: 4000 });
        // The tenant switcher lists the new tenant once /auth/me knows it.
        this.session.refresh().subscribe({ error: () => undefined });
      },
      error: (error: unknown) => {
        this.saving.set(false);
        this.problem.set(toProblem(error));
      },
    });
  }
}
