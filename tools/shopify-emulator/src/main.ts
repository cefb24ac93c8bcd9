import { startShopifyEmulator } from './server/start-emulator';
import { ShopPlan } from './store/model';

/**
 * Standalone emulator. Environment:
 *   PORT (8787), HOST (127.0.0.1), TIME_SCALE (1), SEED_SHOPS ("demo", comma-separated,
 *   empty for none), SEED_ORDERS (50 per shop), PLAN (STANDARD), SEARCH_LAG_MS (0),
 *   WEBHOOK_DUPLICATE_RATE (0), CLIENT_CREDENTIALS_TTL_SECONDS (86399)
 * Prints one JSON line per seeded shop with its URLs and credentials.
 */
async function main(): Promise<void> {
  const env = process.env;
  const emulator = await startShopifyEmulator({
    port: Number(env['PORT'] ?? 8787),
    host: env['HOST'] ?? '127.0.0.1',
    timeScale: Number(env['TIME_SCALE'] ?? 1),
    webhooks: { duplicateRate: Number(env['WEBHOOK_DUPLICATE_RATE'] ?? 0) },
    clientCredentialsTtlSeconds: env['CLIENT_CREDENTIALS_TTL_SECONDS']
      ? Number(env['CLIENT_CREDENTIALS_TTL_SECONDS'])
      : undefined,
  });
  process.stdout.write(`shopify-emulator listening on ${emulator.url}\n`);
  const shops = (env['SEED_SHOPS'] ?? 'demo')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const name of shops) {
    const shop = emulator.control.createShop({
      shop: name,
      plan: (env['PLAN'] as ShopPlan | undefined) ?? 'STANDARD',
      searchLagMs: Number(env['SEARCH_LAG_MS'] ?? 0),
    });
    emulator.control.addLocation(name, {
      name: 'Main Warehouse',
      address: { city: 'Columbus', provinceCode: 'OH', countryCode: 'US' },
    });
    emulator.control.generateOrders(name, {
      count: Number(env['SEED_ORDERS'] ?? 50),
      spreadMs: 7 * 86_400_000,
    });
    process.stdout.write(`${JSON.stringify(shop)}\n`);
  }
  const stop = (): void => {
    void emulator.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
