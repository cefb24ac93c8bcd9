import { ProblemDetails, RunNowResponse, ScheduleSummary } from '@ferry/contracts';
import { startTestApp, TestApp } from '../../testing/test-app';
import { FlowRunner, FlowRunRequest, FlowRunResult } from '../sync/flow-runner';
import { FlowRunnerRegistry } from '../sync/flow-runner-registry';
import { SyncWorker } from '../sync/sync-worker';
import { enqueueSyncRun } from '../sync/enqueue-sync-run';
import { JobQueue } from '../../core/queue/job-queue';
import { ScheduleTick } from './schedule-tick';

class RecordingRunner extends FlowRunner {
  readonly flow = 'inventory' as const;
  readonly calls: FlowRunRequest[] = [];
  /** The next run of this tenant fails. */
  failNextOf: string | null = null;

  async run(request: FlowRunRequest): Promise<FlowRunResult> {
    this.calls.push(request);
    if (this.failNextOf === request.tenantId) {
      this.failNextOf = null;
      throw new Error('CIMcloud answered 503');
    }
    return { counts: { read: 3, written: 3 }, cursorBefore: 'a', cursorAfter: 'b' };
  }
}

async function waitFor<T>(probe: () => Promise<T | undefined>, timeoutMs = 15000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('schedules, the tick and the sync worker (real PostgreSQL + pg-boss)', () => {
  let t: TestApp;
  let tenantA: string;
  let admin: string;
  let viewer: string;
  const as = () => ({ session: admin, tenantId: tenantA });
  const jobs = async (queue: string) =>
    (await t.owner.query<{ singleton_key: string; state: string; data: { trigger: string } }>(`select singleton_key, state, data from pgboss.job where name = $1`, [queue])).rows;

  beforeAll(async () => {
    t = await startTestApp({ WORKER_POLL_SECONDS: '0.5' });
    tenantA = await t.seedTenant('A');
    await t.seedUser('admin@a.test', 'admin-password', { memberOf: [[tenantA, 'tenant_admin']] });
    await t.seedUser('viewer@a.test', 'viewer-password', { memberOf: [[tenantA, 'tenant_viewer']] });
    admin = await t.login('admin@a.test', 'admin-password');
    viewer = await t.login('viewer@a.test', 'viewer-password');
  });
  afterAll(() => t.close());

  it('gives every new tenant three schedules, every 5 minutes, starting within 5 minutes', async () => {
    const list = await t.request<ScheduleSummary[]>('GET', '/api/v1/schedules', { as: as() });
    expect(list.status).toBe(200);
    expect(list.body.map((s) => [s.flow, s.intervalMinutes, s.cron, s.paused])).toEqual([
      ['orders', 5, null, false],
      ['shipments', 5, null, false],
      ['inventory', 5, null, false],
    ]);
    for (const s of list.body) expect(new Date(s.nextRunAt).getTime() - Date.now()).toBeLessThanOrEqual(300_000);
  });

  it('changes interval and cron, pauses and resumes, and rejects bad input by field', async () => {
    const interval = await t.request<ScheduleSummary>('PATCH', '/api/v1/schedules/shipments', { as: as(), body: { intervalMinutes: 15 } });
    expect(interval.body).toMatchObject({ flow: 'shipments', intervalMinutes: 15, cron: null });
    const cron = await t.request<ScheduleSummary>('PATCH', '/api/v1/schedules/shipments', { as: as(), body: { cron: '0 */2 * * *' } });
    expect(cron.body).toMatchObject({ intervalMinutes: null, cron: '0 */2 * * *' });
    expect(new Date(cron.body.nextRunAt).getUTCMinutes()).toBe(0);
    const paused = await t.request<ScheduleSummary>('PATCH', '/api/v1/schedules/shipments', { as: as(), body: { paused: true } });
    expect(paused.body).toMatchObject({ paused: true, cron: '0 */2 * * *' });

    const badCron = await t.request<ProblemDetails>('PATCH', '/api/v1/schedules/shipments', { as: as(), body: { cron: 'every day' } });
    expect(badCron.status).toBe(400);
    expect(badCron.body.errors?.[0].field).toBe('cron');
    const tooOften = await t.request<ProblemDetails>('PATCH', '/api/v1/schedules/shipments', { as: as(), body: { intervalMinutes: 0 } });
    expect(tooOften.body.errors?.[0].field).toBe('intervalMinutes');
    const nothing = await t.request<ProblemDetails>('PATCH', '/api/v1/schedules/shipments', { as: as(), body: {} });
    expect(nothing.status).toBe(400);
    const badFlow = await t.request<ProblemDetails>('PATCH', '/api/v1/schedules/payments', { as: as(), body: { paused: true } });
    expect(badFlow.body.errors?.[0].field).toBe('flow');
    const viewerRefused = await t.request('PATCH', '/api/v1/schedules/orders', { as: { session: viewer, tenantId: tenantA }, body: { paused: true } });
    expect(viewerRefused.status).toBe(403);
  });

  it('claims each due schedule once, skips paused ones, and moves it to its next slot', async () => {
    const tick = t.app.get(ScheduleTick);
    await tick.tickUntilIdle(); // whatever was already due
    await t.owner.query(`update schedules set next_run_at = now() - interval '1 second' where tenant_id = $1`, [tenantA]);
    expect(await tick.tickUntilIdle()).toBe(2); // orders + inventory; shipments is paused
    expect(await tick.tickUntilIdle()).toBe(0);
    const orderJobs = (await jobs('sync.orders')).filter((j) => j.singleton_key === tenantA);
    expect(orderJobs).toEqual([expect.objectContaining({ state: 'created', data: expect.objectContaining({ trigger: 'schedule' }) })]);
    const next = await t.owner.query<{ next_run_at: Date }>(`select next_run_at from schedules where tenant_id = $1 and flow = 'orders'`, [tenantA]);
    expect(next.rows[0].next_run_at.getTime()).toBeGreaterThan(Date.now() + 290_000);
  });

  it('never queues a second waiting run of the same tenant × flow', async () => {
    const again = await t.request<RunNowResponse>('POST', '/api/v1/schedules/orders/run', { as: as() });
    expect(again.status).toBe(202);
    expect(again.body).toEqual({ queued: false });
    expect((await jobs('sync.orders')).filter((j) => j.singleton_key === tenantA)).toHaveLength(1);
  });

  it('spreads the work of concurrent ticks without double-claiming (SKIP LOCKED)', async () => {
    const tenants = await Promise.all(Array.from({ length: 40 }, (_, i) => t.seedTenant(`Bulk ${i}`)));
    await t.owner.query(`update schedules set next_run_at = now() - interval '1 second' where tenant_id = any($1)`, [tenants]);
    const tick = t.app.get(ScheduleTick);
    const claimed = await Promise.all([tick.tick(7), tick.tick(7), tick.tick(7), tick.tick(7)]);
    let rest = 0;
    for (let n = await tick.tick(1000); n > 0; n = await tick.tick(1000)) rest += n;
    expect(claimed.reduce((a, b) => a + b, 0) + rest).toBe(120);
    for (const queue of ['sync.orders', 'sync.shipments', 'sync.inventory']) {
      const keys = (await jobs(queue)).map((j) => j.singleton_key).filter((k) => tenants.includes(k));
      expect(new Set(keys).size).toBe(40);
      expect(keys).toHaveLength(40);
    }
  });

  it('does not run a job that another worker took over before this one started it', async () => {
    const runner = new RecordingRunner();
    t.app.get(FlowRunnerRegistry).replace(runner);
    const tenant = await t.seedTenant('Slow Start');
    const jobId = await enqueueSyncRun(t.app.get(JobQueue), { tenantId: tenant, flow: 'inventory', trigger: 'manual' });
    // What a takeover does to a job whose worker has not recorded a run within a lease.
    await t.owner.query(`update pgboss.job set state = 'cancelled' where id = $1`, [jobId]);
    await t.app.get(SyncWorker).handle({ id: jobId as string, queue: 'sync.inventory', retryCount: 0, payload: { tenantId: tenant, flow: 'inventory', trigger: 'manual' } });
    expect(runner.calls.filter((c) => c.tenantId === tenant)).toEqual([]);
    expect((await t.owner.query(`select 1 from sync_runs where tenant_id = $1`, [tenant])).rowCount).toBe(0);
  });

  it('runs queued jobs through the flow runner and records each run, failures included', async () => {
    const runner = new RecordingRunner();
    t.app.get(FlowRunnerRegistry).replace(runner);
    await t.app.get(SyncWorker).startConsuming();
    // The job the tick queued earlier runs; wait until tenant A's inventory queue is drained.
    const pendingOfA = async () =>
      (await t.owner.query(`select 1 from pgboss.job where name = 'sync.inventory' and singleton_key = $1 and state in ('created', 'retry', 'active')`, [tenantA])).rowCount;
    await waitFor(async () => ((await pendingOfA()) === 0 ? true : undefined));
    const run = (await t.owner.query(`select * from sync_runs where tenant_id = $1 and flow = 'inventory' and trigger = 'schedule'`, [tenantA])).rows[0];
    expect(run).toMatchObject({ status: 'succeeded', counts: { read: 3, written: 3 }, cursor_before: 'a', cursor_after: 'b', attempt: 1 });
    expect(runner.calls.find((c) => c.tenantId === tenantA)).toMatchObject({ trigger: 'schedule', runId: run.id });

    runner.failNextOf = tenantA;
    const manual = await t.request<RunNowResponse>('POST', '/api/v1/schedules/inventory/run', { as: as() });
    expect(manual.body).toEqual({ queued: true });
    const failed = await waitFor(async () => (await t.owner.query(`select * from sync_runs where tenant_id = $1 and flow = 'inventory' and status = 'failed'`, [tenantA])).rows[0]);
    expect(failed).toMatchObject({ trigger: 'manual', error: 'CIMcloud answered 503', attempt: 1 });

    const runs = await t.request<{ items: Array<{ status: string; trigger: string }> }>('GET', '/api/v1/runs?flow=inventory', { as: as() });
    expect(runs.body.items.map((r) => r.status)).toEqual(expect.arrayContaining(['succeeded', 'failed']));
    const schedules = await t.request<ScheduleSummary[]>('GET', '/api/v1/schedules', { as: as() });
    expect(schedules.body[2].lastRun?.status).toEqual(expect.any(String));
  }, 60000);
});
