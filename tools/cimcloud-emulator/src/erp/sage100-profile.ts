import type { ErpFieldRule, ErpProfile } from './erp-profile';

const shipTo = (erpField: string, key: string, maxLength: number): ErpFieldRule => ({
  erpField,
  source: `shipping_address.${key}`,
  maxLength,
});
const billTo = (erpField: string, key: string, maxLength: number): ErpFieldRule => ({
  erpField,
  source: `customer.${key}`,
  maxLength,
});

/**
 * Sage 100 sales order import rules (DESIGN §4.3 plus Sage's bill-to lengths). Order
 * matters: the import stops at the first failing rule, header before lines, as Sage does.
 */
export const SAGE100_PROFILE: ErpProfile = {
  name: 'sage100',
  salesOrderNoLength: 7,
  invoiceNoLength: 7,
  trackingIdMaxLength: 30,
  defaultWarehouse: '000',
  salesOrderNoSource: 'erp_order_number',
  rules: [
    {
      erpField: 'ARDivisionNo',
      source: 'customer.division_no',
      required: true,
      pattern: '^\\d{2}$',
      patternText: 'two digits, zero-filled',
    },
    { erpField: 'CustomerNo', source: 'customer.customer_no', required: true, maxLength: 20, upperCase: true },
    { erpField: 'CustomerNo', source: 'customer.customer_no', lookup: 'customer' },
    { erpField: 'SalesOrderNo', source: 'erp_order_number', maxLength: 7 },
    { erpField: 'OrderType', source: 'erp_order_type', allowed: ['S', 'B'], notImported: ['Q', 'M', 'R', 'P'] },
    { erpField: 'OrderStatus', source: 'erp_order_status', allowed: ['N', 'O', 'H'] },
    {
      erpField: 'HoldReasonCode',
      source: 'erp_hold_reason_code',
      maxLength: 5,
      requiredWhen: { source: 'erp_order_status', equals: 'H' },
    },
    { erpField: 'SalespersonNo', source: 'customer.salesperson_no', maxLength: 4 },
    { erpField: 'TermsCode', source: 'customer.terms_code', maxLength: 2, lookup: 'termsCode' },
    { erpField: 'TaxSchedule', source: 'customer.tax_schedule', maxLength: 9, lookup: 'taxSchedule' },
    { erpField: 'TaxSchedule', source: 'erp_sales_tax_schedule', maxLength: 9, lookup: 'taxSchedule' },
    { erpField: 'TaxSchedule', source: 'erp_ship_to_tax_schedule', maxLength: 9, lookup: 'taxSchedule' },
    { erpField: 'PrintSalesOrders', source: 'erp_print_sales_order', allowed: ['Y', 'N'] },
    { erpField: 'PrintPickingSheets', source: 'erp_print_pick_sheet', allowed: ['Y', 'N'] },
    { erpField: 'ShipVia', source: 'erp_ship_via', maxLength: 15, lookup: 'shipVia' },
    { erpField: 'WarehouseCode', source: 'erp_ship_to_warehouse', maxLength: 3, lookup: 'warehouse' },
    { erpField: 'ShipToCode', source: 'erp_ship_to_code', maxLength: 4 },
    { erpField: 'CustomerPONo', source: 'po_number', maxLength: 15 },
    { erpField: 'Comment', source: 'comments', maxLength: 30 },
    billTo('BillToName', 'name', 30),
    billTo('BillToAddress1', 'address1', 30),
    billTo('BillToAddress2', 'address2', 30),
    billTo('BillToAddress3', 'address3', 30),
    billTo('BillToCity', 'city', 20),
    billTo('BillToState', 'state', 2),
    billTo('BillToZipCode', 'zip', 10),
    billTo('BillToCountryCode', 'country_code', 3),
    shipTo('ShipToName', 'name', 30),
    shipTo('ShipToAddress1', 'address1', 30),
    shipTo('ShipToAddress2', 'address2', 30),
    shipTo('ShipToAddress3', 'address3', 30),
    shipTo('ShipToCity', 'city', 20),
    shipTo('ShipToState', 'state', 2),
    shipTo('ShipToZipCode', 'zip', 10),
    shipTo('ShipToCountryCode', 'country_code', 3),
    { erpField: 'ItemCode', source: 'details[].sku', required: true, maxLength: 30 },
    { erpField: 'ItemCode', source: 'details[].sku', lookup: 'item' },
    { erpField: 'ItemCodeDesc', source: 'details[].description', maxLength: 30 },
    { erpField: 'QuantityOrdered', source: 'details[].quantity', positive: true },
  ],
  // Worded after Sage 100's business-object messages ("The X is invalid", "is not on file").
  messages: {
    required: 'The {field} is required.',
    maxLength: 'The {field} is invalid. "{value}" exceeds the maximum length of {max}.',
    pattern: 'The {field} is invalid. "{value}" must be {pattern}.',
    upperCase: 'The {field} is invalid. "{value}" must be upper case.',
    notAllowed: 'The {field} is invalid. "{value}" is not one of {allowed}.',
    notImported: 'The {field} is invalid. {field} "{value}" cannot be imported; use one of {allowed}.',
    positive: 'The {field} is invalid. "{value}" must be greater than zero.',
    requiredWhen: 'The {field} is required when {other} is {equals}.',
    forbiddenUnless: 'The {field} is invalid. It is only allowed when {other} is {equals}.',
    notOnFile: 'The {field} is invalid. "{value}" is not on file.',
    duplicateSalesOrder: 'The {field} is invalid. Sales order "{value}" already exists.',
    linePrefix: 'Line {line}: ',
  },
};
