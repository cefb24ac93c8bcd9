import { InvalidConfigError, loadConfig } from '../../core/config/ferry-config';
import { startTestApp, TestApp } from '../../testing/test-app';

/** The admin labels the `npm start` demo from this flag: only tools/demo sets it, never a deployment. */
describe('demo mode flag', () => {
  let plain: TestApp;
  let demo: TestApp;
  beforeAll(async () => {
    plain = await startTestApp();
    demo = await startTestApp({ FERRY_DEMO_MODE: 'true' });
  }, 60000);
  afterAll(async () => {
    await plain.close();
    await demo.close();
  }, 60000);

  it('is off unless FERRY_DEMO_MODE is set, and answered to anyone on /health/live', async () => {
    expect((await plain.request('GET', '/api/v1/health/live')).body).toEqual({ status: 'ok', demoMode: false });
    const answer = await demo.request('GET', '/api/v1/health/live');
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ status: 'ok', demoMode: true });
  });

  it('is refused with an external database, and must be true or false', () => {
    const external = {
      DATABASE_URL: 'postgres://owner:x@db:5432/ferry',
      DATABASE_APP_URL: 'postgres://app:y@db:5432/ferry',
      FERRY_MASTER_KEY: Buffer.alloc(32, 7).toString('base64'),
    };
    expect(loadConfig({ ...external }).FERRY_DEMO_MODE).toBe(false);
    expect(() => loadConfig({ ...external, FERRY_DEMO_MODE: 'true' })).toThrow(/FERRY_DEMO_MODE: is for `npm start` on the embedded database only/);
    expect(() => loadConfig({ FERRY_DEMO_MODE: 'yes' })).toThrow(InvalidConfigError);
    expect(() => loadConfig({ FERRY_DEMO_MODE: 'yes' })).toThrow(/FERRY_DEMO_MODE: must be true or false \(got "yes"\)/);
    expect(loadConfig({ FERRY_DEMO_MODE: 'true' }).FERRY_DEMO_MODE).toBe(true);
  });
});
