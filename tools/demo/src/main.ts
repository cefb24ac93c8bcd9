import { demoSiteSeed, startCimcloudEmulator } from '@ferry/cimcloud-emulator';
import { startShopifyEmulator } from '@ferry/shopify-emulator';
import { resolve } from 'node:path';
import { demoCredentials } from './demo-credentials';
import { FerryClient } from './ferry-client';
import { FerryProcess } from './ferry-process';
import { startOrderGenerator } from './order-generator';
import { DEMO_SHOP, DEMO_SITE, seedDemoTenant } from './seed-demo-tenant';

/**
 * `npm start`: Ferry on its embedded PostgreSQL, with the Shopify and CIMcloud (+ Sage 100)
 * emulators and a connected demo tenant receiving orders every few seconds. With
 * DATABASE_URL set (a real deployment) it starts Ferry alone, without any demo.
 */
async function main(): Promise<void> {
  const env = process.env;
  const mainJs = resolve('dist/apps/api/main.js');
  if (env['DATABASE_URL'] || env['FERRY_DEMO'] === 'false') {
    const ferry = new FerryProcess(mainJs, env);
    ferry.start((code) => process.exit(code ?? 0));
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void ferry.stop());
    return;
  }

  const port = Number(env['PORT'] ?? 3000);
  const url = `http://localhost:${port}`;
  const dataDir = resolve(env['FERRY_DATA_DIR'] ?? '.ferry');
  const credentials = await demoCredentials(dataDir);
  const shopify = await startShopifyEmulator({ port: Number(env['SHOPIFY_EMULATOR_PORT'] ?? 4010) });
  const cimcloud = await startCimcloudEmulator({
    port: Number(env['CIMCLOUD_EMULATOR_PORT'] ?? 4020),
    sites: [demoSiteSeed(DEMO_SITE)],
    importDelayMs: 3000,
    demo: { intervalMs: 15_000 },
  });
  const shop = shopify.control.createShop({ shop: DEMO_SHOP, name: 'Demo Store' });
  shopify.control.addLocation(DEMO_SHOP, { name: 'Main warehouse', address: { city: 'Columbus', provinceCode: 'OH', countryCode: 'US' } });

  const ferry = new FerryProcess(mainJs, {
    ...env,
    PORT: String(port),
    FERRY_DATA_DIR: dataDir,
    FERRY_ADMIN_EMAIL: credentials.email,
    FERRY_ADMIN_PASSWORD: credentials.password,
    FERRY_ALLOW_CONNECTOR_BASE_URLS: 'true',
    FERRY_PUBLIC_URL: url,
    // The admin labels every page "Demo mode" (and the sign-in page says where the credentials are).
    FERRY_DEMO_MODE: 'true',
    // ERP import results are read at most this often (default 60 s, to save CIMcloud's call
    // budget): 15 s lets a newcomer see the first order imported within a minute of npm start.
    ORDERS_IMPORT_CHECK_SECONDS: env['ORDERS_IMPORT_CHECK_SECONDS'] ?? '15',
  });
  let stopGenerator = (): void => undefined;
  const shutdown = async (code: number) => {
    stopGenerator();
    await ferry.stop();
    await Promise.all([shopify.close(), cimcloud.close()]);
    process.exit(code);
  };
  ferry.start((code) => void shutdown(code ?? 0));
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void shutdown(0));

  await ferry.ready(url, 120_000);
  const client = new FerryClient(url);
  await client.signIn(credentials.email, credentials.password);
  await seedDemoTenant(client, shopify, cimcloud, shop);
  stopGenerator = startOrderGenerator(shopify, DEMO_SHOP, Number(env['DEMO_ORDER_EVERY_MS'] ?? 5000));

  process.stderr.write(
    [
      '',
      '  Ferry demo is running.',
      `  Open ${url} and sign in as ${credentials.email} with password ${credentials.password}`,
      '  (kept in .ferry/demo-credentials.json; delete .ferry/ to start over).',
      `  A Shopify order arrives every few seconds in "Demo Store"; the ERP imports them, some fail on purpose.`,
      `  Emulators: Shopify ${shopify.url}, CIMcloud ${cimcloud.url}. Stop with Ctrl+C.`,
      '',
    ].join('\n') + '\n',
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`Demo failed to start: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  process.exit(1);
});
