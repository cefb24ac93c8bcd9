import { AbstractControl, ValidationErrors, ValidatorFn, Validators } from '@angular/forms';
import { ORDER_DEFAULT_FIELDS, OrderDefaultField, OrderDefaults } from '@ferry/contracts';

/**
 * The form side of the Sage 100 rules in `ORDER_DEFAULT_FIELDS` (DESIGN §4.3): the same
 * data the API validates with, turned into validators, messages and the saved document.
 */

export const HOLD_STATUS = 'H';

export const TEXT_FIELDS = ORDER_DEFAULT_FIELDS.filter((f) => f.kind !== 'flag');
export const FLAG_FIELDS = ORDER_DEFAULT_FIELDS.filter((f) => f.kind === 'flag');

/** What a new tenant's form starts with (the documented defaults of `DefaultOrderValues`). */
export const INITIAL_VALUES: Partial<Record<keyof OrderDefaults, string | boolean>> = { orderType: 'S', orderStatus: 'N' };

function oneOf(values: readonly string[]): ValidatorFn {
  return (control: AbstractControl<string>) => {
    const value = control.value ?? '';
    return value === '' || values.includes(value) ? null : { oneOf: { values } };
  };
}

/** The hold reason code is required exactly when the order status is H (hold). */
export const holdReasonRule: ValidatorFn = (control: AbstractControl<string>): ValidationErrors | null => {
  const status = control.parent?.get('orderStatus')?.value;
  return status === HOLD_STATUS && !(control.value ?? '').trim() ? { holdReason: true } : null;
};

export function fieldValidators(field: OrderDefaultField): ValidatorFn[] {
  if (field.kind === 'flag') return [];
  const validators: ValidatorFn[] = [];
  if (field.required) validators.push(Validators.required);
  if (field.maxLength !== undefined) validators.push(Validators.maxLength(field.maxLength));
  if (field.pattern) validators.push(Validators.pattern(new RegExp(field.pattern)));
  if (field.allowedValues) validators.push(oneOf(field.allowedValues));
  if (field.key === 'holdReasonCode') validators.push(holdReasonRule);
  return validators;
}

/** The message under a field for its first error (the API's own message wins). */
export function fieldErrorText(field: OrderDefaultField, errors: ValidationErrors | null): string {
  if (!errors) return '';
  if (typeof errors['server'] === 'string') return errors['server'];
  if (errors['required']) return `${field.label} is required.`;
  if (errors['holdReason']) return 'Required when the order status is H (hold).';
  if (errors['maxlength']) return `At most ${field.maxLength} characters.`;
  if (errors['pattern']) return field.patternText ? `Must be ${field.patternText}.` : 'Not in the expected format.';
  if (errors['oneOf']) return `Must be one of ${(field.allowedValues ?? []).join(', ')}.`;
  return 'Check this value.';
}

/** What is typed, as the ERP stores it: trimmed, upper-cased where the field says so. */
export function normalizeCode(field: OrderDefaultField, value: string): string {
  const trimmed = value.trim();
  return field.upperCase ? trimmed.toUpperCase() : trimmed;
}

/** The form's values as the document to save: empty codes left out, flags always present. */
export function toOrderDefaults(raw: Readonly<Record<string, string | boolean>>): OrderDefaults {
  const result: Record<string, string | boolean> = {};
  for (const field of ORDER_DEFAULT_FIELDS) {
    const value = raw[field.key];
    if (field.kind === 'flag') {
      result[field.key] = value === true;
    } else if (typeof value === 'string') {
      const code = normalizeCode(field, value);
      if (code) result[field.key] = code;
    }
  }
  if (result['orderStatus'] !== HOLD_STATUS) delete result['holdReasonCode'];
  return result as unknown as OrderDefaults;
}
