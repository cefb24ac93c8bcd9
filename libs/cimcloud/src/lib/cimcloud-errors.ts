/** Base of every error the connector throws; `retryable` tells the caller whether to try later. */
export class CimcloudError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Credentials refused or a token that cannot be renewed: not retried. */
export class CimcloudAuthError extends CimcloudError {
  constructor(message: string) {
    super(message, false);
  }
}

/** Still throttled (429) after the retries, or the budget wait would be too long. */
export class CimcloudRateLimitedError extends CimcloudError {
  constructor(
    message: string,
    readonly retryAfterMs: number,
  ) {
    super(message, true);
  }
}

/** 5xx, timeouts and connection resets that outlasted the retries. */
export class CimcloudUnavailableError extends CimcloudError {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message, true);
  }
}

/** A 4xx other than 401/429: the request itself is wrong and will not improve by retrying. */
export class CimcloudRequestError extends CimcloudError {
  constructor(
    message: string,
    readonly status: number,
    readonly body: unknown,
  ) {
    super(message, false);
  }
}

/** CIMcloud refused a record; `field` is the pass-through path it named, when it named one. */
export class CimcloudRejectedError extends CimcloudError {
  constructor(
    message: string,
    readonly orderNumber: string | undefined,
    readonly field: string | undefined,
  ) {
    super(message, false);
  }
}
