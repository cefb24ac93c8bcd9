export interface RetryPolicy {
  /** Attempts in all, the first included. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 5, baseDelayMs: 500, maxDelayMs: 30_000 };

/**
 * Exponential backoff with full jitter, bounded by maxDelayMs; a server hint
 * (Retry-After or X-RateLimit-Reset) is a floor.
 */
export function backoffDelay(attempt: number, policy: RetryPolicy, random: () => number, hintMs = 0): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.max(hintMs, Math.round(ceiling * random()));
}
