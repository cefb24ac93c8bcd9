import { ShopPlan } from '../store/model';

/** Restore rate in points per second per plan; the bucket holds 20 seconds of it. */
export const PLAN_RESTORE_RATES: Record<ShopPlan, number> = {
  STANDARD: 100,
  ADVANCED: 200,
  PLUS: 1000,
  ENTERPRISE: 2000,
};

export const BUCKET_SECONDS = 20;

export function planLimits(plan: ShopPlan): {
  restoreRate: number;
  maximumAvailable: number;
} {
  const restoreRate = PLAN_RESTORE_RATES[plan];
  return { restoreRate, maximumAvailable: restoreRate * BUCKET_SECONDS };
}
