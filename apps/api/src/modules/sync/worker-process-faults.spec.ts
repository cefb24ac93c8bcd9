import { Flow } from '@ferry/contracts';
import { Client } from 'pg';
import { JobQueue } from '../../core/queue/job-queue';
import { SecretVault } from '../../core/secrets/secret-vault';
import { ConnectedTenant, ConnectedWorld, connectTenant, startConnectedWorld } from '../../testing/connected-tenant';
import { killAllWorkerProcesses, startWorkerProcess, WorkerProcess } from '../../testing/worker-process';
import { enqueueSyncRun } from './enqueue-sync-run';
import { TAKEN_OVER_ERROR } from './run-takeover';

/** Short enough that a killed worker's run is taken over within seconds here (60 s in production). */
const LEASE_SECONDS = 4;
/** CIMcloud's call budget is lifted: these tests are about processes, not about waiting 15 minutes. */
const WORKER_ENV = { CIMCLOUD_CALLS_PER_SECOND: '200', CIMCLOUD_CALLS_PER_15_MIN: '100000', RUN_LEASE_SECONDS: String(LEASE_SECONDS), SCHEDULER_TICK_MS: '200' };
const address = { firstName: 'Ava', lastName: 'Stone', address1: '1 Pine Road', city: 'Dayton', provinceCode: 'OH', zip: '45402', countryCode: 'US' };

interface RunRow {
  id: string;
  job_id: string;
  status: string;
  attempt: number;
  error: string | null;
  started_at: Date;
  finished_at: Date | null;
  lease_expires_at: Date | null;
}

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs: number, everyMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/**
 * Issue 7 acceptance with Ferry's worker as real child processes on the test's database:
 * a worker killed with SIGKILL mid-batch, a worker's database connections cut mid-write, and
 * two workers with the scheduler tick sharing one database.
 */
