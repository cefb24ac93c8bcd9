/**
 * The emulator's notion of time. Wall-clock time (timestamps, token expiry) can be
 * advanced by the control API; durations that would make tests slow (bucket refill,
 * webhook retry backoff) run `timeScale` times faster than real time.
 */
export class EmulatorClock {
  private offsetMs = 0;

  constructor(readonly timeScale = 1) {
    if (!(timeScale > 0)) throw new Error('timeScale must be > 0');
  }

  /** Emulated wall-clock time in epoch ms. */
  now(): number {
    return Date.now() + this.offsetMs;
  }

  /** Emulated milliseconds elapsed between two real instants, with the speed-up applied. */
  scaledElapsed(fromRealMs: number, toRealMs: number): number {
    return (toRealMs - fromRealMs) * this.timeScale;
  }

  /** Real milliseconds to wait for an emulated duration. */
  toRealMs(emulatedMs: number): number {
    return emulatedMs / this.timeScale;
  }

  /** Jump the wall clock forward (e.g. to expire tokens) without waiting. */
  advance(ms: number): void {
    this.offsetMs += ms;
  }

  /** The total offset applied by advance(); the leaky bucket adds it to real elapsed time. */
  get advancedMs(): number {
    return this.offsetMs;
  }
}
