import { availableParallelism } from 'node:os';
import { DynamicModule, Inject, Injectable, INestApplicationContext, Module, OnModuleInit } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Flow, FLOWS } from '@ferry/contracts';
import { Logger } from 'nestjs-pino';
import { Pool } from 'pg';
import { ConfigModule } from '../src/core/config/config.module';
import { FerryConfig } from '../src/core/config/ferry-config';
import { DatabaseModule } from '../src/core/database/database.module';
import { LoggingModule } from '../src/core/logging/logging.module';
import { QueueModule } from '../src/core/queue/queue.module';
import { SYNC_QUEUES } from '../src/core/queue/queue-definitions';
import { TenancyModule } from '../src/core/tenancy/tenancy.module';
import { ScheduleTick } from '../src/modules/schedules/schedule-tick';
import { SchedulesModule } from '../src/modules/schedules/schedules.module';
import { FlowRunner, FlowRunRequest, FlowRunResult } from '../src/modules/sync/flow-runner';
import { FlowRunnerRegistry } from '../src/modules/sync/flow-runner-registry';
import { SyncModule } from '../src/modules/sync/sync.module';
import { benchConfig, envNumber, formatSummary, ms, print, sleep, startBenchDatabase, summarize, waitFor } from './bench-kit';

/*
 * The distributed scheduler (DESIGN §8: p95 start lag ≤ 5 s, never two runs of one
 * tenant × flow at once): TENANTS × 3 flows due spread over a window, claimed by
 * ScheduleTick (every SCHEDULER_TICK_MS) and run by SyncWorker over pg-boss, in two worker
 * instances on one PostgreSQL. From the workspace root:
 *
 *   TS_NODE_PROJECT=apps/api/bench/tsconfig.json node -r @swc-node/register -r tsconfig-paths/register apps/api/bench/scheduler.bench.ts
 *
 * The two "worker processes" are two Nest application contexts in this one Node process,
 * each with its own config, TypeORM pool, pg-boss instance, tick timer and sync worker;
 * they share the CPU (and this machine's cores with PostgreSQL) as two processes would.
 * Each context is built from the production modules a worker needs (config, logging,
 * database, tenancy, queue, sync, schedules) plus a cheap FlowRunner per flow, in place of
 * AppModule: the real flow modules register the real runners, and a flow takes one runner.
 *
 * Phases: the tick's claim rate alone (no consumer); one instance, one round (baseline);
 * two instances, ROUNDS rounds; then a capacity burst (everything due at one instant).
 * Env: TENANTS (1000), WINDOW_SECONDS (50: due times spread over it; the interval is 60 s,
 * so rounds do not touch), ROUNDS (2, for the two-worker phase), RUN_MS (50: a run holds
 * for a random 0–2×RUN_MS), WORKER_BATCH_SIZE / WORKER_POLL_SECONDS / SCHEDULER_TICK_MS
 * (Ferry's defaults), BENCH_LOG_LEVEL.
 */

const TENANTS = envNumber('TENANTS', 1000);
const WINDOW_S = envNumber('WINDOW_SECONDS', 50);
const INTERVAL_S = 60;
const ROUNDS = Math.max(1, envNumber('ROUNDS', 2));
const RUN_MS = envNumber('RUN_MS', 50);
if (WINDOW_S >= INTERVAL_S) throw new Error(`WINDOW_SECONDS must be below the ${INTERVAL_S} s interval (the gap lets a phase stop cleanly)`);

/** Shared by every instance of this process: catches a tenant × flow running twice at once, as it happens. */
const active = new Set<string>();
let liveOverlaps = 0;

/** A cheap stand-in for a flow: holds for a little while, like a run with nothing to do. */
class BenchRunner extends FlowRunner {
  runs = 0;

  constructor(readonly flow: Flow) {
    super();
  }

  async run(request: FlowRunRequest): Promise<FlowRunResult> {
    const key = `${request.tenantId}:${this.flow}`;
    if (active.has(key)) liveOverlaps++;
    active.add(key);
    try {
      this.runs++;
      await sleep(Math.random() * 2 * RUN_MS);
      return { counts: { read: 0, written: 0 } };
    } finally {
      active.delete(key);
    }
  }
}

const BENCH_RUNNERS = Symbol('BENCH_RUNNERS');

/** Registers the bench runners before SyncWorker starts consuming (onApplicationBootstrap). */
@Injectable()
class RegisterBenchRunners implements OnModuleInit {
  constructor(
    private readonly registry: FlowRunnerRegistry,
    @Inject(BENCH_RUNNERS) private readonly runners: BenchRunner[],
  ) {}

