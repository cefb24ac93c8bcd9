import { AsyncLocalStorage } from 'node:async_hooks';
import { RunThrottleCounts, Upstream, UpstreamThrottleCounts } from '@ferry/contracts';

/** What a connector reports of one throttle wait (the Shopify and CIMcloud events share this shape). */
export interface ThrottleWait {
  reason: string;
  waitedMs: number;
}

/** Reasons that are a throttled answer from the upstream rather than a wait Ferry chose. */
const THROTTLED_ANSWERS = new Set(['throttled', 'rate_limited']);

/**
 * The throttle waits of one sync run. Connector clients are shared by every run of a
 * tenant (their bucket and budget must be), and flows of one tenant run concurrently, so a
 * wait is attributed through the async context of the request that waited.
 */
export class RunThrottleTally {
  private static readonly current = new AsyncLocalStorage<RunThrottleTally>();
  private readonly counts: RunThrottleCounts = {};

  /** Records a wait for the run whose work is executing now; waits outside any run are not counted. */
  static report(upstream: Upstream, wait: ThrottleWait): void {
    RunThrottleTally.current.getStore()?.add(upstream, wait);
  }

  /** Runs `work` so that every wait it causes is counted here. */
  attribute<T>(work: () => Promise<T>): Promise<T> {
    return RunThrottleTally.current.run(this, work);
  }

  /** The counts for `sync_runs.counts.throttle`; null when nothing waited. */
  snapshot(): RunThrottleCounts | null {
    return Object.keys(this.counts).length === 0 ? null : structuredClone(this.counts);
  }

  private add(upstream: Upstream, wait: ThrottleWait): void {
    const side: UpstreamThrottleCounts = (this.counts[upstream] ??= { throttledMs: 0, throttleEvents: 0, throttledAnswers: 0 });
    side.throttledMs += Math.max(0, Math.round(wait.waitedMs));
    side.throttleEvents++;
    if (THROTTLED_ANSWERS.has(wait.reason)) side.throttledAnswers++;
  }
}
