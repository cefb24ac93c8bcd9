import { HttpAdapterHost } from '@nestjs/core';
import { randomBytes } from 'node:crypto';
import { MasterKeys } from './core/secrets/master-keys';
import { DataSource } from 'typeorm';
import { loadConfig } from './core/config/ferry-config';
import { createWorkerContext } from './ferry-app';
import { createTestDatabase } from './testing/test-database-server';

describe('process roles', () => {
  it('starts the worker role with the database and without an HTTP listener', async () => {
    const db = await createTestDatabase();
    const config = loadConfig({ FERRY_ROLE: 'worker', LOG_LEVEL: 'silent' });
    const worker = await createWorkerContext(config, db.appUrl, new MasterKeys(randomBytes(32), null));
    try {
      const dataSource = worker.get(DataSource);
      expect(dataSource.isInitialized).toBe(true);
      expect((await dataSource.query('select current_user as role'))[0].role).toBe('ferry_app');
      expect(worker.get(HttpAdapterHost, { strict: false }).httpAdapter ?? null).toBeNull();
    } finally {
      await worker.close();
      await db.drop();
    }
  });
});
