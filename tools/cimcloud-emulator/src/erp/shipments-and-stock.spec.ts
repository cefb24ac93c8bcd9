import { DEMO_CREDENTIALS, demoSiteSeed } from '../demo/demo-site';
import { startCimcloudEmulator, type RunningCimcloudEmulator } from '../start-emulator';
import { ApiClient } from '../testing/api-client';
import { validOrder } from '../testing/order-fixture';

describe('shipments and stock levels (assumed reads)', () => {
  let emulator: RunningCimcloudEmulator;
  let client: ApiClient;

  beforeEach(async () => {
    emulator = await startCimcloudEmulator({ sites: [demoSiteSeed('acme')], rateLimits: null, importDelayMs: null });
    client = new ApiClient(emulator.url, 'acme');
    await client.authenticate(DEMO_CREDENTIALS);
    await client.post('orderpassthrough/', validOrder('S1'));
    emulator.control.runImports('acme');
  });
  afterEach(() => emulator.close());

  const shipmentsOf = (order: string) => client.rows(`external_order_shipments/searchequal~order_number~${order}`);

  it('reads a full shipment: invoice, package, tracking, ship-via, every line', async () => {
    const result = emulator.control.shipOrder('acme', 'S1');
    const rows = await shipmentsOf('S1');
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      expect(row).toMatchObject({ order_number: 'S1', erp_order_number: '0100000', invoice_no: result.invoiceNo, package_no: '0001', ship_via: 'UPS GROUND' });
      expect(String(row['tracking_id'])).toMatch(/^1Z[0-9A-F]{16}$/);
      expect(String(row['invoice_no'])).toHaveLength(7);
    }
    expect(rows.map((r) => [r['sku'], r['quantity_shipped'], r['quantity_ordered']])).toEqual([
      ['WIDGET-100', 2, 2],
      ['GADGET-1', 3, 3],
    ]);
    expect((await client.rows('s_orders/searchequal~order_number~S1'))[0]['shipment_status']).toBe('complete');
  });

  it('reads partial shipments line by line until the order is complete', async () => {
    emulator.control.shipOrder('acme', 'S1', { lines: [{ lineNo: 2, quantity: 1 }] });
    expect((await client.rows('s_orders/searchequal~order_number~S1'))[0]['shipment_status']).toBe('partial');
    emulator.control.shipOrder('acme', 'S1', { lines: [{ itemCode: 'GADGET-1', quantity: 2 }, { lineNo: 1, quantity: 2 }] });
    const rows = await shipmentsOf('S1');
    expect(rows.map((r) => [r['invoice_no'], r['line_no'], r['quantity_shipped']])).toEqual([
      ['0000001', 2, 1],
      ['0000002', 2, 2],
      ['0000002', 1, 2],
    ]);
    expect((await client.rows('s_orders/searchequal~order_number~S1'))[0]['shipment_status']).toBe('complete');
    expect(() => emulator.control.shipOrder('acme', 'S1')).toThrow('nothing left to ship');
  });

  it('spreads a shipment over several packages with their own tracking numbers', async () => {
    emulator.control.shipOrder('acme', 'S1', { packages: 3 });
    const rows = await shipmentsOf('S1');
    const packages = new Set(rows.map((r) => r['package_no']));
    const tracking = new Set(rows.map((r) => r['tracking_id']));
    expect(packages.size).toBe(3);
    expect(tracking.size).toBe(3);
    expect(rows.reduce((n, r) => n + Number(r['quantity_shipped']), 0)).toBe(5);
  });

  it('refuses to over-ship, or to ship an order not imported or on hold', async () => {
    expect(() => emulator.control.shipOrder('acme', 'S1', { lines: [{ lineNo: 1, quantity: 3 }] })).toThrow('2 open');
    await client.post('orderpassthrough/', validOrder('S2'));
    expect(() => emulator.control.shipOrder('acme', 'S2')).toThrow('not been imported');
    await client.post('orderpassthrough/', validOrder('S3', { erp_order_status: 'H', erp_hold_reason_code: 'CR' }));
    emulator.control.runImports('acme');
    expect(emulator.control.order('acme', 'S3')?.status).toBe('imported');
    expect(() => emulator.control.shipOrder('acme', 'S3')).toThrow('on hold');
  });

  it('ships over the control HTTP API (409 when it cannot)', async () => {
    const ship = (body: unknown) =>
      fetch(`${emulator.url}/_emulator/sites/acme/orders/S1/ship`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    const ok = await ship({ packages: 2, shipVia: 'FEDEX 2DAY' });
    expect(ok.status).toBe(200);
    const result = (await ok.json()) as { records: { trackingId: string; shipVia: string }[] };
    expect(result.records[0].trackingId).toMatch(/^\d{12}$/);
    expect((await ship({})).status).toBe(409);
  });

  it('stock: commits on import, leaves on shipment, reads available = on hand - committed', async () => {
    const level = async () =>
      (await client.rows('product_qty_in_stock/searchequal~sku~WIDGET-100|and|searchequal~warehouse_code~000'))[0];
    expect(await level()).toMatchObject({ quantity_on_hand: 50, quantity_committed: 2, quantity_available: 48 });
    emulator.control.shipOrder('acme', 'S1', { lines: [{ lineNo: 1, quantity: 1 }] });
    expect(await level()).toMatchObject({ quantity_on_hand: 49, quantity_committed: 1, quantity_available: 48 });
    emulator.control.adjustStock('acme', { itemCode: 'WIDGET-100', warehouseCode: '000', onHandDelta: 10 });
    expect(await level()).toMatchObject({ quantity_on_hand: 59, quantity_available: 58 });
  });

  it('stock reads in full (pages of 50) and incrementally by updated_at', async () => {
    const all = await client.rows('product_qty_in_stock');
    expect(all).toHaveLength(20);
    const cursor = String(all[all.length - 1]['updated_at']);
    emulator.control.advanceClock(1000);
    emulator.control.adjustStock('acme', { itemCode: 'PAINT-RED', warehouseCode: '001', onHandDelta: -1 });
    const changed = await client.rows(`product_qty_in_stock/searchgreaterthan~updated_at~${encodeURIComponent(cursor)}`);
    expect(changed.map((r) => `${r['sku']}@${r['warehouse_code']}`)).toEqual(['PAINT-RED@001']);
    expect(Date.parse(String(changed[0]['updated_at']))).toBeGreaterThan(Date.parse(cursor));
  });

  it('shipments read incrementally by updated_at', async () => {
    emulator.control.shipOrder('acme', 'S1', { lines: [{ lineNo: 1, quantity: 1 }] });
    const first = await client.rows('external_order_shipments');
    const cursor = String(first[first.length - 1]['updated_at']);
    emulator.control.advanceClock(1000);
    emulator.control.shipOrder('acme', 'S1');
    const next = await client.rows(`external_order_shipments/searchgreaterthan~updated_at~${encodeURIComponent(cursor)}`);
    expect(next).toHaveLength(2);
    expect(next.every((r) => r['invoice_no'] === '0000002')).toBe(true);
  });
});
