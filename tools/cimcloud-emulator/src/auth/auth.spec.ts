import { DEMO_CREDENTIALS, demoSiteSeed } from '../demo/demo-site';
import { startCimcloudEmulator, type RunningCimcloudEmulator } from '../start-emulator';
import { ApiClient } from '../testing/api-client';

const DAY = 24 * 60 * 60 * 1000;

describe('authentication and health checks', () => {
  let emulator: RunningCimcloudEmulator;
  let client: ApiClient;

  beforeEach(async () => {
    emulator = await startCimcloudEmulator({ sites: [demoSiteSeed('acme'), demoSiteSeed('other')], rateLimits: null });
    client = new ApiClient(emulator.url, 'acme');
  });
  afterEach(() => emulator.close());

  it('answers the canary without a token', async () => {
    const res = await client.get('healthcheck/canary');
    expect(res).toMatchObject({ status: 200, body: { status: 'Running' } });
  });

  it('answers 404 for an unknown site', async () => {
    const res = await new ApiClient(emulator.url, 'nosuchsite').get('healthcheck/canary');
    expect(res.status).toBe(404);
  });

  it('issues a bearer JWT valid for 7 days and a refresh token', async () => {
    const before = Date.now();
    const res = await client.authenticate(DEMO_CREDENTIALS);
    expect(res.status).toBe(200);
    const body = res.body as { expiration: string; token: string; refresh_token: string };
    expect(body.expiration).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    expect(body.token.split('.')).toHaveLength(3);
    const header = JSON.parse(Buffer.from(body.token.split('.')[0], 'base64url').toString()) as { alg: string };
    expect(header.alg).toBe('HS256');
    const lifetime = Date.parse(body.expiration) - before;
    expect(lifetime).toBeGreaterThan(7 * DAY - 5000);
    expect(lifetime).toBeLessThanOrEqual(7 * DAY + 1000);
    expect(body.refresh_token.length).toBeGreaterThan(20);
  });

  it('refuses wrong credentials with 401 and a missing field with 400', async () => {
    expect((await client.authenticate({ ...DEMO_CREDENTIALS, password: 'wrong' })).status).toBe(401);
    expect((await client.post('authenticate', { AuthKey: 'x' })).status).toBe(400);
  });

  it('validate and healthcheck answer 200 with a token and 401 without', async () => {
    expect((await client.get('validate')).status).toBe(401);
    expect((await client.get('healthcheck')).status).toBe(401);
    await client.authenticate(DEMO_CREDENTIALS);
    expect((await client.get('validate')).status).toBe(200);
    const health = await client.get('healthcheck');
    expect(health).toMatchObject({ status: 200, body: { status: 'Running', databaeConnection: true } });
  });

  it('rejects a token of another site and a tampered token', async () => {
    await client.authenticate(DEMO_CREDENTIALS);
    const other = new ApiClient(emulator.url, 'other');
    expect((await other.call('GET', 'validate', undefined, client.token)).status).toBe(401);
    const [h, p, s] = (client.token ?? '').split('.');
    const tampered = `${h}.${p}.${s.slice(0, -2)}${s.endsWith('AA') ? 'BB' : 'AA'}`;
    expect((await client.call('GET', 'validate', undefined, tampered)).status).toBe(401);
  });

  it('expires bearer tokens after 7 days; refresh gives a new pair and retires the old refresh token', async () => {
    await client.authenticate(DEMO_CREDENTIALS);
    const oldRefresh = client.refreshToken;
    emulator.control.advanceClock(7 * DAY + 1000);
    const expired = await client.get('validate');
    expect(expired.status).toBe(401);
    // the Date header follows the emulator's clock
    expect(Date.parse(expired.headers.get('date') ?? '')).toBeGreaterThan(Date.now() + 7 * DAY - 5000);

    const refreshed = await client.call('POST', 'refresh', oldRefresh, undefined);
    expect(refreshed.status).toBe(200);
    const pair = refreshed.body as { token: string; refresh_token: string; expiration: string };
    expect(pair.refresh_token).not.toBe(oldRefresh);
    expect((await client.call('GET', 'validate', undefined, pair.token)).status).toBe(200);
    // single use
    expect((await client.call('POST', 'refresh', oldRefresh, undefined)).status).toBe(401);
  });

  it('refresh tokens expire after 30 days and must be sent as a JSON string', async () => {
    await client.authenticate(DEMO_CREDENTIALS);
    expect((await client.call('POST', 'refresh', { refresh_token: client.refreshToken }, undefined)).status).toBe(400);
    emulator.control.advanceClock(30 * DAY + 1000);
    expect((await client.call('POST', 'refresh', client.refreshToken, undefined)).status).toBe(401);
  });

  it('control can expire every token of a site on demand', async () => {
    await client.authenticate(DEMO_CREDENTIALS);
    expect(emulator.control.expireTokens('acme')).toBe(1);
    expect((await client.get('validate')).status).toBe(401);
    // the refresh token survives unless asked
    expect((await client.call('POST', 'refresh', client.refreshToken, undefined)).status).toBe(200);
  });

  it('a disabled authorization can no longer use its tokens', async () => {
    await client.authenticate(DEMO_CREDENTIALS);
    emulator.control.setAuthorizationDisabled('acme', DEMO_CREDENTIALS.authKey, true);
    expect((await client.get('validate')).status).toBe(401);
    expect((await client.authenticate(DEMO_CREDENTIALS)).status).toBe(401);
  });
});
