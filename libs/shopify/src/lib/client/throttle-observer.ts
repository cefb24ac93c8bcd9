/**
 * Why a request waited: held back by the client's mirror of the cost bucket before sending
 * (`bucket`), or answered THROTTLED (`throttled`) or HTTP 429 (`rate_limited`) and waiting
 * before the retry.
 */
export type ShopifyThrottleReason = 'bucket' | 'throttled' | 'rate_limited';

export interface ShopifyThrottleEvent {
  reason: ShopifyThrottleReason;
  /** How long the request waited because of it. */
  waitedMs: number;
}

/** Told of every throttle wait; the host decides what to record (it must not throw). */
export type ShopifyThrottleObserver = (event: ShopifyThrottleEvent) => void;
