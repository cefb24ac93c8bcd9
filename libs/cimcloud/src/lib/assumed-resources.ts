/**
 * ASSUMED: CIMcloud documents no public way to read a pass-through order's ERP import
 * result, shipments, stock or the ERP's code lists. These resource names and their
 * columns (parsed in ./records) are Ferry's assumption, kept in one place so they can be
 * corrected when CIMcloud documents them. They are read like documented resources:
 * `{resource}/{searchstring}/{page}`, 50 rows a page.
 */
export const ASSUMED_RESOURCES = {
  importStatus: 's_orders',
  shipments: 'external_order_shipments',
  stock: 'product_qty_in_stock',
  warehouses: 'erp_warehouses',
  shipVias: 'erp_ship_vias',
  termsCodes: 'erp_terms_codes',
  taxSchedules: 'erp_tax_schedules',
} as const;

/** Documented resources. */
export const DOCUMENTED_RESOURCES = {
  orderPassthrough: 'orderpassthrough/',
  customers: 'customers',
  products: 'products',
} as const;

/** The change-stamp column incremental reads page by (ASSUMED, like the resources above). */
export const UPDATED_AT = 'updated_at';
