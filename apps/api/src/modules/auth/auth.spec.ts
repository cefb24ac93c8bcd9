import { MeResponse, ProblemDetails } from '@ferry/contracts';
import { startTestApp, TestApp } from '../../testing/test-app';

describe('auth (HTTP, real PostgreSQL)', () => {
  let t: TestApp;
  let tenantId: string;
  const password = 'correct horse battery staple';

  beforeAll(async () => {
    t = await startTestApp({ LOGIN_MAX_FAILURES: '3', LOGIN_WINDOW_MINUTES: '15' });
    tenantId = await t.seedTenant('Acme');
    await t.seedUser('alice@acme.test', password, { memberOf: [[tenantId, 'tenant_admin']] });
  });
  afterAll(() => t.close());

  it('signs in with email and password and sets an HTTP-only, SameSite=Strict session cookie', async () => {
    const response = await t.request<MeResponse>('POST', '/api/v1/auth/login', { body: { email: 'Alice@Acme.test', password } });
    expect(response.status).toBe(200);
    expect(response.body.user.email).toBe('alice@acme.test');
    expect(response.body.tenants).toEqual([expect.objectContaining({ tenantId, tenantName: 'Acme', role: 'tenant_admin' })]);
    const cookie = response.headers.getSetCookie()[0];
    expect(cookie).toMatch(/^ferry_session=[A-Za-z0-9_-]{43};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
  });

  it('answers a wrong password and an unknown email alike, as 401 problem details', async () => {
    const wrong = await t.request<ProblemDetails>('POST', '/api/v1/auth/login', { body: { email: 'alice@acme.test', password: 'nope' } });
    const unknown = await t.request<ProblemDetails>('POST', '/api/v1/auth/login', { body: { email: 'nobody@acme.test', password: 'nope' } });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('content-type')).toContain('application/problem+json');
    expect(wrong.body).toMatchObject({ status: 401, title: 'Not authenticated', detail: 'Email or password is wrong.' });
    expect(unknown.status).toBe(401);
    expect(unknown.body.detail).toBe(wrong.body.detail);
  });

  it('throttles an email after too many failures, with Retry-After, even for the right password', async () => {
    await t.seedUser('bob@acme.test', password, { memberOf: [[tenantId, 'tenant_viewer']] });
    for (let i = 0; i < 3; i++) {
      expect((await t.request('POST', '/api/v1/auth/login', { body: { email: 'bob@acme.test', password: 'wrong' } })).status).toBe(401);
    }
    const blocked = await t.request<ProblemDetails>('POST', '/api/v1/auth/login', { body: { email: 'bob@acme.test', password } });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(800);
    expect(blocked.body.detail).toContain('Too many failed sign-in attempts');
    // Other people are not affected.
    expect((await t.request('POST', '/api/v1/auth/login', { body: { email: 'alice@acme.test', password } })).status).toBe(200);
  });

  it('reports missing and malformed fields by name, and refuses unknown fields', async () => {
    const missing = await t.request<ProblemDetails>('POST', '/api/v1/auth/login', { body: { email: 'alice@acme.test' } });
    expect(missing.status).toBe(400);
    expect(missing.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'password' })]));
    const malformed = await t.request<ProblemDetails>('POST', '/api/v1/auth/login', { body: { email: 'not-an-email', password, admin: true } });
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors).toEqual(
      expect.arrayContaining([
        { field: 'email', message: 'must be an email address' },
        { field: 'admin', message: 'is not a known field' },
      ]),
    );
    const notJson = await t.request<ProblemDetails>('POST', '/api/v1/auth/login', { body: '{"email":', headers: { 'content-type': 'application/json' } });
    expect(notJson.status).toBe(400);
    expect(notJson.body.detail).toBe('The request body is not valid JSON.');
  });

  it('reads the session back with /me and ends it on logout', async () => {
    const session = await t.login('alice@acme.test', password);
    const me = await t.request<MeResponse>('GET', '/api/v1/auth/me', { as: { session } });
    expect(me.status).toBe(200);
    expect(me.body.user.email).toBe('alice@acme.test');
    expect((await t.request('POST', '/api/v1/auth/logout', { as: { session } })).status).toBe(204);
    expect((await t.request('GET', '/api/v1/auth/me', { as: { session } })).status).toBe(401);
  });

  it('refuses requests without a session, and forged or expired ones', async () => {
    expect((await t.request('GET', '/api/v1/auth/me')).status).toBe(401);
    expect((await t.request('GET', '/api/v1/auth/me', { as: { session: 'forged' } })).status).toBe(401);
    const session = await t.login('alice@acme.test', password);
    await t.owner.query(`update sessions set expires_at = now() - interval '1 second'`);
    expect((await t.request('GET', '/api/v1/auth/me', { as: { session } })).status).toBe(401);
  });

  it('refuses a cross-site state-changing request carrying the cookie', async () => {
    const session = await t.login('alice@acme.test', password);
    const response = await t.request('POST', '/api/v1/auth/password', {
      as: { session },
      headers: { origin: 'https://evil.example' },
      body: { currentPassword: password, newPassword: 'an entirely new password' },
    });
    expect(response.status).toBe(403);
  });

  it('changes the password: the old one stops working and other sessions end', async () => {
    await t.seedUser('carol@acme.test', password, { memberOf: [[tenantId, 'tenant_viewer']] });
    const first = await t.login('carol@acme.test', password);
    const second = await t.login('carol@acme.test', password);
    const tooShort = await t.request<ProblemDetails>('POST', '/api/v1/auth/password', { as: { session: first }, body: { currentPassword: password, newPassword: 'short' } });
    expect(tooShort.status).toBe(400);
    expect(tooShort.body.errors).toEqual([{ field: 'newPassword', message: 'must be at least 12 characters' }]);
    const changed = await t.request('POST', '/api/v1/auth/password', {
      as: { session: first },
      body: { currentPassword: password, newPassword: 'a much better passphrase' },
    });
    expect(changed.status).toBe(204);
    expect((await t.request('GET', '/api/v1/auth/me', { as: { session: first } })).status).toBe(200);
    expect((await t.request('GET', '/api/v1/auth/me', { as: { session: second } })).status).toBe(401);
    expect((await t.request('POST', '/api/v1/auth/login', { body: { email: 'carol@acme.test', password } })).status).toBe(401);
    expect((await t.request('POST', '/api/v1/auth/login', { body: { email: 'carol@acme.test', password: 'a much better passphrase' } })).status).toBe(200);
  });
});
