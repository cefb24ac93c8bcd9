import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Router } from '@angular/router';
import { DemoMode } from '../../core/demo-mode';
import { Session } from '../../core/session';
import { isProblemDetails, toProblem } from '../../core/problem-details';
import { START_PAGE } from '../../core/start-page';
import { retryAfterSeconds } from './retry-after';

/** Email + password sign-in. The server sets the session cookie; this page only reports how it went. */
@Component({
  selector: 'ferry-login-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatCardModule,
    MatFormFieldModule,
    MatInputModule,
    MatButtonModule,
    MatProgressBarModule,
  ],
  templateUrl: './login-page.html',
  styleUrl: './login-page.scss',
})
export class LoginPage {
  private readonly session = inject(Session);
  private readonly router = inject(Router);
  protected readonly demoMode = inject(DemoMode);

  /** Where to go after signing in (query parameter set by the auth guard). */
  readonly returnUrl = input<string | undefined>();

  protected readonly form = inject(NonNullableFormBuilder).group({
    email: ['', [Validators.required, Validators.email]],
    password: ['', Validators.required],
  });
  protected readonly submitting = signal(false);
  protected readonly error = signal<string | null>(null);

  constructor() {
    this.demoMode.load();
  }

  protected submit(): void {
    if (this.submitting()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.submitting.set(true);
    this.error.set(null);
    this.session.login(this.form.getRawValue()).subscribe({
      next: () => {
        this.submitting.set(false);
        void this.router.navigateByUrl(this.safeReturnUrl());
      },
      error: (error: unknown) => {
        this.submitting.set(false);
        this.error.set(this.describe(error));
        this.form.controls.password.reset();
      },
    });
  }

  private describe(error: unknown): string {
    if (error instanceof HttpErrorResponse) {
      if (error.status === 401) {
        return isProblemDetails(error.error) ? toProblem(error).detail : 'Wrong email or password.';
      }
      if (error.status === 429) {
        const seconds = retryAfterSeconds(error.headers.get('Retry-After'));
        return seconds === null
          ? 'Too many sign-in attempts. Wait a while, then try again.'
          : `Too many sign-in attempts. Try again in ${formatWait(seconds)}.`;
      }
    }
    return toProblem(error).detail;
  }

  /** Only paths inside the admin, never another origin (`//evil.example`). */
  private safeReturnUrl(): string {
    const url = this.returnUrl();
    return url && url.startsWith('/') && !url.startsWith('//') && !url.startsWith('/login') ? url : START_PAGE;
  }
}

function formatWait(seconds: number): string {
  if (seconds < 60) return seconds === 1 ? '1 second' : `${seconds} seconds`;
  const minutes = Math.ceil(seconds / 60);
  return minutes === 1 ? '1 minute' : `${minutes} minutes`;
}
