/** Which Shopify orders become CIMcloud orders (DESIGN §2.1 step 2). */
export interface OrderFilters {
  skipTestOrders: boolean;
  skipCancelled: boolean;
  /** Skips orders whose financial status is not paid (or partially paid). */
  skipUnpaid: boolean;
  /** Orders carrying any of these tags are skipped (case-insensitive). */
  skipTags: string[];
}

export const DEFAULT_ORDER_FILTERS: OrderFilters = { skipTestOrders: true, skipCancelled: true, skipUnpaid: false, skipTags: [] };
