import { DEMO_CREDENTIALS, demoSiteSeed } from '../demo/demo-site';
import { startCimcloudEmulator, type RunningCimcloudEmulator } from '../start-emulator';
import { ApiClient, eventually } from '../testing/api-client';
import { validOrder } from '../testing/order-fixture';

const base = validOrder('X');
const customer = base['customer'] as Record<string, unknown>;
const shipping = base['shipping_address'] as Record<string, unknown>;
const details = base['details'] as Record<string, unknown>[];

/** [case, overrides, Sage column, path, text the ERP error must contain] */
const REJECTIONS: [string, Record<string, unknown>, string, string, string][] = [
  ['unknown customer', { customer: { ...customer, customer_no: 'NOBODY' } }, 'CustomerNo', 'customer.customer_no', '"01-NOBODY" is not on file'],
  ['customer in another division', { customer: { ...customer, division_no: '02' } }, 'CustomerNo', 'customer.customer_no', '"02-ABF" is not on file'],
  ['lower-case customer number', { customer: { ...customer, customer_no: 'abf' } }, 'CustomerNo', 'customer.customer_no', 'must be upper case'],
  ['customer number over 20', { customer: { ...customer, customer_no: 'A'.repeat(21) } }, 'CustomerNo', 'customer.customer_no', 'maximum length of 20'],
  ['division not two digits', { customer: { ...customer, division_no: '1' } }, 'ARDivisionNo', 'customer.division_no', 'two digits'],
  ['missing division', { customer: { ...customer, division_no: undefined } }, 'ARDivisionNo', 'customer.division_no', 'The ARDivisionNo is required'],
  ['unknown SKU', { details: [details[0], { sku: 'NOPE-1', quantity: 1, price: 1 }] }, 'ItemCode', 'details[1].sku', 'Line 2: The ItemCode is invalid. "NOPE-1" is not on file'],
  ['SKU over 30', { details: [{ sku: 'S'.repeat(31), quantity: 1, price: 1 }] }, 'ItemCode', 'details[0].sku', 'maximum length of 30'],
  ['zero quantity', { details: [{ sku: 'WIDGET-100', quantity: 0, price: 1 }] }, 'QuantityOrdered', 'details[0].quantity', 'greater than zero'],
  ['line description over 30', { details: [{ sku: 'WIDGET-100', quantity: 1, price: 1, description: 'D'.repeat(31) }] }, 'ItemCodeDesc', 'details[0].description', 'maximum length of 30'],
  ['unknown warehouse', { erp_ship_to_warehouse: '999' }, 'WarehouseCode', 'erp_ship_to_warehouse', '"999" is not on file'],
  ['warehouse over 3', { erp_ship_to_warehouse: '0000' }, 'WarehouseCode', 'erp_ship_to_warehouse', 'maximum length of 3'],
  ['unknown ship-via', { erp_ship_via: 'CARRIER PIGEON' }, 'ShipVia', 'erp_ship_via', '"CARRIER PIGEON" is not on file'],
  ['ship-via over 15', { erp_ship_via: 'V'.repeat(16) }, 'ShipVia', 'erp_ship_via', 'maximum length of 15'],
  ['unknown terms', { customer: { ...customer, terms_code: '99' } }, 'TermsCode', 'customer.terms_code', '"99" is not on file'],
  ['terms over 2', { customer: { ...customer, terms_code: 'NET30' } }, 'TermsCode', 'customer.terms_code', 'maximum length of 2'],
  ['unknown tax schedule', { erp_sales_tax_schedule: 'MARS' }, 'TaxSchedule', 'erp_sales_tax_schedule', '"MARS" is not on file'],
  ['tax schedule over 9', { customer: { ...customer, tax_schedule: 'TAXSCHEDULE2' } }, 'TaxSchedule', 'customer.tax_schedule', 'maximum length of 9'],
  ['salesperson over 4', { customer: { ...customer, salesperson_no: 'SALE789' } }, 'SalespersonNo', 'customer.salesperson_no', 'maximum length of 4'],
  ['quote order type', { erp_order_type: 'Q' }, 'OrderType', 'erp_order_type', 'cannot be imported'],
  ['unknown order type', { erp_order_type: 'X' }, 'OrderType', 'erp_order_type', 'is not one of S, B'],
  ['unknown order status', { erp_order_status: 'Z' }, 'OrderStatus', 'erp_order_status', 'is not one of N, O, H'],
  ['hold without reason', { erp_order_status: 'H' }, 'HoldReasonCode', 'erp_hold_reason_code', 'required when erp_order_status is H'],
  ['reason without hold', { erp_hold_reason_code: 'CR' }, 'HoldReasonCode', 'erp_hold_reason_code', 'only allowed when'],
  ['hold reason over 5', { erp_order_status: 'H', erp_hold_reason_code: 'CREDIT' }, 'HoldReasonCode', 'erp_hold_reason_code', 'maximum length of 5'],
  ['print flag not Y/N', { erp_print_sales_order: 'yes' }, 'PrintSalesOrders', 'erp_print_sales_order', 'is not one of Y, N'],
  ['pick sheet flag not Y/N', { erp_print_pick_sheet: '1' }, 'PrintPickingSheets', 'erp_print_pick_sheet', 'is not one of Y, N'],
  ['PO over 15', { po_number: 'P'.repeat(16) }, 'CustomerPONo', 'po_number', 'maximum length of 15'],
  ['comment over 30', { comments: 'C'.repeat(31) }, 'Comment', 'comments', 'maximum length of 30'],
  ['ship-to name over 30', { shipping_address: { ...shipping, name: 'N'.repeat(31) } }, 'ShipToName', 'shipping_address.name', 'maximum length of 30'],
  ['ship-to city over 20', { shipping_address: { ...shipping, city: 'Y'.repeat(21) } }, 'ShipToCity', 'shipping_address.city', 'maximum length of 20'],
  ['ship-to state over 2', { shipping_address: { ...shipping, state: 'Calif' } }, 'ShipToState', 'shipping_address.state', 'maximum length of 2'],
  ['ship-to zip over 10', { shipping_address: { ...shipping, zip: '92618-12345' } }, 'ShipToZipCode', 'shipping_address.zip', 'maximum length of 10'],
  ['ship-to country over 3', { shipping_address: { ...shipping, country_code: 'United States' } }, 'ShipToCountryCode', 'shipping_address.country_code', 'maximum length of 3'],
  ['bill-to address over 30', { customer: { ...customer, address1: 'A'.repeat(31) } }, 'BillToAddress1', 'customer.address1', 'maximum length of 30'],
  ['sales order number over 7', { erp_order_number: 'SO-12345' }, 'SalesOrderNo', 'erp_order_number', 'maximum length of 7'],
];

