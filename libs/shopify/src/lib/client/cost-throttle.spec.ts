import { backoffDelayMs, retryAfterMs } from './backoff';
import { CostThrottle } from './cost-throttle';
import { Clock } from './runtime-deps';

/** A clock that only moves when someone sleeps. */
class ManualClock implements Clock {
  t = 0;
  slept: number[] = [];
  onSleep: (() => void) | null = null;
  now(): number {
    return this.t;
  }
  async sleep(ms: number): Promise<void> {
    if (this.slept.length > 1000) throw new Error('runaway wait loop');
    this.slept.push(ms);
    this.t += ms;
    const hook = this.onSleep;
    this.onSleep = null;
    hook?.();
  }
}

describe('CostThrottle', () => {
  it('does not wait before it knows the bucket', async () => {
    const clock = new ManualClock();
    await new CostThrottle(clock).acquire(500);
    expect(clock.slept).toEqual([]);
  });

  it('waits before sending until the bucket can cover the expected cost', async () => {
    const clock = new ManualClock();
    const throttle = new CostThrottle(clock);
    throttle.release(0, 'q', {
      requestedQueryCost: 800,
      throttleStatus: {
        maximumAvailable: 2000,
        currentlyAvailable: 300,
        restoreRate: 100,
      },
    });
    expect(throttle.expectedCost('q')).toBe(800);
    await throttle.acquire(800);
    // 500 points missing at 100/s → about 5 s.
    expect(clock.slept.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(5000);
    expect(clock.slept.reduce((a, b) => a + b, 0)).toBeLessThan(5100);
  });

  it('counts in-flight reservations until their responses arrive', async () => {
    const clock = new ManualClock();
    const throttle = new CostThrottle(clock);
    throttle.observe({
      maximumAvailable: 1000,
      currentlyAvailable: 1000,
      restoreRate: 50,
    });
    await throttle.acquire(600);
    expect(clock.slept).toEqual([]);
    // The first request's response arrives while the second waits: 400 left, 50/s.
    clock.onSleep = () =>
      throttle.release(600, 'q', {
        throttleStatus: {
          maximumAvailable: 1000,
          currentlyAvailable: 400,
          restoreRate: 50,
        },
      });
    await throttle.acquire(600);
    expect(clock.slept.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(4000);
  });
});

describe('backoff', () => {
  it('grows exponentially with jitter and a cap', () => {
    expect(backoffDelayMs(1, 500, 30_000, () => 0)).toBe(250);
    expect(backoffDelayMs(3, 500, 30_000, () => 1)).toBe(2000);
    expect(backoffDelayMs(20, 500, 30_000, () => 1)).toBe(30_000);
  });

  it('reads Retry-After as seconds', () => {
    expect(retryAfterMs('2.0')).toBe(2000);
    expect(retryAfterMs('1')).toBe(1000);
    expect(retryAfterMs(null)).toBeNull();
    expect(retryAfterMs('soon')).toBeNull();
  });
});
