import { HttpException, HttpStatus } from '@nestjs/common';
import { FieldError, ProblemDetails } from '@ferry/contracts';

const TYPE_BASE = 'https://ferry.dev/problems/';

/** An error answered as RFC 9457 problem details. Throw it (or a subclass) from anywhere. */
export class Problem extends HttpException {
  constructor(
    status: number,
    readonly slug: string,
    readonly title: string,
    readonly detail: string,
    readonly fieldErrors?: FieldError[],
    readonly headers: Record<string, string> = {},
  ) {
    super(detail, status);
  }

  toDetails(instance?: string): ProblemDetails {
    return {
      type: `${TYPE_BASE}${this.slug}`,
      title: this.title,
      status: this.getStatus(),
      detail: this.detail,
      ...(instance ? { instance } : {}),
      ...(this.fieldErrors ? { errors: this.fieldErrors } : {}),
    };
  }
}

export const problems = {
  validation: (errors: FieldError[]) =>
    new Problem(
      HttpStatus.BAD_REQUEST,
      'validation',
      'Invalid request',
      errors.map((e) => `${e.field}: ${e.message}`).join('; '),
      errors,
    ),
  badRequest: (detail: string, field?: string) =>
    new Problem(HttpStatus.BAD_REQUEST, 'bad-request', 'Bad request', detail, field ? [{ field, message: detail }] : undefined),
  unauthenticated: (detail = 'Sign in or send a valid API key.') =>
    new Problem(HttpStatus.UNAUTHORIZED, 'unauthenticated', 'Not authenticated', detail),
  forbidden: (detail: string) => new Problem(HttpStatus.FORBIDDEN, 'forbidden', 'Forbidden', detail),
  /** Also the answer for another tenant's ids: their existence is not revealed. */
  notFound: (what: string) => new Problem(HttpStatus.NOT_FOUND, 'not-found', 'Not found', `${what} was not found.`),
  conflict: (detail: string) => new Problem(HttpStatus.CONFLICT, 'conflict', 'Conflict', detail),
  /** A stored secret that no longer opens (moved, altered, or its master key is gone). */
  unreadableSecret: (what: string) =>
    new Problem(
      HttpStatus.CONFLICT,
      'unreadable-secret',
      'Stored secret unreadable',
      `The stored secrets of the ${what} cannot be decrypted (they were moved or altered, or the master key changed). Enter them again.`,
    ),
  tooManyRequests: (detail: string, retryAfterSeconds: number) =>
    new Problem(HttpStatus.TOO_MANY_REQUESTS, 'too-many-requests', 'Too many requests', detail, undefined, {
      'Retry-After': String(Math.max(1, Math.ceil(retryAfterSeconds))),
    }),
};
