import type { ErpFieldProfile, ErpFieldRule } from './erp-field-profile';

const length = (
  path: string,
  erpField: string,
  maxLength: number,
): ErpFieldRule => ({ path, erpField, maxLength });
const address = (
  prefix: 'customer' | 'shipping_address',
  erpPrefix: 'BillTo' | 'ShipTo',
): ErpFieldRule[] => [
  length(`${prefix}.name`, `${erpPrefix}Name`, 30),
  length(`${prefix}.address1`, `${erpPrefix}Address1`, 30),
  length(`${prefix}.address2`, `${erpPrefix}Address2`, 30),
  length(`${prefix}.address3`, `${erpPrefix}Address3`, 30),
  length(`${prefix}.city`, `${erpPrefix}City`, 20),
  length(`${prefix}.state`, `${erpPrefix}State`, 2),
  length(`${prefix}.zip`, `${erpPrefix}ZipCode`, 10),
  length(`${prefix}.country_code`, `${erpPrefix}CountryCode`, 3),
];

/**
 * Sage 100 sales order import rules (DESIGN §4.3) on the CIMcloud pass-through order.
 * Sage's SalespersonDivisionNo has no documented pass-through field, so it has no rule
 * here; the bill-to lengths are Sage's, the same as its ship-to lengths.
 */
export const SAGE100_FIELD_PROFILE: ErpFieldProfile = {
  id: 'sage100',
  name: 'Sage 100',
  targetSchemaId: 'cimcloud.passthrough-order',
  rules: [
    {
      path: 'customer.division_no',
      erpField: 'ARDivisionNo',
      required: true,
      pattern: '^\\d{2}$',
      patternText: 'two digits, zero-filled',
    },
    {
      path: 'customer.customer_no',
      erpField: 'CustomerNo',
      required: true,
      maxLength: 20,
      upperCase: true,
    },
    length('customer.terms_code', 'TermsCode', 2),
    length('customer.salesperson_no', 'SalespersonNo', 4),
    length('customer.tax_schedule', 'TaxSchedule', 9),
    length('erp_sales_tax_schedule', 'TaxSchedule', 9),
    length('erp_ship_to_tax_schedule', 'ShipToTaxSchedule', 9),
    {
      path: 'erp_order_type',
      erpField: 'OrderType',
      allowedValues: ['S', 'B'],
    },
    {
      path: 'erp_order_status',
      erpField: 'OrderStatus',
      allowedValues: ['N', 'O', 'H'],
    },
    {
      path: 'erp_hold_reason_code',
      erpField: 'HoldReasonCode',
      maxLength: 5,
      requiredWhen: { field: 'erp_order_status', equals: 'H' },
      allowedOnlyWhen: { field: 'erp_order_status', equals: 'H' },
    },
    {
      path: 'erp_print_sales_order',
      erpField: 'PrintSalesOrders',
      allowedValues: ['Y', 'N'],
    },
    {
      path: 'erp_print_pick_sheet',
      erpField: 'PrintPickingSheets',
      allowedValues: ['Y', 'N'],
    },
    length('erp_ship_via', 'ShipVia', 15),
    length('erp_ship_to_warehouse', 'WarehouseCode', 3),
    length('erp_ship_to_code', 'ShipToCode', 4),
    length('po_number', 'CustomerPONo', 15),
    length('comments', 'Comment', 30),
    length('erp_order_number', 'SalesOrderNo', 7),
    ...address('customer', 'BillTo'),
    ...address('shipping_address', 'ShipTo'),
    length('details[].sku', 'ItemCode', 30),
    length('details[].description', 'ItemCodeDesc', 30),
    {
      path: 'details[].quantity',
      erpField: 'QuantityOrdered',
      exclusiveMinimum: 0,
    },
  ],
};
