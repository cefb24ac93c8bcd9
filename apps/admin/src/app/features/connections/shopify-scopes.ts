/**
 * The Shopify Admin API access scopes Ferry asks for (DESIGN §4.1), and what each is for.
 * "Test connection" compares them with the scopes the app was granted.
 */
export const SHOPIFY_REQUIRED_SCOPES: readonly { scope: string; purpose: string }[] = [
  { scope: 'read_orders', purpose: 'Read new and updated orders to send to CIMcloud.' },
  { scope: 'read_all_orders', purpose: 'Backfill orders older than 60 days.' },
  { scope: 'read_customers', purpose: "Read the order's customer name, email and addresses." },
  { scope: 'read_products', purpose: 'Match Shopify SKUs to ERP items.' },
  { scope: 'read_locations', purpose: 'Link Shopify locations to ERP warehouses.' },
  { scope: 'read_inventory', purpose: 'Read the quantities Shopify has now.' },
  { scope: 'write_inventory', purpose: 'Set Shopify quantities from ERP stock.' },
  { scope: 'read_merchant_managed_fulfillment_orders', purpose: 'Find what is left to fulfil when the ERP ships.' },
  { scope: 'write_merchant_managed_fulfillment_orders', purpose: 'Fulfil those fulfillment orders.' },
  { scope: 'write_fulfillments', purpose: 'Create fulfillments with tracking numbers from ERP shipments.' },
];
