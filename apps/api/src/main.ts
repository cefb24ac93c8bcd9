import { INestApplicationContext } from '@nestjs/common';
import { ensurePlatformOperator } from './core/auth/first-start-operator';
import { FerryConfig, InvalidConfigError, loadConfig } from './core/config/ferry-config';
import { prepareDatabase } from './core/database/prepare-database';
import { resolveMasterKeys } from './core/secrets/master-key-source';
import { rewrapDataKeys } from './core/secrets/rewrap-data-keys';
import { API_PREFIX } from './core/http/configure-http';
import { createHttpApp, createWorkerContext } from './ferry-app';

/** Start-up messages meant for the person at the terminal (the structured log starts with Nest). */
const say = (message: string) => process.stderr.write(`${message}\n`);

async function main(): Promise<void> {
  let config: FerryConfig;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    say(error instanceof InvalidConfigError ? error.message : String(error));
    process.exit(1);
  }

  const masterKeys = await resolveMasterKeys(config);
  const database = await prepareDatabase(config, () => undefined);
  if (process.argv[2] === 'rewrap-master-key') {
    // `npm run rewrap-master-key`: re-wrap every data key under FERRY_MASTER_KEY, then exit.
    try {
      const result = await rewrapDataKeys(database.ownerUrl, masterKeys);
      say(`Re-wrapped ${result.rewrapped} data keys of ${result.tenants} tenants (${result.alreadyCurrent} already current).`);
    } finally {
      await database.stop();
    }
    return;
  }
  let app: INestApplicationContext | undefined;
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    await app?.close().catch(() => undefined);
    await database.stop().catch(() => undefined);
    process.exit(code);
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void stop(0));

  try {
    if (database.embedded) say(`Ferry: embedded PostgreSQL running (data in ${config.FERRY_DATA_DIR}/postgres).`);
    if (database.migrationsRun.length) say(`Ferry: applied migrations ${database.migrationsRun.join(', ')}.`);
    const operator = await ensurePlatformOperator(database.ownerUrl, config, { withDemoTenant: database.embedded });

    if (config.FERRY_ROLE === 'worker') {
      app = await createWorkerContext(config, database.appUrl, masterKeys);
      say('Ferry worker started (role: worker).');
    } else {
      const http = await createHttpApp(config, database.appUrl, masterKeys);
      await http.listen(config.PORT, config.HOST);
      app = http;
      const url = config.FERRY_PUBLIC_URL ?? `http://localhost:${config.PORT}`;
      say(`\nFerry is running (role: ${config.FERRY_ROLE}): ${url}`);
      say(`  API:  ${url}/${API_PREFIX}   docs: ${url}/api/docs`);
    }
    if (operator.createdEmail) {
      say(`\n  Platform operator created: ${operator.createdEmail}`);
      if (operator.oneTimePassword) {
        say(`  One-time password (shown only now; change it after signing in): ${operator.oneTimePassword}\n`);
      }
    }
  } catch (error) {
    say(`Ferry failed to start: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    await stop(1);
  }
}

void main();
