import { startTestApp, TestApp } from '../../testing/test-app';

describe('Prometheus metrics', () => {
  let t: TestApp;
  const token = 'metrics-token-0123456789';

  beforeAll(async () => {
    t = await startTestApp({ METRICS_TOKEN: token });
    for (const name of ['A', 'B']) {
      const tenant = await t.seedTenant(name);
      await t.owner.query(`insert into sync_runs (tenant_id, flow, trigger, status, counts) values ($1, 'orders', 'schedule', 'succeeded', '{"read": 5, "written": 4}')`, [tenant]);
      await t.owner.query(
        `insert into sync_runs (tenant_id, flow, trigger, status, counts) values ($1, 'inventory', 'schedule', 'failed',
          '{"read": 1, "throttle": {"shopify": {"throttledMs": 1500, "throttleEvents": 3, "throttledAnswers": 1}, "cimcloud": {"throttledMs": 250, "throttleEvents": 1, "throttledAnswers": 0}}}')`,
        [tenant],
      );
      await t.owner.query(`insert into record_errors (tenant_id, flow, record_key, category, message, state) values ($1, 'orders', 'o1', 'erp_import_failed', 'x', 'open')`, [tenant]);
    }
    await t.owner.query(`update schedules set next_run_at = now() - interval '30 seconds'`);
  });
  afterAll(() => t.close());

  it('aggregates every tenant, without tenant ids, for a scraper with the token', async () => {
    const response = await t.request<string>('GET', '/api/v1/metrics', { headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
    const text = response.body;
    expect(text).toContain('ferry_sync_runs_total{flow="orders",status="succeeded"} 2');
    expect(text).toContain('ferry_sync_records_24h{flow="orders",outcome="read"} 10');
    expect(text).toContain('ferry_open_errors{flow="orders",category="erp_import_failed"} 2');
    // Throttle counts of every run, summed; the nested counts are not a record outcome.
    expect(text).toContain('ferry_upstream_throttle_seconds_total{upstream="shopify"} 3');
    expect(text).toContain('ferry_upstream_throttle_seconds_total{upstream="cimcloud"} 0.5');
    expect(text).toContain('ferry_upstream_throttled_total{upstream="shopify"} 2');
    expect(text).toContain('ferry_upstream_throttled_total{upstream="cimcloud"} 0');
    expect(text).toContain('ferry_upstream_throttle_waits_total{upstream="shopify"} 6');
    expect(text).toContain('ferry_sync_records_24h{flow="inventory",outcome="read"} 2');
    expect(text).not.toContain('outcome="throttle"');
    expect(text).toContain('ferry_schedules_due 6');
    expect(text).toMatch(/ferry_schedule_lag_seconds (2\d|3\d)\./);
    expect(text).toMatch(/ferry_queue_depth\{queue="sync.orders"\} \d+/);
    expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
  });

  it('answers 401 without the token or with a wrong one', async () => {
    expect((await t.request('GET', '/api/v1/metrics')).status).toBe(401);
    expect((await t.request('GET', '/api/v1/metrics', { headers: { authorization: 'Bearer wrong-token-000000000' } })).status).toBe(401);
  });
});
