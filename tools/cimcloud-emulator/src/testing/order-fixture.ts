/** A pass-through order that the demo site's Sage 100 accepts; overrides replace top-level keys. */
export function validOrder(orderNumber: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    order_number: orderNumber,
    po_number: 'PO-1',
    erp_ship_via: 'UPS GROUND',
    erp_ship_to_warehouse: '000',
    erp_order_type: 'S',
    erp_order_status: 'N',
    erp_print_sales_order: 'N',
    erp_print_pick_sheet: 'N',
    comments: 'Web order',
    order_total: 52.45,
    customer: {
      customer_no: 'ABF',
      division_no: '01',
      terms_code: '01',
      tax_schedule: 'DEFAULT',
      name: 'American Business Futures',
      address1: '1 Main St',
      city: 'Irvine',
      state: 'CA',
      zip: '92618',
      country_code: 'USA',
    },
    shipping_address: {
      name: 'Receiving',
      address1: '1 Main St',
      city: 'Irvine',
      state: 'CA',
      zip: '92618',
      country_code: 'USA',
    },
    details: [
      { sku: 'WIDGET-100', quantity: 2, price: 12.5 },
      { sku: 'GADGET-1', quantity: 3, price: 7.25 },
    ],
    ...overrides,
  };
}
