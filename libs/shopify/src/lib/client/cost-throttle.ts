import { Clock } from './runtime-deps';

export interface ThrottleStatus {
  maximumAvailable: number;
  currentlyAvailable: number;
  restoreRate: number;
}

/**
 * Client-side mirror of Shopify's leaky bucket. It learns the bucket from every
 * response's extensions.cost and makes a request wait *before* sending when the
 * estimated points available (minus what in-flight requests have reserved) cannot cover
 * its expected cost, so THROTTLED is rare instead of being the flow control.
 */
export class CostThrottle {
  private status: ThrottleStatus | null = null;
  private observedAtMs = 0;
  private reserved = 0;
  private readonly knownCosts = new Map<string, number>();

  constructor(
    private readonly clock: Clock,
    /** Cost assumed for a query never seen before. */
    private readonly defaultCost = 100,
  ) {}

  /** The requested cost last reported for this query text, or the default. */
  expectedCost(query: string): number {
    return this.knownCosts.get(query) ?? this.defaultCost;
  }

  /** Points the bucket holds now by our estimate, before reservations. */
  estimatedAvailable(): number | null {
    if (!this.status) return null;
    const elapsedS = (this.clock.now() - this.observedAtMs) / 1000;
    return Math.min(
      this.status.maximumAvailable,
      this.status.currentlyAvailable + elapsedS * this.status.restoreRate,
    );
  }

  /** Waits until `cost` points are (estimated) free, then reserves them; resolves to the milliseconds waited. */
  async acquire(cost: number): Promise<number> {
    let waitedMs = 0;
    for (;;) {
      const available = this.estimatedAvailable();
      if (available === null || !this.status) break;
      const needed =
        Math.min(cost, this.status.maximumAvailable) -
        (available - this.reserved);
      if (needed <= 0) break;
      const sleepMs = Math.ceil((needed / this.status.restoreRate) * 1000) + 5;
      await this.clock.sleep(sleepMs);
      waitedMs += sleepMs;
    }
    this.reserved += cost;
    return waitedMs;
  }

  /** Releases a reservation and learns from the response's cost extension. */
  release(
    cost: number,
    query: string,
    extension:
      | { requestedQueryCost?: number; throttleStatus?: ThrottleStatus }
      | undefined,
  ): void {
    this.reserved = Math.max(0, this.reserved - cost);
    if (extension?.requestedQueryCost !== undefined)
      this.knownCosts.set(query, extension.requestedQueryCost);
    if (extension?.throttleStatus) this.observe(extension.throttleStatus);
  }

  observe(status: ThrottleStatus): void {
    this.status = { ...status };
    this.observedAtMs = this.clock.now();
  }

  /** How long to wait before retrying a THROTTLED request of `cost` points. */
  waitForMs(cost: number): number {
    const available = this.estimatedAvailable();
    if (available === null || !this.status) return 1000;
    return (
      Math.max(
        0,
        Math.ceil(((cost - available) / this.status.restoreRate) * 1000),
      ) + 5
    );
  }
}
