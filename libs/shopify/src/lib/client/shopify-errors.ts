/**
 * Typed failures, so the sync engine can classify them without reading messages:
 * auth (token refused), scope (missing access scope), throttled (gave up waiting),
 * user (userErrors of a mutation), unavailable (5xx/network after retries; `ambiguous`
 * when a non-idempotent mutation may have taken effect), query (anything else GraphQL
 * rejected, e.g. MAX_COST_EXCEEDED), config (unknown shop or API version).
 */
export type ShopifyErrorKind =
  | 'auth'
  | 'scope'
  | 'throttled'
  | 'user'
  | 'unavailable'
  | 'query'
  | 'config';

export class ShopifyError extends Error {
  constructor(
    readonly kind: ShopifyErrorKind,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ShopifyError';
  }
}

export class ShopifyAuthError extends ShopifyError {
  constructor(message: string) {
    super('auth', message);
    this.name = 'ShopifyAuthError';
  }
}

export class ShopifyScopeError extends ShopifyError {
  constructor(
    message: string,
    readonly requiredAccess: string | null,
  ) {
    super('scope', message, { requiredAccess });
    this.name = 'ShopifyScopeError';
  }
}

export class ShopifyThrottledError extends ShopifyError {
  constructor(message: string) {
    super('throttled', message);
    this.name = 'ShopifyThrottledError';
  }
}

export interface ShopifyUserErrorItem {
  field: string[] | null;
  message: string;
  code?: string | null;
}

export class ShopifyUserError extends ShopifyError {
  constructor(
    readonly mutation: string,
    readonly userErrors: ShopifyUserErrorItem[],
  ) {
    super(
      'user',
      `${mutation}: ${userErrors.map((e) => `${(e.field ?? []).join('.') || '-'}: ${e.message}`).join('; ')}`,
      {
        userErrors,
      },
    );
    this.name = 'ShopifyUserError';
  }

  /** The field path of the first error, for pointing at the offending input. */
  get field(): string[] | null {
    return this.userErrors[0]?.field ?? null;
  }
}

export class ShopifyUnavailableError extends ShopifyError {
  constructor(
    message: string,
    /** True when the request may have been applied (lost response of a mutation). */
    readonly ambiguous: boolean,
  ) {
    super('unavailable', message, { ambiguous });
    this.name = 'ShopifyUnavailableError';
  }
}

export class ShopifyQueryError extends ShopifyError {
  constructor(
    message: string,
    readonly code: string | null,
  ) {
    super('query', message, { code });
    this.name = 'ShopifyQueryError';
  }
}

export class ShopifyConfigError extends ShopifyError {
  constructor(message: string) {
    super('config', message);
    this.name = 'ShopifyConfigError';
  }
}
