/**
 * CIMcloud's default client limit: 2 calls per second or 100 calls per 15 minutes per
 * authorization. Windows are settable so tests can compress them.
 */
export interface RateLimitSettings {
  perSecond: number;
  /** Length of the short sliding window (1000 ms in CIMcloud). */
  secondWindowMs: number;
  perWindow: number;
  /** Length of the long fixed window (15 minutes in CIMcloud). */
  windowMs: number;
}

export const CIMCLOUD_RATE_LIMITS: RateLimitSettings = {
  perSecond: 2,
  secondWindowMs: 1000,
  perWindow: 100,
  windowMs: 15 * 60 * 1000,
};
