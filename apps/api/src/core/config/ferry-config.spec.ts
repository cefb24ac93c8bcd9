import { InvalidConfigError, loadConfig } from './ferry-config';

describe('loadConfig', () => {
  it('applies defaults when the environment is empty', () => {
    const config = loadConfig({});
    expect(config.FERRY_ROLE).toBe('all');
    expect(config.PORT).toBe(3000);
    expect(config.DATABASE_URL).toBeUndefined();
  });

  it('names every bad variable in one error, without echoing secrets', () => {
    let error: unknown;
    try {
      loadConfig({
        FERRY_ROLE: 'scheduler',
        PORT: 'eighty',
        DATABASE_URL: 'mysql://owner:hunter2@db/ferry',
        LOG_LEVEL: 'loud',
        FERRY_ADMIN_PASSWORD: 'short',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvalidConfigError);
    const message = (error as Error).message;
    expect(message).toContain('FERRY_ROLE: must be one of the following values: api, worker, all (got "scheduler")');
    expect(message).toContain('PORT: must be an integer number (got "eighty")');
    expect(message).toContain('DATABASE_URL: must be a postgres:// URL');
    expect(message).toContain('DATABASE_APP_URL: is required with DATABASE_URL');
    expect(message).toContain('LOG_LEVEL:');
    expect(message).toContain('FERRY_ADMIN_PASSWORD: must be at least 12 characters');
    expect(message).toContain('FERRY_ADMIN_EMAIL / FERRY_ADMIN_PASSWORD: set both or neither');
    expect(message).not.toContain('hunter2');
    expect(message).not.toContain('"short"');
    expect(message).toContain('FERRY_MASTER_KEY: is required with DATABASE_URL');
  });

  it('rejects a master key that is not 32 bytes, without echoing it', () => {
    expect(() => loadConfig({ FERRY_MASTER_KEY: 'dG9vLXNob3J0' })).toThrow(/FERRY_MASTER_KEY: must be 32 bytes/);
    expect(() => loadConfig({ FERRY_MASTER_KEY: 'dG9vLXNob3J0' })).not.toThrow(/dG9vLXNob3J0/);
  });

  it('accepts an external database with its application role', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://owner:pw@db:5432/ferry',
      DATABASE_APP_URL: 'postgres://ferry_app:pw@db:5432/ferry',
      FERRY_MASTER_KEY: Buffer.alloc(32, 7).toString('base64'),
      FERRY_ROLE: 'worker',
      PORT: '8080',
    });
    expect(config.FERRY_ROLE).toBe('worker');
    expect(config.PORT).toBe(8080);
  });
});
