import { OrderFilters } from '@ferry/contracts';

/** The fields of a raw Admin API order that the tenant's filters look at. */
export interface FilterableOrder {
  test?: boolean | null;
  cancelledAt?: string | null;
  displayFinancialStatus?: string | null;
  tags?: string[] | null;
}

const PAID = new Set(['PAID', 'PARTIALLY_PAID', 'PARTIALLY_REFUNDED']);

/** Why an order is not imported, or null to import it (DESIGN §2.1 step 2). */
export function skipReason(order: FilterableOrder, filters: OrderFilters): string | null {
  if (filters.skipTestOrders && order.test === true) return 'test order';
  if (filters.skipCancelled && order.cancelledAt) return 'cancelled';
  if (filters.skipUnpaid && !PAID.has(order.displayFinancialStatus ?? '')) return `not paid (${order.displayFinancialStatus ?? 'unknown'})`;
  const tags = (order.tags ?? []).map((t) => t.toLowerCase());
  const tag = filters.skipTags.find((t) => tags.includes(t.toLowerCase()));
  return tag ? `tagged "${tag}"` : null;
}
