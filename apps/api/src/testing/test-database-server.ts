import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { withDatabase } from '../core/database/database-endpoints';

export const TEMPLATE_DATABASE = 'ferry_template';
export const TEST_DATABASE_ENV = 'FERRY_TEST_DATABASE';

export interface TestDatabaseServer {
  ownerUrl: string;
  appUrl: string;
  adminUrl: string;
}

export interface TestDatabase {
  ownerUrl: string;
  appUrl: string;
  drop(): Promise<void>;
}

/** A fresh, migrated database for one test file, cloned from the run's template. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const raw = process.env[TEST_DATABASE_ENV];
  if (!raw) throw new Error(`${TEST_DATABASE_ENV} is not set: run the API tests through Jest (its globalSetup starts PostgreSQL).`);
  const server = JSON.parse(raw) as TestDatabaseServer;
  const name = `ferry_test_${randomBytes(6).toString('hex')}`;
  await admin(server.adminUrl, (c) => c.query(`create database ${name} template ${TEMPLATE_DATABASE}`));
  return {
    ownerUrl: withDatabase(server.ownerUrl, name),
    appUrl: withDatabase(server.appUrl, name),
    drop: () => admin(server.adminUrl, (c) => c.query(`drop database if exists ${name} with (force)`)).then(() => undefined),
  };
}

async function admin<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
