import { resolve } from 'node:path';
import { FerryConfig } from '../config/ferry-config';
import { DatabaseEndpoints } from './database-endpoints';
import { startEmbeddedDatabase } from './embedded-database';
import { migrateDatabase } from './migrate-database';

export interface PreparedDatabase extends DatabaseEndpoints {
  embedded: boolean;
  migrationsRun: string[];
}

/**
 * Finds or starts the database and brings its schema up to date. With DATABASE_URL the
 * server is external; without it an embedded PostgreSQL keeps its data in FERRY_DATA_DIR.
 */
export async function prepareDatabase(config: FerryConfig, log: (message: string) => void): Promise<PreparedDatabase> {
  const external = config.DATABASE_URL && config.DATABASE_APP_URL;
  const endpoints: DatabaseEndpoints = external
    ? { ownerUrl: config.DATABASE_URL as string, appUrl: config.DATABASE_APP_URL as string, stop: async () => undefined }
    : await startEmbeddedDatabase({
        dataDir: resolve(config.FERRY_DATA_DIR, 'postgres'),
        port: config.EMBEDDED_PG_PORT,
        database: 'ferry',
        persistent: true,
        log: (line) => (line ? log(`postgres: ${line}`) : undefined),
      });
  try {
    const migrationsRun = await migrateDatabase(endpoints.ownerUrl, endpoints.appUrl);
    return { ...endpoints, embedded: !external, migrationsRun };
  } catch (error) {
    await endpoints.stop();
    throw error;
  }
}
