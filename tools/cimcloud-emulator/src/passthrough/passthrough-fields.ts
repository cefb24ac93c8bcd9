/** Value types of the documented orderpassthrough fields (help.cimcloud.com). */
export type PassthroughFieldType = 'string' | 'decimal' | 'datetime' | 'boolean';

type FieldTable = Readonly<Record<string, PassthroughFieldType>>;

export const ORDER_HEADER_FIELDS: FieldTable = {
  order_number: 'string',
  erp_order_number: 'string',
  ref_id: 'string',
  order_source: 'string',
  po_number: 'string',
  carrier_code: 'string',
  ship_method: 'string',
  erp_ship_via: 'string',
  carrier_name: 'string',
  requested_date: 'string',
  order_date: 'datetime',
  lifecycle_stage: 'string',
  comments: 'string',
  shipping_total: 'decimal',
  tax_total: 'decimal',
  order_total: 'decimal',
  erp_ship_to_code: 'string',
  erp_ship_to_tax_schedule: 'string',
  erp_sales_tax_schedule: 'string',
  erp_ship_to_warehouse: 'string',
  erp_print_sales_order: 'string',
  erp_print_pick_sheet: 'string',
  erp_order_type: 'string',
  erp_order_status: 'string',
  erp_hold_reason_code: 'string',
};

export const CUSTOMER_FIELDS: FieldTable = {
  customer_no: 'string',
  division_no: 'string',
  salesperson_no: 'string',
  tax_schedule: 'string',
  terms_code: 'string',
  update_master: 'boolean',
  fax: 'string',
  name: 'string',
  address1: 'string',
  address2: 'string',
  address3: 'string',
  city: 'string',
  state: 'string',
  zip: 'string',
  country_code: 'string',
  credit_hold: 'boolean',
  customer_type: 'string',
  email: 'string',
  ship_method: 'string',
  telephone_ext: 'string',
  telephone: 'string',
  price_level: 'string',
};

export const SHIPPING_ADDRESS_FIELDS: FieldTable = {
  code: 'string',
  name: 'string',
  address1: 'string',
  address2: 'string',
  address3: 'string',
  city: 'string',
  state: 'string',
  zip: 'string',
  country_code: 'string',
  telephone: 'string',
  email: 'string',
  address_type: 'string',
  attention: 'string',
};

/** `description` is ASSUMED (not in the public field list); the others are documented. */
export const DETAIL_FIELDS: FieldTable = {
  sku: 'string',
  quantity: 'decimal',
  price: 'decimal',
  description: 'string',
};

export const REQUIRED_CUSTOMER_FIELDS = ['name', 'address1', 'city', 'state', 'zip', 'country_code'] as const;
export const REQUIRED_SHIPPING_FIELDS = ['address1', 'city', 'state', 'zip', 'country_code'] as const;
export const REQUIRED_DETAIL_FIELDS = ['sku', 'quantity', 'price'] as const;
