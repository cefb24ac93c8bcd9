import { DEMO_CREDENTIALS, demoSiteSeed } from '../demo/demo-site';
import { startCimcloudEmulator, type RunningCimcloudEmulator } from '../start-emulator';
import { ApiClient } from '../testing/api-client';
import type { RateLimitSettings } from './rate-limit-settings';

const FIFTEEN_MINUTES = 15 * 60 * 1000;

describe('rate limits per authorization', () => {
  let emulator: RunningCimcloudEmulator;
  let client: ApiClient;

  afterEach(() => emulator.close());

  async function start(rateLimits?: RateLimitSettings | null) {
    const seed = demoSiteSeed('acme');
    seed.authorizations?.push({ authKey: 'second-key', userName: 'second', password: 'pw' });
    emulator = await startCimcloudEmulator({ sites: [seed], rateLimits });
    client = new ApiClient(emulator.url, 'acme');
  }

  it('allows 2 calls per second by default and answers the third with 429 and X-RateLimit headers', async () => {
    await start();
    await client.authenticate(DEMO_CREDENTIALS); // call 1
    const second = await client.get('validate'); // call 2
    expect(second.status).toBe(200);
    expect(second.headers.get('x-ratelimit-limit')).toBe('100');
    expect(second.headers.get('x-ratelimit-remaining')).toBe('98');
    const third = await client.get('validate');
    expect(third.status).toBe(429);
    expect(third.headers.get('x-ratelimit-limit')).toBe('100');
    expect(Number(third.headers.get('x-ratelimit-reset'))).toBeGreaterThan(0);
    // the canary carries no authorization and is never limited
    expect((await client.get('healthcheck/canary')).status).toBe(200);
  });

  it('allows 100 calls per 15 minutes, then 429 until the window resets', async () => {
    await start({ perSecond: 1000, secondWindowMs: 1000, perWindow: 100, windowMs: FIFTEEN_MINUTES });
    await client.authenticate(DEMO_CREDENTIALS);
    for (let i = 0; i < 99; i++) expect((await client.get('validate')).status).toBe(200);
    const over = await client.get('validate');
    expect(over.status).toBe(429);
    expect(over.headers.get('x-ratelimit-remaining')).toBe('0');
    emulator.control.advanceClock(FIFTEEN_MINUTES);
    expect((await client.get('validate')).status).toBe(200);
  });

  it('counts each authorization separately', async () => {
    await start({ perSecond: 1000, secondWindowMs: 1000, perWindow: 3, windowMs: FIFTEEN_MINUTES });
    await client.authenticate(DEMO_CREDENTIALS);
    await client.get('validate');
    await client.get('validate');
    expect((await client.get('validate')).status).toBe(429);
    const other = new ApiClient(emulator.url, 'acme');
    expect((await other.authenticate({ authKey: 'second-key', userName: 'second', password: 'pw' })).status).toBe(200);
    expect((await other.get('validate')).status).toBe(200);
  });

  it('the short window is compressible and slides', async () => {
    await start({ perSecond: 2, secondWindowMs: 400, perWindow: 100, windowMs: FIFTEEN_MINUTES });
    await client.authenticate(DEMO_CREDENTIALS);
    await client.get('validate');
    expect((await client.get('validate')).status).toBe(429);
    await new Promise((resolve) => setTimeout(resolve, 450));
    expect((await client.get('validate')).status).toBe(200);
  });

  it('can be lifted for benchmarks, and set again through the control API', async () => {
    await start(null);
    await client.authenticate(DEMO_CREDENTIALS);
    for (let i = 0; i < 20; i++) expect((await client.get('validate')).status).toBe(200);
    const res = await fetch(`${emulator.url}/_emulator/rate-limits`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ perSecond: 1, secondWindowMs: 1000, perWindow: 100, windowMs: FIFTEEN_MINUTES }),
    });
    expect(res.status).toBe(200);
    expect((await client.get('validate')).status).toBe(200);
    expect((await client.get('validate')).status).toBe(429);
  });

  it('records every call with its authorization and status for counting', async () => {
    await start();
    await client.authenticate(DEMO_CREDENTIALS);
    await client.get('validate');
    await client.get('validate');
    await new Promise((resolve) => setTimeout(resolve, 10));
    const calls = emulator.control.calls('acme');
    expect(calls.map((c) => `${c.path}:${c.status}:${c.authId ?? '-'}`)).toEqual([
      `authenticate:200:${DEMO_CREDENTIALS.authKey}`,
      `validate:200:${DEMO_CREDENTIALS.authKey}`,
      `validate:429:${DEMO_CREDENTIALS.authKey}`,
    ]);
  });
});
