import { AbstractControl, ValidationErrors, ValidatorFn } from '@angular/forms';
import { ConnectionTestResult } from '@ferry/contracts';

/** Empty, or an absolute http(s) URL (an emulator or proxy in front of the real service). */
export const optionalHttpUrl: ValidatorFn = (control: AbstractControl<string>): ValidationErrors | null => {
  const value = (control.value ?? '').trim();
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? null : { url: true };
  } catch {
    return { url: true };
  }
};

/** Required only while `needed()` says so (e.g. a secret that is not stored yet). */
export function requiredWhen(needed: () => boolean): ValidatorFn {
  return (control: AbstractControl<string>) => (needed() && !(control.value ?? '').trim() ? { required: true } : null);
}

/** The message under a connection field: the API's own first, then the form's rules. */
export function connectionFieldError(control: AbstractControl, requiredText: string): string {
  const errors = control.errors;
  if (!errors) return '';
  if (typeof errors['server'] === 'string') return errors['server'];
  if (errors['required']) return requiredText;
  if (errors['url']) return 'Enter a full URL starting with http:// or https://, or leave it empty.';
  if (errors['maxlength']) return `At most ${errors['maxlength'].requiredLength} characters.`;
  if (errors['pattern']) return 'This does not look right.';
  return 'Check this value.';
}

export type ConnectionState = 'none' | 'untested' | 'ok' | 'incomplete' | 'failed';

export function connectionState(connected: boolean, lastTest: ConnectionTestResult | null | undefined): ConnectionState {
  if (!connected) return 'none';
  if (!lastTest) return 'untested';
  if (!lastTest.ok) return 'failed';
  return lastTest.shopify?.missingScopes.length ? 'incomplete' : 'ok';
}

export const CONNECTION_STATE_LABELS: Record<ConnectionState, string> = {
  none: 'Not connected',
  untested: 'Connected, not tested yet',
  ok: 'Connected',
  incomplete: 'Connected, scopes missing',
  failed: 'Connected, but the last test failed',
};

/** `shop.myshopify.com` from what people paste: a URL, a trailing slash, capitals. */
export function normalizeShopDomain(value: string): string {
  return value
    .trim()
    .replace(/^https?:\/\//i, '')
    .replace(/\/.*$/, '')
    .toLowerCase();
}
