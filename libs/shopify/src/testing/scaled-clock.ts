import { Clock } from '../lib/client/runtime-deps';

/**
 * A clock running `scale` times faster than real time, matching an emulator started
 * with the same timeScale, plus manual jumps. For tests and the benchmark only.
 */
export class ScaledClock implements Clock {
  private readonly realStart = Date.now();
  private offsetMs = 0;

  constructor(readonly scale: number) {}

  now(): number {
    return (
      this.realStart +
      (Date.now() - this.realStart) * this.scale +
      this.offsetMs
    );
  }

  sleep(ms: number): Promise<void> {
    return new Promise((resolve) =>
      setTimeout(resolve, Math.max(0, ms / this.scale)),
    );
  }

  advance(ms: number): void {
    this.offsetMs += ms;
  }
}