describe('ERP simulator (Sage 100) import', () => {
  let emulator: RunningCimcloudEmulator;
  let client: ApiClient;

  beforeEach(async () => {
    emulator = await startCimcloudEmulator({ sites: [demoSiteSeed('acme')], rateLimits: null, importDelayMs: null });
    client = new ApiClient(emulator.url, 'acme');
    await client.authenticate(DEMO_CREDENTIALS);
  });
  afterEach(() => emulator.close());

  const status = async (orderNumber: string) => (await client.rows(`s_orders/searchequal~order_number~${orderNumber}`))[0];

  it('imports a valid order: 7-character sales order number, warehouse, committed stock', async () => {
    const before = emulator.control.stock('acme').find((l) => l.itemCode === 'WIDGET-100' && l.warehouseCode === '000');
    expect((await client.post('orderpassthrough/', validOrder('OK1'))).status).toBe(200);
    expect((await status('OK1'))['import_status']).toBe('pending');
    emulator.control.runImports('acme');
    const row = await status('OK1');
    expect(row).toMatchObject({ import_status: 'imported', erp_order_number: '0100000', erp_error: null, erp_ship_to_warehouse: '000' });
    expect(String(row['erp_order_number'])).toHaveLength(7);
    const after = emulator.control.stock('acme').find((l) => l.itemCode === 'WIDGET-100' && l.warehouseCode === '000');
    expect(after?.committed).toBe((before?.committed ?? 0) + 2);
    await client.post('orderpassthrough/', validOrder('OK2'));
    emulator.control.runImports('acme');
    expect((await status('OK2'))['erp_order_number']).toBe('0100001');
  });

  it.each(REJECTIONS)('rejects %s with ERP-like text', async (_case, overrides, erpField, path, text) => {
    const order = validOrder('R1', overrides);
    const posted = await client.post('orderpassthrough/', order);
    expect(posted.status).toBe(200);
    emulator.control.runImports('acme');
    const row = await status('R1');
    expect(row).toMatchObject({ import_status: 'rejected', error_source: 'erp', erp_error_field: erpField, erp_error_path: path, erp_order_number: null });
    expect(String(row['erp_error'])).toContain(text);
  });

  it('imports after the configured delay without being triggered', async () => {
    emulator.control.setTiming({ importDelayMs: 30 });
    await client.post('orderpassthrough/', validOrder('T1'));
    const row = await eventually(async () => {
      const r = await status('T1');
      return r['import_status'] === 'imported' ? r : undefined;
    });
    expect(row['erp_order_number']).toMatch(/^\d{7}$/);
  });

  it('a rejected order that is corrected and re-posted is imported', async () => {
    await client.post('orderpassthrough/', validOrder('F1', { erp_ship_via: 'NOPE' }));
    emulator.control.runImports('acme');
    expect((await status('F1'))['import_status']).toBe('rejected');
    await client.post('orderpassthrough/', validOrder('F1'));
    expect((await status('F1'))).toMatchObject({ import_status: 'pending', erp_error: null, revision: 2 });
    emulator.control.runImports('acme');
    expect((await status('F1'))['import_status']).toBe('imported');
  });

  it('re-posting an imported order updates CIMcloud but keeps the ERP sales order', async () => {
    await client.post('orderpassthrough/', validOrder('I1'));
    emulator.control.runImports('acme');
    const first = await status('I1');
    await client.post('orderpassthrough/', validOrder('I1', { po_number: 'PO-9' }));
    emulator.control.runImports('acme');
    const second = await status('I1');
    expect(second).toMatchObject({ import_status: 'imported', erp_order_number: first['erp_order_number'], revision: 2 });
  });

  it('uses erp_order_number as the sales order number, zero-filled, and refuses a duplicate', async () => {
    await client.post('orderpassthrough/', validOrder('N1', { erp_order_number: '4242' }));
    await client.post('orderpassthrough/', validOrder('N2', { erp_order_number: '0004242' }));
    emulator.control.runImports('acme');
    expect((await status('N1'))['erp_order_number']).toBe('0004242');
    const dup = await status('N2');
    expect(dup).toMatchObject({ import_status: 'rejected', erp_error_field: 'SalesOrderNo' });
    expect(String(dup['erp_error'])).toContain('already exists');
  });

  it('falls back to the customer default warehouse and ship-via', async () => {
    const order = validOrder('D1');
    delete order['erp_ship_to_warehouse'];
    delete order['erp_ship_via'];
    await client.post('orderpassthrough/', order);
    emulator.control.runImports('acme');
    expect(await status('D1')).toMatchObject({ erp_ship_to_warehouse: '000', erp_ship_via: 'UPS GROUND' });
  });
});
