import type {
  NumberSchemaNode,
  ObjectSchemaNode,
  SchemaNode,
  StringSchemaNode,
  TargetSchema,
} from './schema-node';

const text = (description?: string): StringSchemaNode =>
  description ? { type: 'string', description } : { type: 'string' };
const requiredText = (description?: string): StringSchemaNode => ({
  ...text(description),
  required: true,
});
const money = (description: string): NumberSchemaNode => ({
  type: 'number',
  minimum: 0,
  maxDecimals: 2,
  description,
});

const address = (
  required: readonly string[],
  extra: Readonly<Record<string, SchemaNode>>,
): Record<string, SchemaNode> => {
  const fields: Record<string, SchemaNode> = {
    name: text(),
    address1: text(),
    address2: text(),
    address3: text(),
    city: text(),
    state: text('State or province code'),
    zip: text(),
    country_code: text('ISO 3166-1 alpha-2 country code'),
    telephone: text(),
    email: text(),
    ...extra,
  };
  for (const name of required)
    fields[name] = { ...fields[name], required: true };
  return fields;
};

const customer: ObjectSchemaNode = {
  type: 'object',
  required: true,
  description:
    'Bill-to customer; the ERP account comes from customer_no (the tenant default)',
  fields: address(
    ['name', 'address1', 'city', 'state', 'zip', 'country_code'],
    {
      customer_no: text('ERP customer number'),
      division_no: text('ERP customer (AR) division'),
      salesperson_no: text(),
      tax_schedule: text(),
      terms_code: text(),
      update_master: { type: 'boolean' },
      fax: text(),
      credit_hold: { type: 'boolean' },
      customer_type: text(),
      ship_method: text(),
      telephone_ext: text(),
      price_level: text(),
    },
  ),
};

const shippingAddress: ObjectSchemaNode = {
  type: 'object',
  required: true,
  fields: address(['address1', 'city', 'state', 'zip', 'country_code'], {
    code: text('ERP ship-to code'),
    address_type: text(),
    attention: text(),
  }),
};

const detail: ObjectSchemaNode = {
  type: 'object',
  fields: {
    sku: requiredText('Item code in the ERP'),
    quantity: { type: 'number', required: true, exclusiveMinimum: 0 },
    price: {
      type: 'number',
      required: true,
      minimum: 0,
      description: 'Unit price',
    },
    description: {
      type: 'string',
      assumed: true,
      description: 'Line description (not in the public field list)',
    },
  },
};

/**
 * CIMcloud `POST orderpassthrough/` (help.cimcloud.com, DESIGN §4.2): the documented
 * header, customer, shipping address and detail fields. ERP rules come from a profile.
 */
export const CIMCLOUD_PASSTHROUGH_ORDER_SCHEMA: TargetSchema = {
  id: 'cimcloud.passthrough-order',
  name: 'CIMcloud pass-through order',
  version: 1,
  description:
    'An order POSTed to CIMcloud orderpassthrough/, imported by CIMcloud into the ERP as a sales order.',
  root: {
    type: 'object',
    fields: {
      order_number: requiredText(
        'Unique order number; CIMcloud updates the order when it is posted again',
      ),
      erp_order_number: text(),
      ref_id: text(),
      order_source: text(),
      po_number: text(),
      carrier_code: text(),
      ship_method: text(),
      erp_ship_via: text(),
      carrier_name: text(),
      requested_date: text(),
      order_date: { type: 'string', format: 'date-time' },
      lifecycle_stage: text(),
      comments: text(),
      shipping_total: money('Shipping charged'),
      tax_total: money('Tax charged'),
      order_total: money('Order total'),
      erp_ship_to_code: text(),
      erp_ship_to_tax_schedule: text(),
      erp_sales_tax_schedule: text(),
      erp_ship_to_warehouse: text(),
      erp_print_sales_order: text(),
      erp_print_pick_sheet: text(),
      erp_order_type: text(),
      erp_order_status: text(),
      erp_hold_reason_code: text(),
      customer,
      shipping_address: shippingAddress,
      details: { type: 'array', required: true, minItems: 1, items: detail },
    },
  },
};
