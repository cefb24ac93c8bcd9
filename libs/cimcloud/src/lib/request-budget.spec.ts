import { CimcloudRateLimitedError } from './cimcloud-errors';
import { RequestBudget, parseRetryAfter } from './request-budget';
import { backoffDelay } from './backoff';

/** A clock that only moves when the budget sleeps: waits become exact and instant. */
function fakeTime() {
  let now = 0;
  const slept: number[] = [];
  return {
    clock: { now: () => now },
    sleep: async (ms: number) => {
      slept.push(ms);
      now += ms;
    },
    slept,
    advance: (ms: number) => (now += ms),
  };
}

const LIMITS = { perSecond: 2, secondWindowMs: 1000, perWindow: 100, windowMs: 900_000, safetyMarginMs: 0 };

describe('RequestBudget', () => {
  it('lets 2 calls through per second and makes the third wait', async () => {
    const t = fakeTime();
    const budget = new RequestBudget(LIMITS, t.clock, t.sleep);
    await budget.acquire();
    await budget.acquire();
    await budget.acquire();
    expect(t.slept).toEqual([1001]);
  });

  it('never allows more than 100 calls in any 15 minutes', async () => {
    const t = fakeTime();
    const budget = new RequestBudget(LIMITS, t.clock, t.sleep);
    const times: number[] = [];
    for (let i = 0; i < 250; i++) {
      await budget.acquire();
      times.push(t.clock.now());
    }
    for (const start of times) expect(times.filter((u) => u >= start && u < start + 900_000).length).toBeLessThanOrEqual(100);
    expect(budget.usage().total).toBe(250);
  });

  it('fails fast when the wait would exceed the caller\'s limit', async () => {
    const t = fakeTime();
    const budget = new RequestBudget({ ...LIMITS, perWindow: 1 }, t.clock, t.sleep);
    await budget.acquire();
    await expect(budget.acquire(5000)).rejects.toBeInstanceOf(CimcloudRateLimitedError);
  });

  it('obeys the server: Remaining 0 blocks until the reset, 429 honours Retry-After', async () => {
    const t = fakeTime();
    const budget = new RequestBudget(LIMITS, t.clock, t.sleep);
    budget.observe(200, new Headers({ 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': '30' }));
    await budget.acquire();
    expect(t.slept).toEqual([30_000]);
    budget.observe(429, new Headers({ 'Retry-After': '7' }));
    await budget.acquire();
    expect(t.slept[1]).toBe(7000);
  });

  it('reads Retry-After as seconds or as a date', () => {
    expect(parseRetryAfter('3', 0)).toBe(3000);
    expect(parseRetryAfter(new Date(10_000).toUTCString(), 0)).toBe(10_000);
    expect(parseRetryAfter(null, 0)).toBeUndefined();
  });
});

describe('backoffDelay', () => {
  it('grows exponentially with full jitter, bounded, with the server hint as a floor', () => {
    const policy = { maxAttempts: 5, baseDelayMs: 100, maxDelayMs: 1000 };
    expect(backoffDelay(1, policy, () => 0.5)).toBe(50);
    expect(backoffDelay(3, policy, () => 0.999)).toBe(400);
    expect(backoffDelay(10, policy, () => 0.999)).toBe(999);
    expect(backoffDelay(1, policy, () => 0, 2500)).toBe(2500);
  });
});
