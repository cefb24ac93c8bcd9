/**
 * The emulator's notion of "now". Token expiry, rate-limit windows and updated-at stamps
 * read it, so tests can jump a week or fifteen minutes ahead without waiting.
 */
export class EmulatorClock {
  private offsetMs = 0;

  now(): number {
    return Date.now() + this.offsetMs;
  }

  iso(): string {
    return new Date(this.now()).toISOString();
  }

  advance(ms: number): void {
    this.offsetMs += ms;
  }
}
