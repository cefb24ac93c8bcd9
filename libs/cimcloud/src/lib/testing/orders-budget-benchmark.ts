import { EmulatorProcess, testOrder } from './emulator-process';

/**
 * Benchmark: orders delivered per 15 minutes within the documented budget (2 calls/s,
 * 100 calls/15 min per authorization) against the theoretical maximum
 * (100 calls × orders per call). Time is compressed by TIME_SCALE on both sides.
 *
 *   ORDERS=3000 TIME_SCALE=300 node -r @swc-node/register libs/cimcloud/src/lib/testing/orders-budget-benchmark.ts
 */
async function main(): Promise<void> {
  const orders = Number(process.env['ORDERS'] ?? 3000);
  const scale = Number(process.env['TIME_SCALE'] ?? 300);
  const perCall = Number(process.env['ORDERS_PER_CALL'] ?? 10);
  const windowMs = (15 * 60 * 1000) / scale;
  const limits = { perSecond: 2, secondWindowMs: 1000 / scale, perWindow: 100, windowMs };
  const emulator = await EmulatorProcess.start();
  try {
    await emulator.control('PUT', 'rate-limits', limits);
    const site = await emulator.newSite();
    const client = emulator.client(site, { limits: { ...limits, safetyMarginMs: 20 /* network jitter does not scale */ }, ordersPerCall: perCall });
    const started = Date.now();
    const outcomes = await client.sendOrders(Array.from({ length: orders }, (_, i) => testOrder(`BENCH${i}`)));
    const elapsedMs = Date.now() - started;
    const calls = (await emulator.control('GET', `sites/${site}/calls`)) as { at: string; status: number }[];
    // Refused calls do not count against the window (and there should be none).
    const times = calls.filter((c) => c.status !== 429).map((c) => Date.parse(c.at));
    const busiestWindow = Math.max(...times.map((t) => times.filter((u) => u >= t && u < t + windowMs).length));
    const windows = elapsedMs / windowMs;
    const delivered = outcomes.filter((o) => o.result !== 'rejected').length;
    const perWindow = delivered / windows;
    const theoretical = limits.perWindow * perCall;
    const lines = [
      `orders sent:                    ${delivered} of ${orders} (${perCall} per call)`,
      `calls made:                     ${calls.length} (429 answers: ${calls.filter((c) => c.status === 429).length})`,
      `busiest 15-minute window:       ${busiestWindow} calls (limit ${limits.perWindow})`,
      `emulated time:                  ${((elapsedMs * scale) / 60000).toFixed(1)} min (${elapsedMs} ms real, ×${scale})`,
      `orders per 15 minutes:          ${perWindow.toFixed(0)}`,
      `theoretical maximum:            ${theoretical} (100 calls × ${perCall} orders)`,
      `share of the maximum:           ${((100 * perWindow) / theoretical).toFixed(1)} %`,
    ];
    console.warn(lines.join('\n'));
  } finally {
    await emulator.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
