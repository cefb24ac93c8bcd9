import pino from 'pino';
import { Writable } from 'node:stream';
import { REDACTED_PATHS } from '../logging/logging.module';
import { startTestApp, TestApp } from '../../testing/test-app';

describe('HTTP conventions', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('serves liveness and readiness', async () => {
    expect((await t.request('GET', '/api/v1/health/live')).body).toEqual({ status: 'ok', demoMode: false });
    expect((await t.request('GET', '/api/v1/health/ready')).body).toEqual({ status: 'ok', database: 'ok' });
  });

  it('serves the OpenAPI document with every API route', async () => {
    const doc = await t.request<{ openapi: string; paths: Record<string, unknown> }>('GET', '/api/docs-json');
    expect(doc.status).toBe(200);
    expect(doc.body.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.body.paths)).toEqual(expect.arrayContaining(['/api/v1/auth/login', '/api/v1/users/{userId}', '/api/v1/api-keys']));
    expect((await t.request('GET', '/api/docs')).status).toBe(200);
  });

  it('answers unknown routes as problem details', async () => {
    const response = await t.request<{ status: number; type: string }>('GET', '/api/v1/nothing-here');
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(response.body).toMatchObject({ status: 404, type: 'https://ferry.dev/problems/not-found' });
  });

  it('echoes a request id, or makes one', async () => {
    const given = await t.request('GET', '/api/v1/health/live', { headers: { 'x-request-id': 'abc-123' } });
    expect(given.headers.get('x-request-id')).toBe('abc-123');
    const made = await t.request('GET', '/api/v1/health/live');
    expect(made.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('redacts secrets from structured logs', () => {
    const lines: string[] = [];
    const sink = new Writable({ write: (chunk: Buffer, _enc, done) => (lines.push(chunk.toString()), done()) });
    const logger = pino({ redact: { paths: REDACTED_PATHS, censor: '[redacted]' } }, sink);
    logger.info({ req: { headers: { authorization: 'Bearer fry_abc_secret', cookie: 'ferry_session=s3cret' } }, body: { password: 'hunter2', token: 'tok' } }, 'x');
    const line = lines.join('');
    for (const secret of ['fry_abc_secret', 's3cret', 'hunter2', '"tok"']) expect(line).not.toContain(secret);
    expect(line).toContain('[redacted]');
  });
});
