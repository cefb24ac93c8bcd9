import { AbstractControl } from '@angular/forms';
import { ProblemDetails } from '@ferry/contracts';

/**
 * The API's field errors by form field, so each one can be shown next to its field. An
 * error's `field` is a dotted path; it belongs to `key` when it is `key` or ends in
 * `.key` (e.g. `values.customerNo`). Errors of no known field stay in `rest`.
 */
export function fieldErrorsFor(
  problem: ProblemDetails | null,
  keys: readonly string[],
): { byField: Record<string, string>; rest: ProblemDetails | null } {
  const byField: Record<string, string> = {};
  if (!problem) return { byField, rest: null };
  const unmatched = [];
  for (const error of problem.errors ?? []) {
    const key = keys.find((k) => error.field === k || error.field.endsWith(`.${k}`));
    if (key && !(key in byField)) byField[key] = error.message;
    else if (!key) unmatched.push(error);
  }
  return { byField, rest: { ...problem, errors: unmatched } };
}

/**
 * Puts the API's field errors on the form's controls (error key `server`, shown by the
 * field's `mat-error`; it goes away when the value is edited) and returns the problem
 * with the errors no control took, for a message above the form. Disabled controls show
 * no errors, so theirs stay in the message too.
 */
export function applyFieldErrors(
  controls: Readonly<Record<string, AbstractControl>>,
  problem: ProblemDetails,
): ProblemDetails {
  const enabled = Object.keys(controls).filter((key) => controls[key].enabled);
  const { byField, rest } = fieldErrorsFor(problem, enabled);
  for (const [key, message] of Object.entries(byField)) {
    const control = controls[key];
    control.setErrors({ ...(control.errors ?? {}), server: message });
    control.markAsTouched();
  }
  return rest ?? problem;
}
