import { chmod, mkdtemp } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedDatabase } from '../core/database/embedded-database';
import { migrateDatabase } from '../core/database/migrate-database';
import { TEMPLATE_DATABASE, TEST_DATABASE_ENV, TestDatabaseServer } from './test-database-server';

/** Starts one throwaway PostgreSQL for the whole Jest run and migrates a template database. */
export default async function globalSetup(): Promise<void> {
  const dataDir = await mkdtemp(join(tmpdir(), 'ferry-test-'));
  await chmod(dataDir, 0o711);
  const server = await startEmbeddedDatabase({ dataDir, port: await freePort(), database: TEMPLATE_DATABASE, persistent: false });
  await migrateDatabase(server.ownerUrl, server.appUrl);
  const info: TestDatabaseServer = { ownerUrl: server.ownerUrl, appUrl: server.appUrl, adminUrl: server.ownerAdminUrl };
  process.env[TEST_DATABASE_ENV] = JSON.stringify(info);
  (globalThis as { ferryTestDatabase?: { stop(): Promise<void> } }).ferryTestDatabase = server;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
