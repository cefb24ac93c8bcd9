/**
 * Why a call waited: held back by the authorization's call budget before sending
 * (`budget`, which includes waiting out a server-announced reset), or answered HTTP 429
 * (`rate_limited`) and backing off before the retry.
 */
export type CimcloudThrottleReason = 'budget' | 'rate_limited';

export interface CimcloudThrottleEvent {
  reason: CimcloudThrottleReason;
  /** How long the call waited because of it. */
  waitedMs: number;
}

/** Told of every throttle wait; the host decides what to record (it must not throw). */
export type CimcloudThrottleObserver = (event: CimcloudThrottleEvent) => void;
