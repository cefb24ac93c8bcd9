import { DEMO_CREDENTIALS, demoSiteSeed } from '../demo/demo-site';
import { startCimcloudEmulator, type RunningCimcloudEmulator } from '../start-emulator';
import { ApiClient, eventually } from '../testing/api-client';
import { validOrder } from '../testing/order-fixture';

interface ErrorsBody {
  success: boolean;
  errors: { record: number; order_number: string | null; field: string; message: string }[];
}

describe('POST orderpassthrough/', () => {
  let emulator: RunningCimcloudEmulator;
  let client: ApiClient;

  beforeEach(async () => {
    emulator = await startCimcloudEmulator({ sites: [demoSiteSeed('acme')], rateLimits: null, importDelayMs: null, queueDelayMs: 20 });
    client = new ApiClient(emulator.url, 'acme');
    await client.authenticate(DEMO_CREDENTIALS);
  });
  afterEach(() => emulator.close());

  it('requires a bearer token', async () => {
    const res = await client.call('POST', 'orderpassthrough/', validOrder('W1'), '');
    expect(res.status).toBe(401);
  });

  it('creates an order and answers with the documented DataImported body', async () => {
    const res = await client.post('orderpassthrough/', validOrder('W1'));
    expect(res).toMatchObject({
      status: 200,
      body: { action: 'DataImported', success: true, importedRecords: 1, updatedRecords: 0, recordCountInRequest: 1, message: null },
    });
    expect(emulator.control.order('acme', 'W1')?.status).toBe('pending');
  });

  it('updates instead of duplicating when an order number is posted again', async () => {
    await client.post('orderpassthrough/', validOrder('W1'));
    const again = await client.post('orderpassthrough/', validOrder('W1', { po_number: 'PO-2' }));
    expect(again.body).toMatchObject({ importedRecords: 0, updatedRecords: 1 });
    expect(emulator.control.orders('acme')).toHaveLength(1);
    const stored = emulator.control.order('acme', 'W1');
    expect(stored?.revision).toBe(2);
    expect(stored?.order?.header['po_number']).toBe('PO-2');
  });

  it('names every missing required field and stores nothing', async () => {
    const order = validOrder('W2', {
      customer: { name: 'X', address1: 'a', state: 'CA', zip: '1', country_code: 'USA' },
      shipping_address: { address1: 'a', city: 'c', state: 'CA', zip: '1' },
      details: [{ sku: 'WIDGET-100', quantity: 1 }],
    });
    const res = await client.post('orderpassthrough/', [order, { customer: {} }]);
    expect(res.status).toBe(400);
    const body = res.body as ErrorsBody;
    expect(body.success).toBe(false);
    const fields = body.errors.map((e) => `${e.record}:${e.field}`);
    expect(fields).toEqual(
      expect.arrayContaining([
        '1:customer.city',
        '1:shipping_address.country_code',
        '1:details[0].price',
        '2:order_number',
        '2:customer.name',
        '2:shipping_address',
        '2:details',
      ]),
    );
    expect(body.errors.find((e) => e.field === 'customer.city')?.message).toContain('customer.city is required');
    expect(emulator.control.orders('acme')).toHaveLength(0);
  });

  it('rejects unknown fields and wrongly typed values', async () => {
    const res = await client.post('orderpassthrough/', validOrder('W3', { ship_to_warehouse: '000', order_total: 'lots' }));
    expect(res.status).toBe(400);
    const fields = (res.body as ErrorsBody).errors.map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['ship_to_warehouse', 'order_total']));
  });

  it('accepts up to 10 records at once synchronously', async () => {
    const orders = Array.from({ length: 10 }, (_, i) => validOrder(`B${i}`));
    const res = await client.post('orderpassthrough/', orders);
    expect(res.body).toMatchObject({ action: 'DataImported', importedRecords: 10 });
  });

  it('queues a batch of more than 10 records and processes it asynchronously', async () => {
    const orders = Array.from({ length: 11 }, (_, i) => validOrder(`Q${i}`));
    orders[3] = validOrder('Q3', { customer: { name: 'no address' } });
    const res = await client.post('orderpassthrough/', orders);
    expect(res).toMatchObject({ status: 200, body: { action: 'DataQueued', success: true, importedRecords: 0, recordCountInRequest: 11 } });
    const statusOf = async (n: string) => (await client.rows(`s_orders/searchequal~order_number~${n}`))[0];
    expect((await statusOf('Q0'))['import_status']).toBe('queued');
    await eventually(async () => ((await statusOf('Q0'))['import_status'] === 'pending' ? true : undefined));
    const bad = await statusOf('Q3');
    expect(bad).toMatchObject({ import_status: 'rejected', error_source: 'api' });
    expect(String(bad['erp_error'])).toContain('customer.address1 is required');
  });

  it('GET is not supported: the resource is documented as POST only', async () => {
    expect((await client.get('orderpassthrough/')).status).toBe(405);
  });

  it('rejects a body that is not JSON', async () => {
    const res = await fetch(`${emulator.url}/acme/orderpassthrough/`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${client.token ?? ''}`, 'Content-Type': 'application/json' },
      body: '{nope',
    });
    expect(res.status).toBe(400);
  });
});
