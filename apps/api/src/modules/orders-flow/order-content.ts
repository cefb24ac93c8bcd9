import { canonicalJson } from '@ferry/mapping';

/**
 * Fields of a Shopify order that change without anyone editing the order: Shopify bumps
 * `updatedAt` when it is paid, fulfilled (Ferry's own shipment pushes do that), closed or
 * archived. Only a change of anything else counts as an edit after the order was sent.
 */
const STATUS_FIELDS: ReadonlySet<string> = new Set(['updatedAt', 'displayFinancialStatus', 'displayFulfillmentStatus', 'closed']);

const content = (order: unknown): string =>
  order !== null && typeof order === 'object' && !Array.isArray(order)
    ? canonicalJson(Object.fromEntries(Object.entries(order).filter(([key]) => !STATUS_FIELDS.has(key))))
    : canonicalJson(order);

/** True when a newer version of an order differs from the stored one in more than its status. */
export function orderContentChanged(stored: unknown, current: unknown): boolean {
  return content(stored) !== content(current);
}
