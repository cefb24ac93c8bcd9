import { Page, ProblemDetails, RunSummary } from '@ferry/contracts';
import { ConnectedTenant, ConnectedWorld, connectTenant, startConnectedWorld } from '../../testing/connected-tenant';
import { SyncWorker } from '../sync/sync-worker';

describe('orders backfill', () => {
  let world: ConnectedWorld;
  let acme: ConnectedTenant;
  const as = () => ({ session: acme.session, tenantId: acme.tenantId });
  const ledgerCount = async () => (await world.t.owner.query(`select count(*)::int as n from pass_through_orders where tenant_id = $1`, [acme.tenantId])).rows[0].n as number;

  beforeAll(async () => {
    world = await startConnectedWorld();
    acme = await connectTenant(world, 'Acme');
    world.shopify.control.addLocation(acme.shopName, { name: 'Main warehouse' });
    await world.t.request('PUT', '/api/v1/order-defaults', { as: as(), body: { divisionNo: '01', customerNo: 'WEBSHOP' } });
    // 40 orders over the last 6 days: a normal first run reads only the last day.
    world.shopify.control.generateOrders(acme.shopName, { count: 40, seed: 7, spreadMs: 6 * 86_400_000 });
  }, 60000);
  afterAll(() => world.close());

  it('reads older orders again from a date, with progress, without moving the checkpoint back', async () => {
    const worker = world.t.app.get(SyncWorker);
    await worker.handle({ id: 'first', queue: 'sync.orders', retryCount: 0, payload: { tenantId: acme.tenantId, flow: 'orders', trigger: 'schedule' } });
    const afterFirst = await ledgerCount();
    expect(afterFirst).toBeLessThan(40);
    const checkpoint = (await world.t.owner.query(`select cursor from checkpoints where tenant_id = $1 and flow = 'orders'`, [acme.tenantId])).rows[0].cursor;

    const since = new Date(Date.now() - 7 * 86_400_000).toISOString();
    const queued = await world.t.request<{ queued: boolean }>('POST', '/api/v1/schedules/orders/backfill', { as: as(), body: { since } });
    expect(queued.status).toBe(202);
    const job = (await world.t.owner.query(`select id, data from pgboss.job where name = 'sync.orders' and singleton_key = $1 and state = 'created'`, [acme.tenantId])).rows[0];
    expect(job.data).toMatchObject({ trigger: 'backfill', since });
    await worker.handle({ id: job.id, queue: 'sync.orders', retryCount: 0, payload: job.data });
    // Handled directly rather than by a consumer: take it off the queue as pg-boss would on completion.
    await world.t.owner.query(`delete from pgboss.job where id = $1`, [job.id]);

    expect(await ledgerCount()).toBe(40);
    const runs = await world.t.request<Page<RunSummary>>('GET', '/api/v1/runs?flow=orders', { as: as() });
    const backfill = runs.body.items.find((r) => r.trigger === 'backfill') as RunSummary;
    expect(backfill).toMatchObject({ status: 'succeeded', progress: { done: 40, fraction: 1 } });
    const after = (await world.t.owner.query(`select cursor from checkpoints where tenant_id = $1 and flow = 'orders'`, [acme.tenantId])).rows[0].cursor;
    expect(Date.parse(after.watermark)).toBeGreaterThanOrEqual(Date.parse(checkpoint.watermark));
  }, 60000);

  it('validates the request: a date, in the past, for the orders flow, one waiting run at a time', async () => {
    const missing = await world.t.request<ProblemDetails>('POST', '/api/v1/schedules/orders/backfill', { as: as(), body: {} });
    expect(missing.body.errors).toEqual([{ field: 'since', message: 'is required' }]);
    const malformed = await world.t.request<ProblemDetails>('POST', '/api/v1/schedules/orders/backfill', { as: as(), body: { since: 'last week' } });
    expect(malformed.body.errors?.[0].field).toBe('since');
    const future = await world.t.request<ProblemDetails>('POST', '/api/v1/schedules/orders/backfill', { as: as(), body: { since: '2999-01-01T00:00:00Z' } });
    expect(future.body.errors).toEqual([{ field: 'since', message: 'must be in the past' }]);
    const wrongFlow = await world.t.request<ProblemDetails>('POST', '/api/v1/schedules/inventory/backfill', { as: as(), body: { since: '2026-01-01T00:00:00Z' } });
    expect(wrongFlow.body.errors?.[0].field).toBe('flow');
    expect((await world.t.request('POST', '/api/v1/schedules/orders/backfill', { as: as(), body: { since: '2026-01-01T00:00:00Z' } })).status).toBe(202);
    expect((await world.t.request('POST', '/api/v1/schedules/orders/backfill', { as: as(), body: { since: '2026-01-01T00:00:00Z' } })).status).toBe(409);
  });
});
