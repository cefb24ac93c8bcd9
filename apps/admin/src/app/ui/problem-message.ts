import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { ProblemDetails } from '@ferry/contracts';

/**
 * Shows an API error: its `detail`, and one line per bad field when the API named any
 * (with the form's label for the field when given). A detail that only repeats the field
 * messages is not shown twice.
 */
@Component({
  selector: 'ferry-problem-message',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (problem(); as p) {
      <div class="problem" role="alert">
        @if (showDetail()) {
          <p class="detail">{{ p.detail }}</p>
        }
        @if (fieldErrors().length) {
          <ul class="fields">
            @for (error of fieldErrors(); track $index) {
              <li><span class="field">{{ error.label }}</span>: {{ error.message }}</li>
            }
          </ul>
        }
      </div>
    }
  `,
  styles: `
    .problem {
      padding: 12px 16px;
      margin: 8px 0;
      border-radius: var(--mat-sys-corner-small);
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
      font: var(--mat-sys-body-medium);
    }
    .detail { margin: 0; }
    .detail + .fields { margin-top: 4px; }
    .fields { margin: 0; padding-left: 20px; }
    .field { font-weight: 500; }
  `,
})
export class ProblemMessage {
  readonly problem = input<ProblemDetails | null>(null);
  /** Form labels by API field name, e.g. `{ currentPassword: 'Current password' }`. */
  readonly labels = input<Readonly<Record<string, string>>>({});

  protected readonly fieldErrors = computed(() => {
    const labels = this.labels();
    return (this.problem()?.errors ?? []).map((e) => ({ label: labels[e.field] ?? e.field, message: e.message }));
  });

  protected readonly showDetail = computed(() => {
    const problem = this.problem();
    if (!problem) return false;
    const errors = problem.errors ?? [];
    return errors.length === 0 || !errors.every((e) => problem.detail.includes(e.message));
  });
}
