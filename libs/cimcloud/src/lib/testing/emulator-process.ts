import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { CimcloudClient } from '../cimcloud-client';
import type { CimcloudConfig, CimcloudCredentials } from '../cimcloud-config';

const WORKSPACE = join(__dirname, '../../../../..');

/** CIMcloud's limits with the short window compressed so tests run in milliseconds. */
export const FAST_LIMITS = { perSecond: 2, secondWindowMs: 40, perWindow: 100, windowMs: 15 * 60 * 1000 };

export const TEST_CREDENTIALS: CimcloudCredentials = { authKey: 'test-key', userName: 'test-user', password: 'test-password' };

/**
 * The CIMcloud emulator as a separate process, driven only over HTTP: the connector's tests
 * import nothing of tools/ (project boundaries), exactly as if it were the real service.
 */
export class EmulatorProcess {
  private sites = 0;

  private constructor(
    private readonly child: ChildProcess,
    readonly url: string,
  ) {}

  static async start(): Promise<EmulatorProcess> {
    const child = spawn(
      process.execPath,
      ['-r', '@swc-node/register', join(WORKSPACE, 'tools/cimcloud-emulator/src/main.ts'), '--port', '0', '--site', 'unused'],
      { cwd: WORKSPACE, stdio: ['ignore', 'ignore', 'pipe'] },
    );
    const url = await new Promise<string>((resolve, reject) => {
      let output = '';
      const timer = setTimeout(() => reject(new Error(`emulator did not start: ${output}`)), 20_000);
      child.stderr?.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const match = /listening on (http:\/\/\S+)/.exec(output);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      });
      child.once('exit', (code) => reject(new Error(`emulator exited (${code}): ${output}`)));
    });
    const emulator = new EmulatorProcess(child, url);
    await emulator.control('PUT', 'timing', { importDelayMs: null, queueDelayMs: null });
    await emulator.control('PUT', 'rate-limits', FAST_LIMITS);
    return emulator;
  }

  async control(method: string, path: string, body?: unknown): Promise<unknown> {
    const res = await fetch(`${this.url}/_emulator/${path}`, {
      method,
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const parsed = (await res.json()) as unknown;
    if (!res.ok) throw new Error(`control ${method} ${path}: ${res.status} ${JSON.stringify(parsed)}`);
    return parsed;
  }

  /** Creates a fresh site with the test ERP data and returns its name. */
  async newSite(): Promise<string> {
    const name = `site${++this.sites}`;
    await this.control('POST', 'sites', testSiteSeed(name));
    return name;
  }

  client(site: string, config: Partial<CimcloudConfig> = {}): CimcloudClient {
    return new CimcloudClient({
      baseUrl: this.url,
      site,
      credentials: TEST_CREDENTIALS,
      limits: { ...FAST_LIMITS, safetyMarginMs: 30 },
      retry: { maxAttempts: 5, baseDelayMs: 5, maxDelayMs: 40 },
      ...config,
    });
  }

  stop(): Promise<void> {
    return new Promise((resolve) => {
      if (this.child.exitCode !== null) return resolve();
      this.child.once('exit', () => resolve());
      this.child.kill('SIGTERM');
    });
  }
}

const SKUS = ['WIDGET-100', 'GADGET-1', 'BOLT-M6', 'PAINT-RED'];

function testSiteSeed(name: string): unknown {
  return {
    name,
    authorizations: [TEST_CREDENTIALS],
    masterData: {
      customers: [{ divisionNo: '01', customerNo: 'ABF', name: 'American Business Futures', termsCode: '01', warehouseCode: '000', shipVia: 'UPS GROUND' }],
      items: SKUS.map((itemCode) => ({ itemCode, description: itemCode, price: 10 })),
      warehouses: [{ code: '000', description: 'Main' }, { code: '001', description: 'East' }],
      shipVias: [{ code: 'UPS GROUND', description: 'UPS Ground' }, { code: 'FEDEX 2DAY', description: 'FedEx 2Day' }],
      termsCodes: [{ code: '01', description: 'Net 30' }],
      taxSchedules: [{ code: 'DEFAULT', description: 'Default' }],
    },
    stock: SKUS.flatMap((itemCode) => [
      { itemCode, warehouseCode: '000', onHand: 100 },
      { itemCode, warehouseCode: '001', onHand: 40 },
    ]),
  };
}

/** A pass-through order the test site's Sage 100 accepts. */
export function testOrder(orderNumber: string, overrides: Record<string, unknown> = {}): { order_number: string } & Record<string, unknown> {
  return {
    order_number: orderNumber,
    po_number: 'PO-1',
    erp_ship_via: 'UPS GROUND',
    erp_ship_to_warehouse: '000',
    erp_order_type: 'S',
    erp_order_status: 'N',
    customer: {
      customer_no: 'ABF',
      division_no: '01',
      terms_code: '01',
      name: 'American Business Futures',
      address1: '1 Main St',
      city: 'Irvine',
      state: 'CA',
      zip: '92618',
      country_code: 'USA',
    },
    shipping_address: { name: 'Receiving', address1: '1 Main St', city: 'Irvine', state: 'CA', zip: '92618', country_code: 'USA' },
    details: [
      { sku: 'WIDGET-100', quantity: 2, price: 12.5 },
      { sku: 'GADGET-1', quantity: 3, price: 7.25 },
    ],
    ...overrides,
  };
}
