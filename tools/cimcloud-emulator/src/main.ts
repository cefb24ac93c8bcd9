/**
 * Standalone CIMcloud emulator:
 *   node -r @swc-node/register tools/cimcloud-emulator/src/main.ts [--port 4020] [--demo-interval 5000] …
 * See tools/cimcloud-emulator/README.md for every option.
 */
import { parseArgs } from 'node:util';
import { demoSiteSeed, DEMO_CREDENTIALS } from './demo/demo-site';
import { startCimcloudEmulator } from './start-emulator';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '4020' },
      host: { type: 'string', default: '127.0.0.1' },
      site: { type: 'string', default: 'demo' },
      'demo-interval': { type: 'string', default: '0' },
      'import-delay': { type: 'string', default: '2000' },
      'queue-delay': { type: 'string', default: '1000' },
      'no-rate-limits': { type: 'boolean', default: false },
      'jwt-secret': { type: 'string' },
      seed: { type: 'string', default: '1' },
    },
  });
  const demoInterval = Number(values['demo-interval']);
  const emulator = await startCimcloudEmulator({
    port: Number(values.port),
    host: values.host,
    sites: [demoSiteSeed(values.site)],
    rateLimits: values['no-rate-limits'] ? null : undefined,
    importDelayMs: Number(values['import-delay']),
    queueDelayMs: Number(values['queue-delay']),
    jwtSecret: values['jwt-secret'],
    demo: demoInterval > 0 ? { intervalMs: demoInterval } : undefined,
    seed: Number(values.seed),
  });
  // stderr: the linter keeps stdout for data, and this is operator information.
  console.warn(`CIMcloud emulator listening on ${emulator.url}`);
  console.warn(`  site API:    ${emulator.url}/${values.site}/  (AuthKey ${DEMO_CREDENTIALS.authKey}, AuthUserName ${DEMO_CREDENTIALS.userName}, AuthPassword ${DEMO_CREDENTIALS.password})`);
  console.warn(`  control API: ${emulator.url}/_emulator/`);
  const stop = () => void emulator.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
