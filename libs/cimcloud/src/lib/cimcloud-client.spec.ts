import { CimcloudAuthError, CimcloudRejectedError, CimcloudUnavailableError } from './cimcloud-errors';
import { EmulatorProcess, TEST_CREDENTIALS, testOrder } from './testing/emulator-process';

interface CallRecord {
  at: string;
  path: string;
  status: number;
}

const DAY = 24 * 60 * 60 * 1000;

describe('CimcloudClient against the CIMcloud emulator', () => {
  let emulator: EmulatorProcess;
  let site: string;

  beforeAll(async () => {
    emulator = await EmulatorProcess.start();
  }, 30_000);
  afterAll(() => emulator.stop());
  beforeEach(async () => {
    site = await emulator.newSite();
  });

  const calls = async () => (await emulator.control('GET', `sites/${site}/calls`)) as CallRecord[];
  const runImports = () => emulator.control('POST', `sites/${site}/imports/run`);

  describe('auth', () => {
    it('test connection authenticates and validates; wrong credentials fail with an auth error', async () => {
      expect(await emulator.client(site).testConnection()).toEqual({ ok: true });
      const bad = await emulator.client(site, { credentials: { ...TEST_CREDENTIALS, password: 'nope' } }).testConnection();
      expect(bad.ok).toBe(false);
      expect(!bad.ok && bad.error).toBeInstanceOf(CimcloudAuthError);
    });

    it('caches the token: one authenticate for many calls', async () => {
      const client = emulator.client(site);
      for (let i = 0; i < 3; i++) await client.testConnection();
      expect((await calls()).map((c) => c.path)).toEqual(['authenticate', 'validate', 'validate', 'validate']);
    });

    it('after the bearer token expires (7 days) it refreshes instead of re-sending credentials', async () => {
      const client = emulator.client(site);
      await client.testConnection();
      await emulator.control('POST', 'clock/advance', { ms: 7 * DAY + 1000 });
      expect(await client.testConnection()).toEqual({ ok: true });
      expect((await calls()).map((c) => `${c.path}:${c.status}`)).toEqual([
        'authenticate:200',
        'validate:200',
        'validate:401',
        'refresh:200',
        'validate:200',
      ]);
    });

    it('refreshes proactively before expiry by its own clock', async () => {
      // The emulator's clock may be ahead (earlier tests move it): expiry is on its clock.
      const { now } = (await emulator.control('POST', 'clock/advance', { ms: 0 })) as { now: string };
      let offset = Date.parse(now) - Date.now();
      const client = emulator.client(site, { clock: { now: () => Date.now() + offset } });
      await client.testConnection();
      offset += 7 * DAY - 30 * 60 * 1000; // inside the 1-hour refresh margin
      // The jump also empties the client's own budget window: let the server's pass too.
      await new Promise((resolve) => setTimeout(resolve, 60));
      await client.testConnection();
      expect((await calls()).map((c) => c.path)).toEqual(['authenticate', 'validate', 'refresh', 'validate']);
    });

    it('falls back to the credentials when the refresh token is revoked too', async () => {
      const client = emulator.client(site);
      await client.testConnection();
      await emulator.control('POST', `sites/${site}/tokens/expire`, { includeRefresh: true });
      expect(await client.testConnection()).toEqual({ ok: true });
      expect((await calls()).map((c) => `${c.path}:${c.status}`)).toEqual([
        'authenticate:200',
        'validate:200',
        'validate:401',
        'refresh:401',
        'authenticate:200',
        'validate:200',
      ]);
    });
  });

  describe('orders', () => {
    it('a re-sent order updates rather than duplicates', async () => {
      const client = emulator.client(site);
      expect(await client.sendOrders([testOrder('A1')])).toEqual([{ orderNumber: 'A1', result: 'accepted' }]);
      await client.sendOrders([testOrder('A1', { po_number: 'PO-2' })]);
      const orders = (await emulator.control('GET', `sites/${site}/orders`)) as { orderNumber: string; revision: number }[];
      expect(orders).toEqual([expect.objectContaining({ orderNumber: 'A1', revision: 2 })]);
    });

    it('sends 250 orders in calls of 10 without ever exceeding 100 calls per 15 minutes', async () => {
      const client = emulator.client(site);
      const orders = Array.from({ length: 250 }, (_, i) => testOrder(`N${String(i).padStart(4, '0')}`));
      const outcomes = await client.sendOrders(orders);
      expect(outcomes.filter((o) => o.result === 'accepted')).toHaveLength(250);
      const log = await calls();
      expect(log.filter((c) => c.status === 429)).toHaveLength(0);
      expect(log.filter((c) => c.path === 'orderpassthrough')).toHaveLength(25);
      expect(log.length).toBeLessThanOrEqual(100);
      expect(client.callUsage().total).toBe(log.length);
      expect(((await emulator.control('GET', `sites/${site}/orders`)) as unknown[]).length).toBe(250);
    });

    it('keeps within a tight window by waiting, never by drawing 429s', async () => {
      const limits = { perSecond: 5, secondWindowMs: 1000, perWindow: 6, windowMs: 300 };
      await emulator.control('PUT', 'rate-limits', limits);
      try {
        const client = emulator.client(site, { limits: { ...limits, safetyMarginMs: 60 } });
        const outcomes = await client.sendOrders(Array.from({ length: 120 }, (_, i) => testOrder(`T${i}`)));
        expect(outcomes.every((o) => o.result === 'accepted')).toBe(true);
        const log = await calls();
        expect(log.filter((c) => c.status === 429)).toHaveLength(0);
        const times = log.map((c) => Date.parse(c.at));
        for (const t of times) expect(times.filter((u) => u >= t && u < t + limits.windowMs).length).toBeLessThanOrEqual(6);
      } finally {
        await emulator.control('PUT', 'rate-limits', { perSecond: 2, secondWindowMs: 40, perWindow: 100, windowMs: 15 * 60 * 1000 });
      }
    });

    it('settles a record CIMcloud refuses alone, naming the field, and delivers the rest of the batch', async () => {
      const client = emulator.client(site);
      const bad = testOrder('B2', { shipping_address: { address1: 'x', city: 'y', state: 'CA', zip: '1' } });
      const outcomes = await client.sendOrders([testOrder('B1'), bad, testOrder('B3')]);
      expect(outcomes.filter((o) => o.result === 'accepted').map((o) => o.orderNumber).sort()).toEqual(['B1', 'B3']);
      const rejected = outcomes.find((o) => o.result === 'rejected');
      expect(rejected?.orderNumber).toBe('B2');
      const error = rejected?.result === 'rejected' ? rejected.error : undefined;
      expect(error).toBeInstanceOf(CimcloudRejectedError);
      expect(error?.field).toBe('shipping_address.country_code');
    });

    it('reads back each ERP rejection with its text, and the sales order number of the good one', async () => {
      const client = emulator.client(site);
      const cases: [string, Record<string, unknown>, string][] = [
        ['E1', { customer: { ...(testOrder('x')['customer'] as object), customer_no: 'NOBODY' } }, 'CustomerNo'],
        ['E2', { details: [{ sku: 'NOPE', quantity: 1, price: 1 }] }, 'ItemCode'],
        ['E3', { erp_ship_to_warehouse: '999' }, 'WarehouseCode'],
        ['E4', { erp_ship_via: 'CARRIER PIGEON' }, 'ShipVia'],
        ['E5', { po_number: 'P'.repeat(16) }, 'CustomerPONo'],
        ['E6', { erp_order_type: 'Q' }, 'OrderType'],
      ];
      await client.sendOrders([testOrder('OK'), ...cases.map(([n, o]) => testOrder(n, o))]);
      await runImports();
      const statuses = await client.importStatuses(['OK', ...cases.map(([n]) => n), 'UNKNOWN']);
      expect(statuses.get('OK')).toMatchObject({ status: 'imported', salesOrderNo: expect.stringMatching(/^\d{7}$/) });
      for (const [n, , field] of cases) {
        const status = statuses.get(n);
        expect(status).toMatchObject({ status: 'rejected', errorSource: 'erp', errorField: field });
        expect(status?.error).toMatch(/is invalid/);
      }
      expect(statuses.has('UNKNOWN')).toBe(false);
    });

    it('follows import statuses incrementally', async () => {
      const client = emulator.client(site);
      await client.sendOrders([testOrder('S1'), testOrder('S2')]);
      const first = await client.importStatusesSince();
      expect(first.items.map((s) => `${s.orderNumber}:${s.status}`)).toEqual(['S1:pending', 'S2:pending']);
      await emulator.control('POST', 'clock/advance', { ms: 1000 });
      await runImports();
      const next = await client.importStatusesSince(first.cursor);
      expect(next.items.map((s) => `${s.orderNumber}:${s.status}`)).toEqual(['S1:imported', 'S2:imported']);
    });
  });

  describe('shipments and stock', () => {
    beforeEach(async () => {
      await emulator.client(site).sendOrders([testOrder('P1')]);
      await runImports();
    });

    it('reads partial shipments line by line, then the rest', async () => {
      const client = emulator.client(site);
      await emulator.control('POST', `sites/${site}/orders/P1/ship`, { lines: [{ lineNo: 2, quantity: 1 }] });
      const first = await client.shipmentsSince();
      expect(first.items.map((s) => [s.orderNumber, s.lineNo, s.sku, s.quantityShipped])).toEqual([['P1', 2, 'GADGET-1', 1]]);
      expect(first.items[0].trackingId).toBeTruthy();
      await emulator.control('POST', 'clock/advance', { ms: 1000 });
      await emulator.control('POST', `sites/${site}/orders/P1/ship`, { packages: 2 });
      const next = await client.shipmentsSince(first.cursor);
      // The cursor is inclusive: the boundary row comes again and callers de-duplicate by shipmentId.
      const fresh = next.items.filter((s) => s.shipmentId !== first.items[0].shipmentId);
      expect(fresh.map((s) => [s.lineNo, s.quantityShipped]).sort()).toEqual([[1, 2], [2, 2]]);
      expect(new Set(fresh.map((s) => s.packageNo)).size).toBe(2);
      expect(new Set(fresh.map((s) => s.invoiceNo)).size).toBe(1);
    });

    it('reads stock in full and incrementally', async () => {
      const client = emulator.client(site);
      const full = await client.stockSince();
      expect(full.items).toHaveLength(8);
      expect(full.items.find((l) => l.sku === 'WIDGET-100' && l.warehouseCode === '000')).toMatchObject({ onHand: 100, committed: 2, available: 98 });
      await emulator.control('POST', 'clock/advance', { ms: 1000 });
      await emulator.control('POST', `sites/${site}/stock/adjust`, { itemCode: 'BOLT-M6', warehouseCode: '001', onHandDelta: -5 });
      const changed = await client.stockSince(full.cursor);
      // Inclusive cursor: levels stamped exactly at the cursor are read again, unchanged.
      const moved = changed.items.filter((l) => l.updatedAt !== full.cursor);
      expect(moved.map((l) => `${l.sku}@${l.warehouseCode}=${l.onHand}`)).toEqual(['BOLT-M6@001=35']);
      expect(changed.items.length).toBeLessThan(full.items.length);
      const pages: number[] = [];
      for await (const page of client.stockPages()) pages.push(page.length);
      expect(pages).toEqual([8]);
    });

    it('reads more than a page of changes without losing any', async () => {
      const client = emulator.client(site);
      const items = Array.from({ length: 120 }, (_, i) => ({ itemCode: `X${i}`, warehouseCode: '000', onHand: i }));
      await emulator.control('POST', `sites/${site}/stock`, items);
      const all = await client.stockSince();
      expect(all.items).toHaveLength(128);
    });

    it('reads the ERP lists and the documented customers and products', async () => {
      const client = emulator.client(site);
      expect((await client.warehouses()).map((w) => w.code)).toEqual(['000', '001']);
      expect((await client.shipVias()).map((w) => w.code)).toEqual(['UPS GROUND', 'FEDEX 2DAY']);
      expect((await client.termsCodes()).map((w) => w.code)).toEqual(['01']);
      expect((await client.taxSchedules()).map((w) => w.code)).toEqual(['DEFAULT']);
      expect((await client.customers())[0]).toMatchObject({ customerNo: 'ABF', divisionNo: '01' });
      expect((await client.products()).map((p) => p.sku)).toContain('PAINT-RED');
    });
  });

  describe('faults', () => {
    afterEach(() => emulator.control('DELETE', 'faults'));

    it('recovers from 5xx, resets, latency, forced 429 and an expired token without losing an order', async () => {
      const client = emulator.client(site);
      await client.testConnection();
      const faults = [
        { kind: 'error', status: 503, site, pathPrefix: 'orderpassthrough' },
        { kind: 'reset', site, pathPrefix: 'orderpassthrough' },
        { kind: 'rate-limit', site, pathPrefix: 'orderpassthrough' },
        { kind: 'latency', latencyMs: 50, site, pathPrefix: 'orderpassthrough' },
        { kind: 'expired-token', site, pathPrefix: 'orderpassthrough' },
        { kind: 'error', status: 502, site, pathPrefix: 'orderpassthrough' },
      ];
      for (const fault of faults) await emulator.control('POST', 'faults', fault);
      const orders = Array.from({ length: 30 }, (_, i) => testOrder(`F${i}`));
      const outcomes = await client.sendOrders(orders);
      expect(outcomes.every((o) => o.result === 'accepted')).toBe(true);
      expect(((await emulator.control('GET', `sites/${site}/orders`)) as unknown[]).length).toBe(30);
      expect((await emulator.control('GET', 'faults')) as unknown[]).toEqual([]);
    });

    it('gives up with a typed, retryable error when CIMcloud stays down', async () => {
      await emulator.control('POST', 'faults', { kind: 'error', status: 503, site, times: 100 });
      const client = emulator.client(site, { retry: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 5 } });
      const failure = client.sendOrders([testOrder('D1')]);
      await expect(failure).rejects.toBeInstanceOf(CimcloudUnavailableError);
      await expect(failure).rejects.toMatchObject({ retryable: true });
    });
  });
});
