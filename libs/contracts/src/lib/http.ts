/** Header that selects the tenant a signed-in person acts in (API keys imply their tenant). */
export const TENANT_HEADER = 'x-ferry-tenant';

/** Name of the HTTP-only session cookie. */
export const SESSION_COOKIE = 'ferry_session';

/** Every list endpoint answers a page and an opaque cursor for the next one (null at the end). */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** RFC 9457 problem details, as every error of the API is answered. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  /** Present for validation errors: one entry per bad field (dotted path). */
  errors?: FieldError[];
}

export interface FieldError {
  field: string;
  message: string;
}
