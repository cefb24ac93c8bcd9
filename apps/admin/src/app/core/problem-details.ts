import { HttpErrorResponse } from '@angular/common/http';
import { FieldError, ProblemDetails } from '@ferry/contracts';

function isFieldError(value: unknown): value is FieldError {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as FieldError).field === 'string' &&
    typeof (value as FieldError).message === 'string'
  );
}

/** Whether a response body is an RFC 9457 problem document. */
export function isProblemDetails(value: unknown): value is ProblemDetails {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<ProblemDetails>;
  return (
    typeof candidate.status === 'number' &&
    (typeof candidate.detail === 'string' || typeof candidate.title === 'string')
  );
}

/**
 * Turns whatever an HTTP call failed with into RFC 9457 problem details, so every screen
 * shows errors the same way: the API's own problem document when there is one, a plain
 * description of the failure otherwise.
 */
export function toProblem(error: unknown): ProblemDetails {
  if (error instanceof HttpErrorResponse) {
    const body: unknown = error.error;
    if (isProblemDetails(body)) {
      return {
        type: body.type ?? 'about:blank',
        title: body.title ?? '',
        status: body.status,
        detail: body.detail || body.title || `Request failed (${body.status}).`,
        instance: body.instance,
        errors: Array.isArray(body.errors) ? body.errors.filter(isFieldError) : undefined,
      };
    }
    if (error.status === 0) {
      return {
        type: 'about:blank',
        title: 'Network error',
        status: 0,
        detail: 'The server could not be reached. Check your connection and try again.',
      };
    }
    const statusText = error.statusText && error.statusText !== 'OK' ? ` ${error.statusText}` : '';
    return {
      type: 'about:blank',
      title: error.statusText || 'Error',
      status: error.status,
      detail: `The server answered ${error.status}${statusText}.`,
    };
  }
  return {
    type: 'about:blank',
    title: 'Error',
    status: 0,
    detail: error instanceof Error ? error.message : 'Something went wrong.',
  };
}