describe('sync workers as processes: SIGKILL, a cut database connection, two workers on one database', () => {
  let world: ConnectedWorld;
  /** The worker started after the kill; it serves the later tests too. */
  let survivor: WorkerProcess | null = null;
  const figures: string[] = [];

  const startWorker = (name: string) =>
    startWorkerProcess({
      name,
      ownerUrl: world.t.db.ownerUrl,
      appUrl: world.t.db.appUrl,
      // The child must unwrap the data keys this test app wrapped: the same master key.
      masterKey: world.t.app.get(SecretVault)['masterKeys'].current.key,
      env: WORKER_ENV,
    });
  /** The worker the first test started after the kill, or a new one when that test failed early. */
  async function runningWorker(): Promise<WorkerProcess> {
    if (!survivor || survivor.exitCode() !== null) survivor = await startWorker('b');
    return survivor;
  }
  const runsOf = async (tenantId: string) =>
    (
      await world.t.owner.query<RunRow>(
        `select id, job_id, status, attempt, error, started_at, finished_at, lease_expires_at from sync_runs where tenant_id = $1 order by started_at`,
        [tenantId],
      )
    ).rows;
  const runsFinished = (tenantId: string) =>
    waitFor('the runs finished', async () => ((await runsOf(tenantId)).every((r) => r.status !== 'running') ? true : undefined), 30_000);
  const delivered = async (tenantId: string) =>
    (await world.t.owner.query<{ n: number }>(`select count(*)::int as n from pass_through_orders where tenant_id = $1 and status in ('sent', 'imported')`, [tenantId])).rows[0].n;
  const ledgerOrderNumbers = async (tenantId: string) =>
    (await world.t.owner.query<{ order_number: string }>(`select order_number from pass_through_orders where tenant_id = $1`, [tenantId])).rows.map((r) => r.order_number);

  /** A connected tenant with order defaults and `orders` new Shopify orders; its schedules are paused (the test drives its runs). */
  async function tenantWithOrders(name: string, orders: number): Promise<ConnectedTenant> {
    const tenant = await connectTenant(world, name);
    await world.t.owner.query('update schedules set paused = true where tenant_id = $1', [tenant.tenantId]);
    world.shopify.control.addLocation(tenant.shopName, { name: 'Main warehouse' });
    const saved = await world.t.request('PUT', '/api/v1/order-defaults', { as: { session: tenant.session, tenantId: tenant.tenantId }, body: { divisionNo: '01', customerNo: 'WEBSHOP' } });
    expect(saved.status).toBe(200);
    for (let i = 0; i < orders; i++) {
      world.shopify.control.createOrder(tenant.shopName, { shippingAddress: address, billingAddress: address, lineItems: [{ sku: 'WIDGET-100', title: 'Widget', quantity: 1 + (i % 3), price: '12.50' }] });
    }
    return tenant;
  }

  beforeAll(async () => {
    world = await startConnectedWorld({ CIMCLOUD_CALLS_PER_SECOND: '200', CIMCLOUD_CALLS_PER_15_MIN: '100000' });
  }, 60_000);

  afterAll(async () => {
    await killAllWorkerProcesses();
    await world?.close();
    if (figures.length) process.stderr.write(`\nworker-process faults:\n  ${figures.join('\n  ')}\n`);
  }, 60_000);

  it('takes over the run of a worker killed with SIGKILL mid-batch: every order exactly once in CIMcloud, none missing', async () => {
    const tenant = await tenantWithOrders('Killed Worker', 300);
    // 250 ms per CIMcloud call of 10 orders: a batch of 100 takes 2.5 s, long enough to be killed in.
    world.cimcloud.control.injectFault({ kind: 'latency', latencyMs: 250, site: tenant.siteName, pathPrefix: 'orderpassthrough', times: Infinity });
    const first = await startWorker('a');
    const jobId = await enqueueSyncRun(world.t.app.get(JobQueue), { tenantId: tenant.tenantId, flow: 'orders', trigger: 'manual' });
    expect(jobId).toBeTruthy();

    // Mid-batch: the first batch of 100 is sent and recorded, about half of the second posted.
    const inCimcloudAtKill = await waitFor(
      'a worker mid-batch',
      async () => {
        const n = world.cimcloud.control.orders(tenant.siteName).length;
        return n >= 140 && n < 190 ? n : undefined;
      },
      60_000,
      20,
    );
    await first.kill('SIGKILL');
    const killedAt = Date.now();
    const [killed] = await runsOf(tenant.tenantId);
    expect(killed).toMatchObject({ job_id: jobId, status: 'running' });

    const restartStarted = Date.now();
    survivor = await startWorker('b');
    const restartMs = Date.now() - restartStarted;
    const replacement = await waitFor('the run taken over', async () => (await runsOf(tenant.tenantId)).find((r) => r.id !== killed.id), 60_000);
    const takeoverMs = replacement.started_at.getTime() - killedAt;
    await waitFor('every order delivered', async () => ((await delivered(tenant.tenantId)) === 300 ? true : undefined), 60_000);
    await runsFinished(tenant.tenantId);
    world.cimcloud.control.clearFaults();

    const stored = world.cimcloud.control.orders(tenant.siteName);
    const ledger = await ledgerOrderNumbers(tenant.tenantId);
    expect(ledger).toHaveLength(300);
    expect(new Set(ledger).size).toBe(300);
    expect(stored.map((o) => o.orderNumber).sort()).toEqual([...ledger].sort());
    // Re-posts only of the batch the kill interrupted (CIMcloud updates by order number): never more than one batch, never twice.
    const reposted = stored.filter((o) => o.revision > 1);
    expect(Math.max(...stored.map((o) => o.revision))).toBe(2);
    expect(reposted.length).toBeGreaterThanOrEqual(inCimcloudAtKill % 100);
    expect(reposted.length).toBeLessThanOrEqual(100);
    // The ERP simulator imports each order once: one sales order per Shopify order.
    world.cimcloud.control.flush(tenant.siteName);
    const imported = world.cimcloud.control.orders(tenant.siteName);
    expect(imported.every((o) => o.status === 'imported')).toBe(true);
    expect(new Set(imported.map((o) => o.salesOrderNo)).size).toBe(300);

    const runs = await runsOf(tenant.tenantId);
    expect(runs.find((r) => r.id === killed.id)).toMatchObject({ status: 'failed', error: TAKEN_OVER_ERROR });
    expect(runs.filter((r) => r.id !== killed.id)).toEqual([expect.objectContaining({ status: 'succeeded', attempt: 2 })]);
    // Taken over once the lease lapsed, not after pg-boss' expiry.
    expect(replacement.started_at.getTime()).toBeGreaterThanOrEqual((killed.lease_expires_at as Date).getTime());
    expect(takeoverMs).toBeLessThan(restartMs + LEASE_SECONDS * 1000 + 10_000);
    figures.push(
      `SIGKILL: ${inCimcloudAtKill} of 300 orders in CIMcloud at the kill; ${reposted.length} re-posted after the takeover; ` +
        `${stored.reduce((sum, o) => sum + o.revision, 0)} posts in all; new worker started in ${restartMs} ms; ` +
        `kill → replacement run started ${takeoverMs} ms, ${replacement.started_at.getTime() - (killed.lease_expires_at as Date).getTime()} ms after the lease lapsed (lease ${LEASE_SECONDS} s).`,
    );
  }, 150_000);

  it('cuts the database connections of a worker mid-write: nothing half-committed, and the retried run delivers every order once', async () => {
    const worker = await runningWorker();
    const tenant = await tenantWithOrders('Cut Connection', 200);
    const snapshot = async () =>
      (
        await world.t.owner.query<{ rows: number; latest: Date | null; watermark: string | null }>(
          `select (select count(*)::int from pass_through_orders where tenant_id = $1) as rows,
                  (select max(shopify_updated_at) from pass_through_orders where tenant_id = $1) as latest,
                  (select cursor->>'watermark' from checkpoints where tenant_id = $1 and flow = 'orders') as watermark`,
          [tenant.tenantId],
        )
      ).rows[0];

    const locker = new Client({ connectionString: world.t.db.ownerUrl });
    await locker.connect();
    let jobId: string | null = null;
    let cut = 0;
    try {
      await locker.query('begin');
      // Ledger rows insert freely; the checkpoint write that must commit with them waits here, mid-transaction.
      await locker.query('lock table checkpoints in share row exclusive mode');
      jobId = await enqueueSyncRun(world.t.app.get(JobQueue), { tenantId: tenant.tenantId, flow: 'orders', trigger: 'manual' });
      await waitFor(
        'the worker blocked on its checkpoint write',
        async () => {
          const blocked = await world.t.owner.query(
            `select pid from pg_stat_activity where datname = current_database() and application_name = $1 and state = 'active' and wait_event_type = 'Lock'`,
            [worker.applicationName],
          );
          return blocked.rowCount ? true : undefined;
        },
        30_000,
      );
      expect(await snapshot()).toEqual({ rows: 0, latest: null, watermark: null });
      const terminated = await world.t.owner.query(`select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and application_name = $1`, [
        worker.applicationName,
      ]);
      cut = terminated.rowCount ?? 0;
    } finally {
      await locker.query('rollback');
      await locker.end();
    }

    const failed = await waitFor('the cut run marked failed', async () => (await runsOf(tenant.tenantId)).find((r) => r.status === 'failed'), 30_000);
    expect(failed).toMatchObject({ job_id: jobId, attempt: 1 });
    expect(failed.error).toMatch(/terminat/i);
    // Nothing of the cut transaction committed: no ledger rows, no checkpoint.
    expect(await snapshot()).toEqual({ rows: 0, latest: null, watermark: null });

    // pg-boss retries the job after its backoff (10-20 s); that run delivers everything.
    await waitFor('every order delivered', async () => ((await delivered(tenant.tenantId)) === 200 ? true : undefined), 60_000, 250);
    await runsFinished(tenant.tenantId);
    const after = await snapshot();
    expect(after.rows).toBe(200);
    // The checkpoint moved with the rows it covers: exactly to the newest order recorded.
    expect(Date.parse(after.watermark as string)).toBe((after.latest as Date).getTime());
    const stored = world.cimcloud.control.orders(tenant.siteName);
    expect(stored).toHaveLength(200);
    expect(stored.every((o) => o.revision === 1)).toBe(true);
    expect(stored.map((o) => o.orderNumber).sort()).toEqual((await ledgerOrderNumbers(tenant.tenantId)).sort());
    const runs = await runsOf(tenant.tenantId);
    expect(runs.map((r) => [r.job_id, r.attempt, r.status])).toEqual([
      [jobId, 1, 'failed'],
      [jobId, 2, 'succeeded'],
    ]);
    figures.push(`connection cut: ${cut} worker connections terminated mid-write; retried run started ${runs[1].started_at.getTime() - (failed.finished_at as Date).getTime()} ms after the failure.`);
  }, 120_000);

  it('two worker processes with the scheduler tick run each due slot once and never one tenant × flow twice at once', async () => {
    const first = await runningWorker();
    // The second worker starts while the tenants are set up (its start is the slow part).
    const secondStarting = startWorker('c');
    secondStarting.catch(() => undefined);
    const tenants: ConnectedTenant[] = [];
    for (const name of ['Slot One', 'Slot Two', 'Slot Three']) tenants.push(await tenantWithOrders(name, 5));
    const second = await secondStarting;
    const ids = tenants.map((t) => t.tenantId);
    // Only these tenants' schedules tick: every minute, with due times driven by the test (an interval cannot be under a minute).
    await world.t.owner.query(`update schedules set paused = true where tenant_id <> all($1::uuid[])`, [ids]);
    await world.t.owner.query(`update schedules set paused = false, interval_seconds = 60, cron = null, next_run_at = now() + interval '1 hour' where tenant_id = any($1::uuid[])`, [ids]);

    const SLOTS = 4;
    const slots: Date[] = [];
    const started = Date.now();
    for (let k = 0; k < SLOTS; k++) {
      const due = await world.t.owner.query<{ next_run_at: Date }>(
        `update schedules set next_run_at = date_trunc('milliseconds', now()) where tenant_id = any($1::uuid[]) returning next_run_at`,
        [ids],
      );
      const slot = due.rows[0].next_run_at;
      slots.push(slot);
      // The next slot is due once every run of this one has started: its jobs then wait behind runs still going.
      await waitFor(
        `slot ${k} started for every tenant × flow`,
        async () => {
          const n = await world.t.owner.query<{ n: number }>(`select count(*)::int as n from sync_runs where tenant_id = any($1::uuid[]) and scheduled_for = $2`, [ids, slot]);
          return n.rows[0].n >= ids.length * 3 ? true : undefined;
        },
        45_000,
      );
    }
    await waitFor(
      'the last runs finished',
      async () => {
        const running = await world.t.owner.query(`select 1 from sync_runs where tenant_id = any($1::uuid[]) and status = 'running'`, [ids]);
        return running.rowCount === 0 ? true : undefined;
      },
      45_000,
    );
    const elapsedMs = Date.now() - started;
    // Both processes stayed up throughout.
    expect([first, second].map((w) => w.exitCode())).toEqual([null, null]);

    const runs = (
      await world.t.owner.query<{ tenant_id: string; flow: Flow; scheduled_for: Date; job_id: string; status: string; started_at: Date; finished_at: Date }>(
        `select tenant_id, flow, scheduled_for, job_id, status, started_at, finished_at from sync_runs
          where tenant_id = any($1::uuid[]) and trigger = 'schedule' order by started_at`,
        [ids],
      )
    ).rows;
    // Each due slot of each tenant × flow ran exactly once.
    const perSlot = new Map<string, number>();
    for (const run of runs) {
      const key = `${run.tenant_id}|${run.flow}|${run.scheduled_for.toISOString()}`;
      perSlot.set(key, (perSlot.get(key) ?? 0) + 1);
    }
    const expected = ids.flatMap((id) => (['orders', 'shipments', 'inventory'] as const).flatMap((flow) => slots.map((slot) => `${id}|${flow}|${slot.toISOString()}`)));
    expect([...perSlot.keys()].sort()).toEqual(expected.sort());
    expect([...perSlot.values()].every((n) => n === 1)).toBe(true);
    // Never two runs of one tenant × flow at once: each run of it starts after the previous one finished.
    let overlaps = 0;
    let queuedBehind = 0;
    for (const id of ids) {
      for (const flow of ['orders', 'shipments', 'inventory']) {
        const own = runs.filter((r) => r.tenant_id === id && r.flow === flow);
        for (let i = 1; i < own.length; i++) {
          if (own[i].started_at < own[i - 1].finished_at) overlaps++;
          if (own[i].scheduled_for < own[i - 1].finished_at) queuedBehind++;
        }
      }
    }
    expect(overlaps).toBe(0);
    expect(runs.every((r) => r.status === 'succeeded')).toBe(true);
    figures.push(
      `two workers: ${runs.length} scheduled runs (${ids.length} tenants × 3 flows × ${SLOTS} slots) in ${elapsedMs} ms, ` +
        `${queuedBehind} slots due while the previous run of their tenant × flow still ran, 0 overlaps.`,
    );
  }, 150_000);

  it('leaves a live run that outlasts its lease alone: the renewed lease keeps the sweeps of both workers off it', async () => {
    await runningWorker();
    const tenant = await tenantWithOrders('Long Run', 100);
    // 10 calls of 900 ms: the run lasts more than twice its lease.
    world.cimcloud.control.injectFault({ kind: 'latency', latencyMs: 900, site: tenant.siteName, pathPrefix: 'orderpassthrough', times: Infinity });
    await enqueueSyncRun(world.t.app.get(JobQueue), { tenantId: tenant.tenantId, flow: 'orders', trigger: 'manual' });
    await waitFor('the run started', async () => ((await runsOf(tenant.tenantId)).length > 0 ? true : undefined), 30_000);
    await runsFinished(tenant.tenantId);
    world.cimcloud.control.clearFaults();

    const runs = await runsOf(tenant.tenantId);
    expect(runs).toEqual([expect.objectContaining({ status: 'succeeded', attempt: 1 })]);
    const lastedMs = (runs[0].finished_at as Date).getTime() - runs[0].started_at.getTime();
    expect(lastedMs).toBeGreaterThan(2 * LEASE_SECONDS * 1000);
    const stored = world.cimcloud.control.orders(tenant.siteName);
    expect(stored).toHaveLength(100);
    expect(stored.every((o) => o.revision === 1)).toBe(true);
    figures.push(`live run: lasted ${lastedMs} ms with a ${LEASE_SECONDS} s lease, not taken over.`);
  }, 90_000);
});
