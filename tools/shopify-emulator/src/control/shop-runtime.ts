import { EmulatorClock } from '../clock/emulator-clock';
import { IdempotencyStore } from '../graphql/idempotency-store';
import { ShopStore } from '../store/shop-store';
import { LeakyBucket } from '../throttle/leaky-bucket';
import { planLimits } from '../throttle/plan-limits';

/** A shop's store plus its per-app rate-limit buckets and API behaviour switches. */
export class ShopRuntime {
  readonly idempotency = new IdempotencyStore();
  private readonly buckets = new Map<number, LeakyBucket>();
  throttleMode: 'graphql' | 'http429' = 'graphql';

  constructor(
    readonly store: ShopStore,
    private readonly clock: EmulatorClock,
  ) {}

  /** Rate limits are per app and shop. */
  bucketFor(appId: number): LeakyBucket {
    let bucket = this.buckets.get(appId);
    if (!bucket) {
      const limits = planLimits(this.store.options.plan);
      bucket = new LeakyBucket(
        limits.maximumAvailable,
        limits.restoreRate,
        this.clock,
      );
      this.buckets.set(appId, bucket);
    }
    return bucket;
  }

  /** A plan change resets the buckets to the new plan's size. */
  resetBuckets(): void {
    this.buckets.clear();
  }
}