  onModuleInit(): void {
    for (const runner of this.runners) this.registry.register(runner);
  }
}

@Module({})
class BenchRunnersModule {
  static with(runners: BenchRunner[]): DynamicModule {
    return { module: BenchRunnersModule, imports: [SyncModule], providers: [{ provide: BENCH_RUNNERS, useValue: runners }, RegisterBenchRunners] };
  }
}

/** A worker process's modules (see the header): production wiring, bench runners. */
@Module({})
class SchedulerBenchWorkerModule {
  static register(config: FerryConfig, appDatabaseUrl: string, runners: BenchRunner[]): DynamicModule {
    return {
      module: SchedulerBenchWorkerModule,
      imports: [
        ConfigModule.forConfig(config),
        LoggingModule.forConfig(config),
        DatabaseModule.forUrl(appDatabaseUrl),
        TenancyModule,
        QueueModule.forUrl(appDatabaseUrl, config.FERRY_ROLE !== 'api'),
        SyncModule,
        SchedulesModule,
        BenchRunnersModule.with(runners),
      ],
    };
  }
}

interface Worker {
  name: string;
  app: INestApplicationContext;
  runners: BenchRunner[];
  config: FerryConfig;
}

async function startWorker(name: string, appDatabaseUrl: string, env: Record<string, string>): Promise<Worker> {
  const passThrough: Record<string, string> = {};
  for (const key of ['WORKER_BATCH_SIZE', 'WORKER_POLL_SECONDS', 'SCHEDULER_TICK_MS']) if (process.env[key]) passThrough[key] = process.env[key] as string;
  const config = benchConfig({ FERRY_ROLE: 'worker', ...passThrough, ...env });
  const runners = FLOWS.map((flow) => new BenchRunner(flow));
  // As createWorkerContext does, with the module above instead of AppModule.
  const app = await NestFactory.createApplicationContext(SchedulerBenchWorkerModule.register(config, appDatabaseUrl, runners), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  return { name, app, runners, config };
}

const ranBy = (w: Worker) => w.runners.reduce((sum, r) => sum + r.runs, 0);

interface PhaseResult {
  runs: number;
  expected: number;
  lag: ReturnType<typeof summarize>;
  runsPerSecond: number;
  lastFinishAfterWindowMs: number;
  peakStartsPerSecond: number;
  drainedAfterMs: number;
}

async function main(): Promise<void> {
  print(`scheduler, ${TENANTS} tenants × 3 flows, Node ${process.version}, ${availableParallelism()} cores shared with PostgreSQL`);
  const db = await startBenchDatabase();
  const owner = new Pool({ connectionString: db.ownerUrl, max: 4 });
  // An idle connection dropped at shutdown must not crash the process before it reports.
  owner.on('error', (error) => console.error(`owner pool: ${error.message}`));
  const workers: Worker[] = [];
  try {
    // Tenants the way production makes them: the insert trigger gives each its three schedules.
    const made = Date.now();
    await owner.query(`insert into tenants (name, slug) select 'Bench ' || g, 'bench-' || g from generate_series(1, $1::int) g`, [TENANTS]);
    await owner.query(`update schedules set paused = true`);
    const schedules = (await owner.query<{ n: number }>(`select count(*)::int as n from schedules`)).rows[0].n;
    print(`${TENANTS} tenants and ${schedules} schedules created in ${ms(Date.now() - made)}`);

    // Baseline 1: the tick's claim rate alone (claim + move + enqueue, no worker consuming).
    const claimer = await startWorker('claim-only', db.appUrl, { FERRY_ROLE: 'api', SCHEDULER_TICK_MS: '0' });
    await owner.query(`update schedules set paused = false, interval_seconds = $1, cron = null, next_run_at = now() - interval '1 second'`, [INTERVAL_S]);
    const claimStart = performance.now();
    const claimed = await claimer.app.get(ScheduleTick).tickUntilIdle();
    const claimMs = performance.now() - claimStart;
    print(`baseline — tick claim rate alone: ${claimed} due schedules claimed, moved and enqueued in ${ms(claimMs)} = ${Math.round(claimed / (claimMs / 1000)).toLocaleString('en-US')} schedules/s (one tickUntilIdle: up to 1,000 claims per transaction)`);
    await claimer.app.close();
    await owner.query(`update schedules set paused = true`);
    await owner.query(`delete from pgboss.job where name = any($1)`, [Object.values(SYNC_QUEUES)]);

    const first = await startWorker('A', db.appUrl, {});
    workers.push(first);
    const c = first.config;
    print(
      `workers: WORKER_BATCH_SIZE ${c.WORKER_BATCH_SIZE}, WORKER_POLL_SECONDS ${c.WORKER_POLL_SECONDS}, SCHEDULER_TICK_MS ${c.SCHEDULER_TICK_MS}; runner holds 0–${2 * RUN_MS} ms; interval ${INTERVAL_S} s, due times spread over ${WINDOW_S} s (${Math.round((3 * TENANTS) / WINDOW_S)} due/s)`,
    );

    print();
    print(`== baseline — one worker instance, 1 round`);
    const one = await phase(owner, workers, 1);
    report(one, workers);

    workers.forEach((w) => w.runners.forEach((r) => (r.runs = 0)));
    workers.push(await startWorker('B', db.appUrl, {}));
    print();
    print(`== two worker instances on the same database, ${ROUNDS} round(s)`);
    const two = await phase(owner, workers, ROUNDS);
    report(two, workers);

    print();
    print(`== capacity — two worker instances, all ${3 * TENANTS} schedules due at the same instant`);
    await burst(owner, workers);

    print();
    await checkRuns(owner);
    print(`live check (in-process, across both instances): ${liveOverlaps} times a runner started while the same tenant × flow was running`);
  } finally {
    for (const w of workers) {
      const closed = await Promise.race([w.app.close().then(() => true), sleep(15_000).then(() => false)]).catch((error: unknown) => {
        console.error(`closing instance ${w.name} failed:`, error);
        return true;
      });
      if (!closed) console.error(`instance ${w.name} did not close within 15 s`);
    }
    await owner.end();
    await db.stop();
  }
}

/**
 * Sets every schedule due once per round, spread over the window from a start a little
 * ahead, lets the instances tick and run, stops the schedules in the gap after the last
 * round and waits for the queues to drain; then reads the runs of this phase back.
 */
async function phase(owner: Pool, workers: Worker[], rounds: number): Promise<PhaseResult> {
  const start = new Date(Date.now() + 2000);
  // Spread by tenant × flow as production's default schedules are (hash of the key).
  await owner.query(
    `update schedules set paused = false, interval_seconds = $2, cron = null,
            next_run_at = $1::timestamptz + make_interval(secs => (abs(hashtext(tenant_id::text || flow)) % ($3::int * 1000)) / 1000.0)`,
    [start, INTERVAL_S, WINDOW_S],
  );
  const stopAt = start.getTime() + (rounds - 1) * INTERVAL_S * 1000 + ((WINDOW_S + INTERVAL_S) / 2) * 1000;
  await sleep(stopAt - Date.now());
  await owner.query(`update schedules set paused = true`);
  const end = new Date(start.getTime() + rounds * INTERVAL_S * 1000);
  const drainStart = Date.now();
  const drained = await waitFor(
    async () => {
      const left = await owner.query<{ n: number }>(`select count(*)::int as n from pgboss.job where name = any($1) and state in ('created', 'retry', 'active')`, [Object.values(SYNC_QUEUES)]);
      const running = await owner.query<{ n: number }>(`select count(*)::int as n from sync_runs where status = 'running'`);
      return left.rows[0].n === 0 && running.rows[0].n === 0 ? true : undefined;
    },
    60_000,
    200,
  );
  if (!drained) print('(queues did not drain within 60 s of the stop)');

  const rows = await owner.query<{ lag_ms: number; started: Date; finished: Date | null }>(
    `select extract(epoch from started_at - scheduled_for) * 1000 as lag_ms, started_at as started, finished_at as finished
       from sync_runs where trigger = 'schedule' and scheduled_for >= $1 and scheduled_for < $2`,
    [start, end],
  );
  const lags = rows.rows.map((r) => Number(r.lag_ms));
  const starts = rows.rows.map((r) => r.started.getTime());
  const finishes = rows.rows.map((r) => (r.finished ?? r.started).getTime());
  const perSecond = new Map<number, number>();
  for (const t of starts) perSecond.set(Math.floor(t / 1000), (perSecond.get(Math.floor(t / 1000)) ?? 0) + 1);
  // Served rate while schedules were due: the runs over the rounds' due windows (the gaps
  // between rounds, when nothing is due, left out).
  const dueSeconds = rounds * WINDOW_S;
  return {
    runs: rows.rowCount ?? 0,
    expected: rounds * 3 * TENANTS,
    lag: summarize(lags),
    runsPerSecond: (rows.rowCount ?? 0) / dueSeconds,
    lastFinishAfterWindowMs: Math.max(...finishes) - (start.getTime() + (rounds - 1) * INTERVAL_S * 1000 + WINDOW_S * 1000),
    peakStartsPerSecond: Math.max(...perSecond.values()),
    drainedAfterMs: Date.now() - drainStart,
  };
}

/** Every schedule due at once: how fast the two instances work a backlog (a ceiling, unlike the paced phases). */
async function burst(owner: Pool, workers: Worker[]): Promise<void> {
  const due = new Date(Date.now() + 1000);
  await owner.query(`update schedules set paused = false, interval_seconds = 3600, cron = null, next_run_at = $1`, [due]);
  const finished = await waitFor(
    async () => {
      const done = await owner.query<{ n: number }>(`select count(*)::int as n from sync_runs where scheduled_for = $1 and finished_at is not null`, [due]);
      return done.rows[0].n >= 3 * TENANTS ? true : undefined;
    },
    90_000,
    200,
  );
  await owner.query(`update schedules set paused = true`);
  const r = await owner.query<{ n: number; first: Date; last: Date }>(
    `select count(*)::int as n, min(started_at) as first, max(finished_at) as last from sync_runs where scheduled_for = $1`,
    [due],
  );
  const lags = await owner.query<{ lag_ms: number }>(`select extract(epoch from started_at - scheduled_for) * 1000 as lag_ms from sync_runs where scheduled_for = $1`, [due]);
  const { n, first, last } = r.rows[0];
  const seconds = (last.getTime() - first.getTime()) / 1000;
  print(`${n} runs${finished ? '' : ' (not all finished within 90 s)'} from first start to last finish in ${seconds.toFixed(1)} s = ${(n / seconds).toFixed(0)} runs/s`);
  // pg-boss fetches at most batchSize jobs per queue per polling interval in each instance.
  const c = workers[0].config;
  print(`fetch ceiling of this setup: ${workers.length} instances × 3 queues × ${c.WORKER_BATCH_SIZE} jobs / ${c.WORKER_POLL_SECONDS} s = ${Math.round((workers.length * 3 * c.WORKER_BATCH_SIZE) / c.WORKER_POLL_SECONDS)} runs/s`);
  print(`start lag in this backlog (queueing, not the paced case): ${formatSummary(summarize(lags.rows.map((l) => Number(l.lag_ms))))}`);
}

function report(result: PhaseResult, workers: Worker[]): void {
  print(`scheduled runs: ${result.runs} of ${result.expected} expected (each tenant × flow once per round)`);
  print(`start lag (sync_runs.started_at − payload.scheduledFor): ${formatSummary(result.lag)}`);
  print(
    `throughput: ${result.runsPerSecond.toFixed(1)} runs/s served while due (${result.runs} runs / the rounds' due windows; demand-paced, not a ceiling), peak ${result.peakStartsPerSecond} starts in one second; ` +
      `last run finished ${ms(result.lastFinishAfterWindowMs)} after the last due time; queues empty ${ms(result.drainedAfterMs)} after the stop`,
  );
  print(`runs per instance: ${workers.map((w) => `${w.name} ${ranBy(w)}`).join(', ')}`);
}

/** From the runs table only: no tenant × flow had two runs overlapping, and no slot ran twice. */
async function checkRuns(owner: Pool): Promise<void> {
  const overlaps = await owner.query<{ n: number }>(
    `select count(*)::int as n from (
       select started_at, lag(coalesce(finished_at, 'infinity'::timestamptz)) over (partition by tenant_id, flow order by started_at, id) as previous_end
         from sync_runs) r
      where r.started_at < r.previous_end`,
  );
  const twice = await owner.query<{ n: number }>(
    `select count(*)::int as n from (select 1 from sync_runs where trigger = 'schedule' group by tenant_id, flow, scheduled_for having count(*) > 1) d`,
  );
  const totals = await owner.query<{ runs: number; failed: number; unfinished: number }>(
    `select count(*)::int as runs, count(*) filter (where status = 'failed')::int as failed, count(*) filter (where finished_at is null)::int as unfinished from sync_runs`,
  );
  const t = totals.rows[0];
  print(`sync_runs check over all ${t.runs} runs: ${overlaps.rows[0].n} overlapping runs of one tenant × flow; ${twice.rows[0].n} due slots run twice; ${t.failed} failed; ${t.unfinished} unfinished`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
