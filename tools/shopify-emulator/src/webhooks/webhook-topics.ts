/** GraphQL enum ↔ the `X-Shopify-Topic` header form, and the scope each topic needs. */
export const WEBHOOK_TOPICS: Record<
  string,
  { header: string; scopes: string[] }
> = {
  APP_UNINSTALLED: { header: 'app/uninstalled', scopes: [] },
  ORDERS_CREATE: { header: 'orders/create', scopes: ['read_orders'] },
  ORDERS_UPDATED: { header: 'orders/updated', scopes: ['read_orders'] },
  ORDERS_CANCELLED: { header: 'orders/cancelled', scopes: ['read_orders'] },
  ORDERS_FULFILLED: { header: 'orders/fulfilled', scopes: ['read_orders'] },
  ORDERS_PAID: { header: 'orders/paid', scopes: ['read_orders'] },
  FULFILLMENTS_CREATE: {
    header: 'fulfillments/create',
    scopes: ['read_fulfillments', 'read_merchant_managed_fulfillment_orders'],
  },
  INVENTORY_LEVELS_UPDATE: {
    header: 'inventory_levels/update',
    scopes: ['read_inventory'],
  },
};

export function topicHeader(enumValue: string): string {
  return (
    WEBHOOK_TOPICS[enumValue]?.header ??
    enumValue.toLowerCase().replace('_', '/')
  );
}
