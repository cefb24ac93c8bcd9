import './register-workspace-paths';
import { availableParallelism } from 'node:os';
import {
  compileMapping,
  DEFAULT_ORDER_MAPPING,
  mapRecord,
  resolveTargetSchema,
  TYPICAL_SHOPIFY_ORDER_DEFAULTS,
} from '../src/index';
import { MappingWorkerPool } from '../src/node';
import { SHOPIFY_ORDER_CORPUS } from '../src/lib/testing/shopify-order-corpus';

/*
 * Orders/s of the default orders mapping (DESIGN §8: ≥ 10,000 per core, compile cached),
 * each figure against the others in the same run:
 *   node -r @swc-node/register libs/mapping/bench/mapping.bench.ts [seconds per case]
 */
const seconds = Number(process.argv[2] ?? 3);
const order = SHOPIFY_ORDER_CORPUS[1].order; // five lines, discounts, taxes
const schema = resolveTargetSchema(DEFAULT_ORDER_MAPPING);
const context = {
  runAt: '2026-11-02T10:00:00.000Z',
  defaults: TYPICAL_SHOPIFY_ORDER_DEFAULTS,
};
const print = (line: string) => process.stdout.write(`${line}\n`);

/** Runs `step` (a batch of `perStep` orders) for `seconds` after a warm-up; returns orders/s. */
async function measure(step: () => Promise<number>): Promise<number> {
  const warmUntil = performance.now() + 500;
  while (performance.now() < warmUntil) await step();
  let orders = 0;
  const started = performance.now();
  const until = started + seconds * 1000;
  while (performance.now() < until) orders += await step();
  return orders / ((performance.now() - started) / 1000);
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

async function main(): Promise<void> {
  const cached = compileMapping(DEFAULT_ORDER_MAPPING);
  const interpreted = compileMapping(DEFAULT_ORDER_MAPPING, {
    fastPath: false,
  });
  const check = await mapRecord(cached, order, context, schema);
  if (!check.ok)
    throw new Error(`benchmark order does not map: ${JSON.stringify(check)}`);
  print(
    `default orders mapping, 5-line order, Node ${process.version}, ${availableParallelism()} cores, ${seconds} s per case`,
  );
  print(
    `fast path: ${cached.fastPathUnsupported === null ? 'yes' : `no (${cached.fastPathUnsupported})`}`,
  );

  const inProcess = await measure(async () => {
    for (let i = 0; i < 100; i++)
      await mapRecord(cached, order, context, schema);
    return 100;
  });
  print(
    `in-process, compile cached (map + validate):           ${fmt(inProcess)} orders/s (1 core)`,
  );

  const jsonataOnly = await measure(async () => {
    for (let i = 0; i < 20; i++)
      await mapRecord(interpreted, order, context, schema);
    return 20;
  });
  print(
    `in-process, compile cached, jsonata interpreter only:  ${fmt(jsonataOnly)} orders/s (1 core)`,
  );

  const perRecord = await measure(async () => {
    for (let i = 0; i < 5; i++)
      await mapRecord(
        compileMapping(DEFAULT_ORDER_MAPPING),
        order,
        context,
        schema,
      );
    return 5;
  });
  print(
    `in-process, compiling per record (baseline):           ${fmt(perRecord)} orders/s (1 core)`,
  );

  // The pool's main thread clones records in and out and validates: with one worker it has
  // a core of its own (the per-worker figure); with a worker per core it competes with them.
  for (const workers of [
    ...new Set([1, Math.max(1, availableParallelism())]),
  ]) {
    const pool = new MappingWorkerPool({ size: workers, batchSize: 64 });
    try {
      const window = 64 * workers * 2;
      const pooled = await measure(async () => {
        const results = await Promise.all(
          Array.from({ length: window }, () =>
            pool.map(cached, order, context, schema),
          ),
        );
        if (!results.every((r) => r.ok)) throw new Error('pool mapping failed');
        return window;
      });
      print(
        `worker pool (${workers} worker${workers === 1 ? '' : 's'}), compile cached (map + validate): ${fmt(pooled)} orders/s (${fmt(pooled / workers)} per worker)`,
      );
    } finally {
      await pool.close();
    }
  }
  print(
    `compile cache speed-up over compiling per record: ${(inProcess / perRecord).toFixed(0)}x; fast path over interpreter: ${(inProcess / jsonataOnly).toFixed(1)}x`,
  );

  // The mapping editor's live preview (issue 9: under 100 ms for a typical order) recompiles
  // the edited mapping and maps + validates the sample on every change, in the browser: the
  // same library code on V8, timed here per preview (the editor shows its own figure too).
  const previews: number[] = [];
  for (let i = 0; i < 220; i++) {
    const started = performance.now();
    const preview = await mapRecord(compileMapping(DEFAULT_ORDER_MAPPING), order, context, resolveTargetSchema(DEFAULT_ORDER_MAPPING));
    if (!preview.ok) throw new Error('preview failed');
    if (i >= 20) previews.push(performance.now() - started);
  }
  previews.sort((a, b) => a - b);
  const at = (q: number) => previews[Math.min(previews.length - 1, Math.floor(q * previews.length))].toFixed(1);
  print(`editor live preview (compile + map + validate, 5-line order, 200 after 20 warm-up): p50 ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${at(1)} ms`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
