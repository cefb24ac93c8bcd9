import type { CimcloudClock } from './cimcloud-config';
import { CimcloudRateLimitedError } from './cimcloud-errors';

export interface RequestBudgetLimits {
  perSecond: number;
  secondWindowMs: number;
  perWindow: number;
  windowMs: number;
  /** Added to both windows so network jitter cannot squeeze calls together (default 100 ms). */
  safetyMarginMs: number;
}

export const CIMCLOUD_DEFAULT_LIMITS: RequestBudgetLimits = {
  perSecond: 2,
  secondWindowMs: 1000,
  perWindow: 100,
  windowMs: 15 * 60 * 1000,
  safetyMarginMs: 100,
};

/**
 * Keeps one authorization within its limits before a call is made. Both windows slide over
 * the calls this client made, which is never looser than CIMcloud's fixed 15-minute window;
 * the server's X-RateLimit-* headers can only tighten it.
 */
export class RequestBudget {
  private calls: number[] = [];
  private blockedUntil = 0;
  private total = 0;

  constructor(
    readonly limits: RequestBudgetLimits,
    private readonly clock: CimcloudClock,
    private readonly sleep: (ms: number) => Promise<void>,
  ) {}

  /** Waits for a free slot and takes it, resolving to the milliseconds waited; throws if the wait would exceed maxWaitMs. */
  async acquire(maxWaitMs = Infinity): Promise<number> {
    let waitedMs = 0;
    for (;;) {
      const now = this.clock.now();
      const wait = this.waitMs(now);
      if (wait <= 0) {
        this.calls.push(now);
        this.total++;
        return waitedMs;
      }
      if (wait > maxWaitMs) {
        throw new CimcloudRateLimitedError(`CIMcloud call budget exhausted for ${wait} ms`, wait);
      }
      await this.sleep(wait);
      waitedMs += wait;
    }
  }

  /** Learns from a response: 429 or Remaining 0 blocks until the server's reset. */
  observe(status: number, headers: Headers): number {
    const now = this.clock.now();
    const remaining = headers.get('x-ratelimit-remaining');
    const resetSeconds = Number(headers.get('x-ratelimit-reset') ?? NaN);
    const retryAfter = parseRetryAfter(headers.get('retry-after'), now);
    let blockMs = 0;
    if (status === 429) {
      blockMs = retryAfter ?? (remaining === '0' && Number.isFinite(resetSeconds) ? resetSeconds * 1000 : this.limits.secondWindowMs);
    } else if (remaining === '0' && Number.isFinite(resetSeconds)) {
      blockMs = resetSeconds * 1000;
    }
    if (blockMs > 0) this.blockedUntil = Math.max(this.blockedUntil, now + blockMs);
    return blockMs;
  }

  /** Calls made in the current long window, and in all. */
  usage(): { inWindow: number; total: number } {
    this.prune(this.clock.now());
    return { inWindow: this.calls.length, total: this.total };
  }

  private prune(now: number): void {
    const oldest = now - this.limits.windowMs - this.limits.safetyMarginMs;
    while (this.calls.length > 0 && this.calls[0] <= oldest) this.calls.shift();
  }

  private waitMs(now: number): number {
    this.prune(now);
    const { perSecond, perWindow, safetyMarginMs } = this.limits;
    const windowMs = this.limits.windowMs + safetyMarginMs;
    const shortWindow = this.limits.secondWindowMs + safetyMarginMs;
    let wait = this.blockedUntil - now;
    if (this.calls.length >= perWindow) wait = Math.max(wait, this.calls[this.calls.length - perWindow] + windowMs - now + 1);
    const recent = this.calls.filter((t) => t > now - shortWindow);
    if (recent.length >= perSecond) wait = Math.max(wait, recent[recent.length - perSecond] + shortWindow - now + 1);
    return wait;
  }
}

/** Retry-After in seconds or as an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
