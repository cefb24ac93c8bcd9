import type { EmulatorClock } from '../core/clock';
import type { RateLimitSettings } from './rate-limit-settings';

interface Usage {
  recent: number[];
  windowStart: number;
  count: number;
}

export interface RateDecision {
  allowed: boolean;
  /** X-RateLimit-* headers as CIMcloud documents them (none when limits are lifted). */
  headers: Record<string, string>;
}

/**
 * Per-authorization limiter: a sliding short window and a fixed long window that resets
 * every windowMs from its first call (X-RateLimit-Reset counts down to that reset).
 * Refused calls are not counted.
 */
export class RateLimiter {
  private readonly usage = new Map<string, Usage>();

  constructor(
    private readonly clock: EmulatorClock,
    private settings: RateLimitSettings | null,
  ) {}

  configure(settings: RateLimitSettings | null): void {
    this.settings = settings;
    this.usage.clear();
  }

  current(): RateLimitSettings | null {
    return this.settings;
  }

  check(key: string): RateDecision {
    const s = this.settings;
    if (!s) return { allowed: true, headers: {} };
    const now = this.clock.now();
    let u = this.usage.get(key);
    if (!u || now >= u.windowStart + s.windowMs) {
      u = { recent: u?.recent ?? [], windowStart: now, count: 0 };
      this.usage.set(key, u);
    }
    u.recent = u.recent.filter((t) => t > now - s.secondWindowMs && t <= now);
    const allowed = u.count < s.perWindow && u.recent.length < s.perSecond;
    if (allowed) {
      u.count++;
      u.recent.push(now);
    }
    return { allowed, headers: this.headers(u, s, now) };
  }

  /** Headers for a forced 429 (fault injection) without touching the counters. */
  exhaustedHeaders(): Record<string, string> {
    const s = this.settings;
    return {
      'X-RateLimit-Limit': String(s?.perWindow ?? 100),
      'X-RateLimit-Remaining': '0',
      'X-RateLimit-Reset': String(Math.ceil((s?.secondWindowMs ?? 1000) / 1000)),
    };
  }

  private headers(u: Usage, s: RateLimitSettings, now: number): Record<string, string> {
    return {
      'X-RateLimit-Limit': String(s.perWindow),
      'X-RateLimit-Remaining': String(Math.max(0, s.perWindow - u.count)),
      'X-RateLimit-Reset': String(Math.max(0, Math.ceil((u.windowStart + s.windowMs - now) / 1000))),
    };
  }
}
