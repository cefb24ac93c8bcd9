import { DEMO_CREDENTIALS, demoSiteSeed } from '../demo/demo-site';
import { startCimcloudEmulator, type RunningCimcloudEmulator } from '../start-emulator';
import { ApiClient, eventually } from '../testing/api-client';
import { validOrder } from '../testing/order-fixture';

async function control(emulator: RunningCimcloudEmulator, method: string, path: string, body?: unknown) {
  const res = await fetch(`${emulator.url}/_emulator/${path}`, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as unknown };
}

describe('control API, many sites and the demo clock', () => {
  let emulator: RunningCimcloudEmulator;

  afterEach(() => emulator.close());

  it('seeds a site, credentials, master data and stock over HTTP', async () => {
    emulator = await startCimcloudEmulator({ rateLimits: null, importDelayMs: null });
    expect((await control(emulator, 'POST', 'sites', { name: 'Beta', authorizations: [{ authKey: 'k', userName: 'u', password: 'p' }] })).status).toBe(200);
    await control(emulator, 'POST', 'sites/beta/master-data', {
      customers: [{ divisionNo: '01', customerNo: 'ABF', name: 'ABF', termsCode: '01' }],
      items: [{ itemCode: 'WIDGET-100', description: 'W', price: 1 }, { itemCode: 'GADGET-1', description: 'G', price: 1 }],
      warehouses: [{ code: '000', description: 'Main' }],
      shipVias: [{ code: 'UPS GROUND', description: 'UPS' }],
      termsCodes: [{ code: '01', description: 'Net 30' }],
      taxSchedules: [{ code: 'DEFAULT', description: 'Default' }],
    });
    await control(emulator, 'POST', 'sites/beta/stock', [{ itemCode: 'WIDGET-100', warehouseCode: '000', onHand: 7 }]);
    expect((await control(emulator, 'GET', 'sites')).body).toEqual(['beta']);

    const client = new ApiClient(emulator.url, 'beta');
    expect((await client.authenticate({ authKey: 'k', userName: 'u', password: 'p' })).status).toBe(200);
    expect((await client.rows('product_qty_in_stock'))[0]).toMatchObject({ sku: 'WIDGET-100', quantity_on_hand: 7 });
    await client.post('orderpassthrough/', validOrder('C1'));
    expect((await control(emulator, 'POST', 'sites/beta/flush')).body).toEqual({ batches: 0, imports: 1 });
    const order = (await control(emulator, 'GET', 'sites/beta/orders/C1')).body as { status: string; salesOrderNo: string };
    expect(order).toMatchObject({ status: 'imported', salesOrderNo: '0100000' });
    expect((await control(emulator, 'POST', 'sites/beta/stock/adjust', { itemCode: 'WIDGET-100', warehouseCode: '000', onHandDelta: 3 })).body).toMatchObject({ onHand: 10 });
    expect((await control(emulator, 'POST', 'sites/beta/tokens/expire', {})).body).toEqual({ expired: 1 });
    expect((await client.get('validate')).status).toBe(401);
    expect((await control(emulator, 'POST', 'clock/advance', { ms: 1000 })).status).toBe(200);
    expect((await control(emulator, 'GET', 'sites/nosuch/orders')).status).toBe(404);
    expect((await control(emulator, 'GET', 'nosuch')).status).toBe(404);
  });

  it('keeps sites apart: orders, sales order numbers and credentials', async () => {
    emulator = await startCimcloudEmulator({ sites: [demoSiteSeed('one'), { ...demoSiteSeed('two'), salesOrderStart: 500 }], rateLimits: null, importDelayMs: null });
    const one = new ApiClient(emulator.url, 'one');
    const two = new ApiClient(emulator.url, 'two');
    await one.authenticate(DEMO_CREDENTIALS);
    await two.authenticate(DEMO_CREDENTIALS);
    await one.post('orderpassthrough/', validOrder('SAME'));
    await two.post('orderpassthrough/', validOrder('SAME'));
    emulator.control.runImports('one');
    emulator.control.runImports('two');
    expect((await one.rows('s_orders'))[0]['erp_order_number']).toBe('0100000');
    expect((await two.rows('s_orders'))[0]['erp_order_number']).toBe('0000500');
    expect((await one.call('GET', 'validate', undefined, two.token)).status).toBe(401);
  });

  it('the demo tick ships orders and moves stock', async () => {
    emulator = await startCimcloudEmulator({ sites: [demoSiteSeed('demo')], rateLimits: null, importDelayMs: null });
    const client = new ApiClient(emulator.url, 'demo');
    await client.authenticate(DEMO_CREDENTIALS);
    await client.post('orderpassthrough/', [validOrder('D1'), validOrder('D2')]);
    emulator.control.runImports('demo');
    const ticks = Array.from({ length: 6 }, () => emulator.control.demoTick('demo'));
    expect(ticks.filter((t) => t.shipment).length).toBeGreaterThan(0);
    expect(ticks.every((t) => t.stockChange)).toBe(true);
    expect((await client.rows('external_order_shipments')).length).toBeGreaterThan(0);
  });

  it('the demo clock runs on its own interval', async () => {
    emulator = await startCimcloudEmulator({ sites: [demoSiteSeed('demo')], rateLimits: null, importDelayMs: 5, demo: { intervalMs: 20, seed: 7 } });
    const client = new ApiClient(emulator.url, 'demo');
    await client.authenticate(DEMO_CREDENTIALS);
    await client.post('orderpassthrough/', validOrder('D1'));
    const rows = await eventually(async () => {
      const shipped = await client.rows('external_order_shipments');
      return shipped.length > 0 ? shipped : undefined;
    });
    expect(rows[0]['order_number']).toBe('D1');
  });
});
