import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { MappingDefinition } from '@ferry/contracts';
import { compileMapping } from '../compile/compile-mapping';
import { DEFAULT_MAPPINGS } from '../defaults/default-mappings';
import { DEFAULT_ORDER_MAPPING } from '../defaults/default-order-mapping';
import { TYPICAL_SHOPIFY_ORDER_DEFAULTS } from '../defaults/typical-shopify-order';
import { inProcessMapper } from '../run/record-mapper';
import { runMappingTests } from '../test-cases/run-mapping-tests';
import {
  SHOPIFY_ORDER_CORPUS,
  UNMAPPABLE_SHOPIFY_ORDERS,
} from '../testing/shopify-order-corpus';
import { resolveTargetSchema } from '../validate/resolve-target-schema';
import { MappingWorkerPool } from './mapping-worker-pool';

const one = (expression: string): MappingDefinition => ({
  flow: 'orders',
  targetSchemaId: 'x',
  fieldRules: [{ target: 'v', expression }],
  lookupTables: [],
  testCases: [],
});
const context = {
  runAt: '2026-11-02T10:00:00.000Z',
  defaults: TYPICAL_SHOPIFY_ORDER_DEFAULTS,
};
const orders = compileMapping(DEFAULT_ORDER_MAPPING);
const schema = resolveTargetSchema(DEFAULT_ORDER_MAPPING);
/** Exponential backtracking that the compile-time regex check does not recognise: only the budget stops it. */
const RUNAWAY_REGEX = `$match("${'1'.repeat(34)}!", /(\\w|\\d)+$/)`;

describe('MappingWorkerPool', () => {
  let pool: MappingWorkerPool;
  beforeAll(() => {
    pool = new MappingWorkerPool({ size: 2, budgetMs: 600 });
  });
  afterAll(async () => {
    await pool.close();
  });

  it('maps and validates like the in-process engine', async () => {
    for (const { order } of [
      ...SHOPIFY_ORDER_CORPUS,
      ...UNMAPPABLE_SHOPIFY_ORDERS,
    ]) {
      const [viaPool, local] = await Promise.all([
        pool.map(orders, order, context, schema),
        inProcessMapper(orders, schema)(order, context),
      ]);
      expect({ ...viaPool, elapsedMs: 0 }).toEqual({ ...local, elapsedMs: 0 });
    }
    const invalid = await pool.map(
      orders,
      UNMAPPABLE_SHOPIFY_ORDERS[0].order,
      context,
      schema,
    );
    expect(invalid).toMatchObject({
      ok: false,
      issues: [{ path: 'details[1].sku', rule: 'required' }],
    });
  });

  it("runs the default mappings' test cases through the pool", async () => {
    for (const definition of Object.values(DEFAULT_MAPPINGS)) {
      const results = await runMappingTests(
        pool.mapperFor(
          compileMapping(definition),
          resolveTargetSchema(definition),
        ),
        definition.testCases,
      );
      for (const r of results) expect(r.passed).toBe(true);
    }
  });

  it('kills a runaway regex at its budget (MAPPING_BUDGET_EXCEEDED), replaces the worker, and maps the other records', async () => {
    const runaway = compileMapping(one(RUNAWAY_REGEX));
    const restarts = pool.stats().restarts;
    const started = performance.now();
    const [bad, ...good] = await Promise.all([
      pool.evaluate(runaway, {}, context),
      ...Array.from({ length: 40 }, () =>
        pool.evaluate(orders, SHOPIFY_ORDER_CORPUS[1].order, context),
      ),
    ]);
    const wallMs = performance.now() - started;
    expect(bad).toMatchObject({
      ok: false,
      error: { code: 'MAPPING_BUDGET_EXCEEDED' },
    });
    expect(bad.elapsedMs).toBeGreaterThanOrEqual(590);
    expect(bad.elapsedMs).toBeLessThan(1500);
    expect(wallMs).toBeLessThan(3000);
    expect(good.every((o) => o.ok)).toBe(true);
    expect(pool.stats().restarts).toBe(restarts + 1);
    expect(
      await pool.evaluate(orders, SHOPIFY_ORDER_CORPUS[0].order, context),
    ).toMatchObject({ ok: true });
    process.stdout.write(
      `runaway regex stopped after ${bad.elapsedMs.toFixed(0)} ms (budget 600 ms)\n`,
    );
  });

  it("stops infinite recursion with jsonata's own limits inside the worker, without a kill", async () => {
    const restarts = pool.stats().restarts;
    const loop = compileMapping(
      one('($f := function($x){ $f($x + 1) }; $f(0))'),
      { guardrails: { timeoutMs: 100 } },
    );
    const outcome = await pool.evaluate(loop, {}, context);
    expect(outcome).toMatchObject({
      ok: false,
      error: { code: 'MAPPING_TIMEOUT', field: 'v' },
    });
    expect(outcome.elapsedMs).toBeGreaterThanOrEqual(100);
    expect(outcome.elapsedMs).toBeLessThan(600);
    const deep = await pool.evaluate(
      compileMapping(one('($f := function($x){ 1 + $f($x + 1) }; $f(0))')),
      {},
      context,
    );
    expect(deep).toMatchObject({
      ok: false,
      error: { code: 'MAPPING_STACK_DEPTH' },
    });
    const range = await pool.evaluate(
      compileMapping(one('$count([1..1000000000])')),
      {},
      context,
    );
    expect(range).toMatchObject({
      ok: false,
      error: { code: 'MAPPING_SEQUENCE_LIMIT' },
    });
    expect(range.elapsedMs).toBeLessThan(100);
    expect(pool.stats().restarts).toBe(restarts);
  });

  it('keeps the event loop responsive while a worker runs away (p99 delay < 100 ms)', async () => {
    const runaway = compileMapping(
      one(`$match("${'1'.repeat(40)}!", /(\\w|\\d)+$/)`),
    );
    const histogram = monitorEventLoopDelay({ resolution: 10 });
    histogram.enable();
    let done = false;
    const bad = pool.evaluate(runaway, {}, context).finally(() => {
      done = true;
    });
    let mapped = 0;
    while (!done) {
      await pool.evaluate(
        orders,
        SHOPIFY_ORDER_CORPUS[mapped % SHOPIFY_ORDER_CORPUS.length].order,
        context,
      );
      mapped++;
    }
    histogram.disable();
    const p99 = histogram.percentile(99) / 1e6;
    process.stdout.write(
      `event-loop delay while a worker ran away: p99 ${p99.toFixed(1)} ms, max ${(histogram.max / 1e6).toFixed(1)} ms; ${mapped} orders mapped meanwhile\n`,
    );
    expect(await bad).toMatchObject({
      ok: false,
      error: { code: 'MAPPING_BUDGET_EXCEEDED' },
    });
    expect(p99).toBeLessThan(100);
    expect(mapped).toBeGreaterThan(10);
  });
});

