/** The access scopes Ferry needs, each with the sentence shown when it is missing. */
export const REQUIRED_SCOPES: Record<string, string> = {
  read_orders: 'Ferry cannot read orders, so nothing will be sent to the ERP.',
  read_all_orders:
    'Ferry can only read the last 60 days of orders, so an older backfill will be incomplete.',
  read_customers:
    'Ferry cannot read customer details, so orders will reach the ERP without a customer.',
  read_products:
    'Ferry cannot look up products by SKU, so stock levels cannot be matched.',
  read_locations:
    'Ferry cannot list your locations, so stock cannot be mapped to warehouses.',
  read_inventory: 'Ferry cannot read stock levels.',
  write_inventory: 'Ferry cannot update stock levels in Shopify.',
  read_merchant_managed_fulfillment_orders:
    'Ferry cannot see what is waiting to be shipped.',
  write_merchant_managed_fulfillment_orders:
    'Ferry cannot mark orders as shipped.',
  write_fulfillments: 'Ferry cannot create shipments with tracking numbers.',
};

/** write_x implies read_x on Shopify. */
export function scopeGranted(
  granted: readonly string[],
  scope: string,
): boolean {
  return (
    granted.includes(scope) ||
    (scope.startsWith('read_') && granted.includes(`write_${scope.slice(5)}`))
  );
}
