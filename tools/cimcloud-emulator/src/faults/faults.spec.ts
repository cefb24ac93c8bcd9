import { DEMO_CREDENTIALS, demoSiteSeed } from '../demo/demo-site';
import { startCimcloudEmulator, type RunningCimcloudEmulator } from '../start-emulator';
import { ApiClient } from '../testing/api-client';
import { validOrder } from '../testing/order-fixture';

describe('fault injection', () => {
  let emulator: RunningCimcloudEmulator;
  let client: ApiClient;

  beforeEach(async () => {
    emulator = await startCimcloudEmulator({ sites: [demoSiteSeed('acme'), demoSiteSeed('other')], rateLimits: null, importDelayMs: null });
    client = new ApiClient(emulator.url, 'acme');
    await client.authenticate(DEMO_CREDENTIALS);
  });
  afterEach(() => emulator.close());

  it('answers 5xx for the next matching calls, then recovers without losing a retried order', async () => {
    emulator.control.injectFault({ kind: 'error', status: 503, pathPrefix: 'orderpassthrough', times: 2 });
    expect((await client.post('orderpassthrough/', validOrder('F1'))).status).toBe(503);
    expect((await client.post('orderpassthrough/', validOrder('F1'))).status).toBe(503);
    expect(emulator.control.order('acme', 'F1')).toBeUndefined();
    expect((await client.post('orderpassthrough/', validOrder('F1'))).status).toBe(200);
    expect(emulator.control.orders('acme')).toHaveLength(1);
  });

  it('only hits the site and method it names', async () => {
    emulator.control.injectFault({ kind: 'error', status: 500, site: 'other', method: 'GET' });
    expect((await client.get('validate')).status).toBe(200);
    const other = new ApiClient(emulator.url, 'other');
    expect((await other.get('healthcheck/canary')).status).toBe(500);
    expect((await other.get('healthcheck/canary')).status).toBe(200);
  });

  it('resets the connection', async () => {
    emulator.control.injectFault({ kind: 'reset', pathPrefix: 'validate' });
    await expect(client.get('validate')).rejects.toThrow();
    expect((await client.get('validate')).status).toBe(200);
  });

  it('adds latency', async () => {
    emulator.control.injectFault({ kind: 'latency', latencyMs: 120 });
    const started = Date.now();
    expect((await client.get('validate')).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(100);
  });

  it('forces a 429 with the rate-limit headers', async () => {
    emulator.control.injectFault({ kind: 'rate-limit', times: 1 });
    const res = await client.get('validate');
    expect(res.status).toBe(429);
    expect(res.headers.get('x-ratelimit-remaining')).toBe('0');
    expect((await client.get('validate')).status).toBe(200);
  });

  it('expires the caller\'s token: 401 now and on every later call until it re-authenticates', async () => {
    emulator.control.injectFault({ kind: 'expired-token' });
    expect((await client.get('validate')).status).toBe(401);
    expect((await client.get('validate')).status).toBe(401);
    expect((await client.call('POST', 'refresh', client.refreshToken, undefined)).status).toBe(200);
  });

  it('is driven over HTTP too, and clears', async () => {
    const post = await fetch(`${emulator.url}/_emulator/faults`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ kind: 'error', status: 502, times: 5 }),
    });
    expect(post.status).toBe(200);
    expect((await client.get('validate')).status).toBe(502);
    expect(emulator.control.faults()[0].times).toBe(4);
    await fetch(`${emulator.url}/_emulator/faults`, { method: 'DELETE' });
    expect((await client.get('validate')).status).toBe(200);
  });
});
