import { EmulatorClock } from '../clock/emulator-clock';

export interface ThrottleStatus {
  maximumAvailable: number;
  currentlyAvailable: number;
  restoreRate: number;
}

/**
 * A leaky bucket of cost points for one app on one shop. It refills continuously at
 * `restoreRate` points per emulated second (the clock's timeScale speeds this up).
 */
export class LeakyBucket {
  private available: number;
  private lastRealMs = Date.now();
  private lastAdvancedMs: number;

  constructor(
    readonly maximumAvailable: number,
    readonly restoreRate: number,
    private readonly clock: EmulatorClock,
  ) {
    this.available = maximumAvailable;
    this.lastAdvancedMs = clock.advancedMs;
  }

  private refill(): void {
    const nowReal = Date.now();
    const elapsedMs =
      this.clock.scaledElapsed(this.lastRealMs, nowReal) +
      (this.clock.advancedMs - this.lastAdvancedMs);
    this.lastRealMs = nowReal;
    this.lastAdvancedMs = this.clock.advancedMs;
    this.available = Math.min(
      this.maximumAvailable,
      this.available + (elapsedMs / 1000) * this.restoreRate,
    );
  }

  /** Takes `cost` points if they are there; false means throttled. */
  tryTake(cost: number): boolean {
    this.refill();
    if (cost > this.available) return false;
    this.available -= cost;
    return true;
  }

  /** Gives back the difference between requested and actual cost. */
  refund(points: number): void {
    this.refill();
    this.available = Math.min(
      this.maximumAvailable,
      this.available + Math.max(0, points),
    );
  }

  /** Empties the bucket (forced-throttling fault). */
  drain(): void {
    this.refill();
    this.available = 0;
  }

  /** Emulated seconds until `cost` points are available. */
  secondsUntil(cost: number): number {
    this.refill();
    return Math.max(0, (cost - this.available) / this.restoreRate);
  }

  status(): ThrottleStatus {
    this.refill();
    return {
      maximumAvailable: this.maximumAvailable,
      currentlyAvailable: Math.floor(this.available),
      restoreRate: this.restoreRate,
    };
  }
}
