import { readOrdersUpdatedSince } from '../lib/operations/read-orders';
import { startHarness } from './emulator-harness';

/**
 * Benchmark: read N orders through the connector from the emulator (a separate process,
 * sped-up clock) and compare orders/s in emulated time with the plan's ceiling, i.e.
 * (restore rate + initial bucket spread over the run) ÷ actual points per order.
 *
 *   ORDERS=5000 PLAN=STANDARD TIME_SCALE=500 node -r @swc-node/register libs/shopify/src/testing/read-orders-benchmark.ts
 */
async function main(): Promise<void> {
  const count = Number(process.env['ORDERS'] ?? 5000);
  const plan = (process.env['PLAN'] ?? 'STANDARD') as
    | 'STANDARD'
    | 'ADVANCED'
    | 'PLUS'
    | 'ENTERPRISE';
  const scale = Number(process.env['TIME_SCALE'] ?? 500);
  const h = await startHarness(scale);
  const shop = await h.shop('bench', plan);
  await h.emulator.generateOrders('bench', {
    count,
    seed: 1,
    spreadMs: 30 * 86_400_000,
  });
  let actualPoints = 0;
  let bucket = { restoreRate: 0, maximumAvailable: 0 };
  const client = h.client(shop, {
    fetch: async (input, init) => {
      const response = await fetch(input, init);
      const body = (await response
        .clone()
        .json()
        .catch(() => null)) as {
        extensions?: {
          cost?: {
            actualQueryCost?: number | null;
            throttleStatus?: { restoreRate: number; maximumAvailable: number };
          };
        };
      } | null;
      actualPoints += body?.extensions?.cost?.actualQueryCost ?? 0;
      if (body?.extensions?.cost?.throttleStatus)
        bucket = body.extensions.cost.throttleStatus;
      return response;
    },
  });
  const startEmulated = h.clock.now();
  const startReal = Date.now();
  let read = 0;
  for await (const page of readOrdersUpdatedSince(client, { since: null }))
    read += page.orders.length;
  const emulatedS = (h.clock.now() - startEmulated) / 1000;
  const pointsPerOrder = actualPoints / read;
  const ceiling =
    (bucket.restoreRate + bucket.maximumAvailable / emulatedS) / pointsPerOrder;
  const lines = [
    `plan ${plan} (restore ${bucket.restoreRate}/s, bucket ${bucket.maximumAvailable}), ${read} orders, time scale ${scale}`,
    `emulated ${emulatedS.toFixed(1)} s (real ${((Date.now() - startReal) / 1000).toFixed(1)} s)`,
    `actual cost ${pointsPerOrder.toFixed(1)} points/order`,
    `throughput ${(read / emulatedS).toFixed(2)} orders/s vs ceiling ${ceiling.toFixed(2)} orders/s (${((100 * read) / emulatedS / ceiling).toFixed(0)}%)`,
    `requests ${client.stats.requests}, THROTTLED responses ${client.stats.throttledResponses}, retries ${client.stats.retries}`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  await h.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
