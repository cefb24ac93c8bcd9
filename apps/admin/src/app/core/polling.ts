import { InjectionToken } from '@angular/core';

/**
 * How often a page re-reads something that is still changing on the server (a running
 * run, a backfill, an order being retried). Tests provide a short one.
 */
export const POLL_INTERVAL_MS = new InjectionToken<number>('POLL_INTERVAL_MS', { factory: () => 2000 });