describe('MappingWorkerPool limits', () => {
  it('fails a memory bomb with MAPPING_WORKER_CRASHED and replaces the worker', async () => {
    const pool = new MappingWorkerPool({
      size: 1,
      budgetMs: 20_000,
      maxOldGenerationSizeMb: 48,
    });
    try {
      const bomb = compileMapping(
        one('$count($map([1..100000], function($v){ [1..100000] }))'),
        { guardrails: { timeoutMs: 20_000 } },
      );
      const outcome = await pool.evaluate(bomb, {}, context);
      expect(outcome).toMatchObject({
        ok: false,
        error: {
          code: 'MAPPING_WORKER_CRASHED',
          message: expect.stringContaining('out of memory'),
        },
      });
      expect(pool.stats().restarts).toBe(1);
      expect(
        await pool.evaluate(orders, SHOPIFY_ORDER_CORPUS[0].order, context),
      ).toMatchObject({ ok: true });
    } finally {
      await pool.close();
    }
  }, 30_000);

  it('stops respawning workers that cannot start, and says why', async () => {
    const pool = new MappingWorkerPool({
      size: 1,
      jsonataPath: '/nonexistent/jsonata.js',
    });
    try {
      const outcome = await pool.evaluate(
        orders,
        SHOPIFY_ORDER_CORPUS[0].order,
        context,
      );
      expect(outcome).toMatchObject({
        ok: false,
        error: {
          code: 'MAPPING_WORKER_CRASHED',
          message: expect.stringContaining('cannot start'),
        },
      });
      expect(pool.stats().restarts).toBe(2);
    } finally {
      await pool.close();
    }
  });

  it("does not count a worker's start-up against a record's budget", async () => {
    // Loading jsonata in a new thread takes longer than this budget: records must wait for
    // a ready worker, not fail (nor break the pool) because its start was slow.
    const pool = new MappingWorkerPool({ size: 1, budgetMs: 20 });
    try {
      const outcome = await pool.evaluate(compileMapping(one('1 + 1')), {}, context);
      expect(outcome).toMatchObject({ ok: true, output: { v: 2 } });
      expect(pool.stats().restarts).toBe(0);
    } finally {
      await pool.close();
    }
  });

  it('fails queued records with MAPPING_POOL_CLOSED when closed', async () => {
    const pool = new MappingWorkerPool({ size: 1, batchSize: 1 });
    const pending = Array.from({ length: 5 }, () =>
      pool.evaluate(orders, SHOPIFY_ORDER_CORPUS[0].order, context),
    );
    await pool.close();
    const outcomes = await Promise.all(pending);
    expect(
      outcomes.some((o) => !o.ok && o.error.code === 'MAPPING_POOL_CLOSED'),
    ).toBe(true);
    expect(await pool.evaluate(orders, {}, context)).toMatchObject({
      ok: false,
      error: { code: 'MAPPING_POOL_CLOSED' },
    });
  });
});
