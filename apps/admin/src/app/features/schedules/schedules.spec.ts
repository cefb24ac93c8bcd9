import { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { FormControl } from '@angular/forms';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatButtonToggleHarness } from '@angular/material/button-toggle/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { ScheduleSummary, TENANT_HEADER, TenantRole } from '@ferry/contracts';
import { POLL_INTERVAL_MS } from '../../core/polling';
import { membership } from '../../testing/fixtures';
import { eventualRequest, signedIn, validationProblem } from '../../testing/signed-in';
import { run, schedule } from '../../testing/sync-fixtures';
import { cronProblem, cronValidator, describeTiming, intervalValidator } from './schedule-rules';
import { SchedulesPage } from './schedules-page';

describe('SchedulesPage', () => {
  let backend: HttpTestingController;
  let fixture: ComponentFixture<SchedulesPage>;
  let element: HTMLElement;
  let loader: HarnessLoader;

  const all = () => [schedule('inventory', { intervalMinutes: null, cron: '0 * * * *', lastRun: null }), schedule('orders'), schedule('shipments', { paused: true })];

  async function setUp(schedules: ScheduleSummary[] = all(), role: TenantRole = 'tenant_admin'): Promise<void> {
    backend = await signedIn([membership('t-acme', role, 'Acme')], { providers: [{ provide: POLL_INTERVAL_MS, useValue: 10 }] });
    fixture = TestBed.createComponent(SchedulesPage);
    element = fixture.nativeElement;
    loader = TestbedHarnessEnvironment.loader(fixture);
    await fixture.whenStable();
    const request = backend.expectOne({ url: '/api/v1/schedules', method: 'GET' });
    expect(request.request.headers.get(TENANT_HEADER)).toBe('t-acme');
    request.flush(schedules);
    await fixture.whenStable();
  }

  const text = (testId: string) => element.querySelector(`[data-testid=${testId}]`)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  const button = (testId: string) => loader.getHarness(MatButtonHarness.with({ selector: `[data-testid=${testId}]` }));
  const input = (testId: string) => loader.getHarness(MatInputHarness.with({ selector: `[data-testid=${testId}]` }));

  afterEach(() => backend.verify());

  it('shows one card per flow with its timing, state, next run and last run', async () => {
    await setUp();
    const cards = Array.from(element.querySelectorAll<HTMLElement>('[data-testid^=schedule-card-]'));
    expect(cards.map((c) => c.dataset['testid'])).toEqual(['schedule-card-orders', 'schedule-card-shipments', 'schedule-card-inventory']);
    expect(text('schedule-timing-orders')).toBe('Every 5 minutes');
    expect(text('schedule-timing-inventory')).toBe('Cron 0 * * * * (UTC)');
    expect(text('schedule-state-shipments')).toBe('Paused');
    expect(text('schedule-next-run-shipments')).toContain('Paused');
    expect(text('schedule-next-run-orders')).toContain('Mar 4, 2026');
    expect(element.querySelector('[data-testid=schedule-last-run-orders]')?.getAttribute('data-status')).toBe('succeeded');
    expect(text('schedule-last-run-orders')).toContain('10 read · 8 written · 1 skipped · 1 failed');
    expect(text('schedule-last-run-inventory')).toBe('Not run yet');
    expect(await (await input('schedule-interval-orders')).getValue()).toBe('5');
    expect(await (await input('schedule-cron-inventory')).getValue()).toBe('0 * * * *');
    expect(text('schedule-pause-shipments')).toBe('Resume');
    expect(element.querySelectorAll('[data-testid=backfill-since]')).toHaveLength(1);
  });

  it('saves an interval, and checks it first (1 to 1440 whole minutes)', async () => {
    await setUp();
    const interval = await input('schedule-interval-orders');
    for (const bad of ['0', '1441', '2.5']) {
      await interval.setValue(bad);
      await (await button('schedule-save-orders')).click();
      expect(text('schedule-error-interval-orders')).toContain('1 to 1440');
    }
    await interval.setValue('15');
    await (await button('schedule-save-orders')).click();
    const request = backend.expectOne({ url: '/api/v1/schedules/orders', method: 'PATCH' });
    expect(request.request.body).toEqual({ intervalMinutes: 15 });
    request.flush(schedule('orders', { intervalMinutes: 15 }));
    await fixture.whenStable();
    expect(text('schedule-timing-orders')).toBe('Every 15 minutes');
  });

  it('switches a flow to cron, checks the 5 fields, and shows the API\'s own objection under the field', async () => {
    await setUp();
    await (await loader.getHarness(MatButtonToggleHarness.with({ selector: '[data-testid=schedule-mode-cron-shipments]' }))).check();
    const cron = await input('schedule-cron-shipments');
    await cron.setValue('*/15 * * *');
    await (await button('schedule-save-shipments')).click();
    expect(text('schedule-error-cron-shipments')).toContain('5 fields');
    await cron.setValue('61 * * * *');
    await (await button('schedule-save-shipments')).click();
    expect(text('schedule-error-cron-shipments')).toContain('minute must be between 0 and 59');

    await cron.setValue(' */15  * * * MON-FRI ');
    await (await button('schedule-save-shipments')).click();
    let request = backend.expectOne({ url: '/api/v1/schedules/shipments', method: 'PATCH' });
    expect(request.request.body).toEqual({ cron: '*/15 * * * MON-FRI' });
    const problem = validationProblem([{ field: 'cron', message: 'day of week out of range' }]);
    request.flush(problem.body, problem.options);
    await fixture.whenStable();
    expect(text('schedule-error-cron-shipments')).toBe('day of week out of range');

    await cron.setValue('*/15 * * * 1-5');
    await (await button('schedule-save-shipments')).click();
    request = backend.expectOne({ url: '/api/v1/schedules/shipments', method: 'PATCH' });
    expect(request.request.body).toEqual({ cron: '*/15 * * * 1-5' });
    request.flush(schedule('shipments', { paused: true, intervalMinutes: null, cron: '*/15 * * * 1-5' }));
    await fixture.whenStable();
    expect(text('schedule-timing-shipments')).toBe('Cron */15 * * * 1-5 (UTC)');
  });

  it('pauses, resumes and runs a flow now', async () => {
    await setUp();
    await (await button('schedule-pause-orders')).click();
    let request = backend.expectOne({ url: '/api/v1/schedules/orders', method: 'PATCH' });
    expect(request.request.body).toEqual({ paused: true });
    request.flush(schedule('orders', { paused: true }));
    await fixture.whenStable();
    expect(element.querySelector('[data-testid=schedule-card-orders]')?.getAttribute('data-paused')).toBe('true');
    expect(text('schedule-pause-orders')).toBe('Resume');

    await (await button('schedule-pause-shipments')).click();
    request = backend.expectOne({ url: '/api/v1/schedules/shipments', method: 'PATCH' });
    expect(request.request.body).toEqual({ paused: false });
    request.flush(schedule('shipments'));
    await fixture.whenStable();
    expect(text('schedule-state-shipments')).toBe('Active');

    await (await button('schedule-run-now-inventory')).click();
    backend.expectOne({ url: '/api/v1/schedules/inventory/run', method: 'POST' }).flush({ queued: true }, { status: 202, statusText: 'Accepted' });
    await fixture.whenStable();
    expect(document.querySelector('mat-snack-bar-container')?.textContent).toContain('A run of inventory was queued.');
  });

  it('starts a backfill and follows its run with a progress bar until it finishes', async () => {
    await setUp();
    await (await button('backfill-start')).click();
    expect(text('backfill-error-since')).toContain('Choose the date');

    await (await input('backfill-since')).setValue('2026-01-15');
    await (await button('backfill-start')).click();
    const before = backend.expectOne((r) => r.url === '/api/v1/runs' && r.params.get('flow') === 'orders');
    before.flush({ items: [run('old-backfill', { trigger: 'backfill' }), run('r0')], nextCursor: null });
    await fixture.whenStable();
    const start = backend.expectOne({ url: '/api/v1/schedules/orders/backfill', method: 'POST' });
    expect(start.request.body).toEqual({ since: '2026-01-15' });
    start.flush({ queued: true }, { status: 202, statusText: 'Accepted' });
    await fixture.whenStable();

    const bar = () => element.querySelector<HTMLElement>('[data-testid=backfill-progress]');
    expect(bar()?.dataset['status']).toBe('waiting');
    const runs = (r: { url: string; params: { get(name: string): string | null } }) => r.url === '/api/v1/runs' && r.params.get('flow') === 'orders';

    // The worker has not started it yet: only the old backfill is there.
    (await eventualRequest(backend, runs)).flush({ items: [run('old-backfill', { trigger: 'backfill' })], nextCursor: null });
    await fixture.whenStable();
    expect(bar()?.dataset['status']).toBe('waiting');

    const running = run('bf-1', { trigger: 'backfill', status: 'running', finishedAt: null, durationMs: null, progress: { done: 50, fraction: 0.4 } });
    (await eventualRequest(backend, runs)).flush({ items: [running, run('old-backfill', { trigger: 'backfill' })], nextCursor: null });
    await fixture.whenStable();
    expect(bar()?.dataset['status']).toBe('running');
    expect(bar()?.getAttribute('aria-valuenow')).toBe('40');
    expect(text('backfill-status')).toContain('50 orders read (40% of the period)');
    expect(element.querySelector<HTMLButtonElement>('[data-testid=backfill-start]')?.disabled).toBe(true);

    (await eventualRequest(backend, runs)).flush({
      items: [run('bf-1', { trigger: 'backfill', counts: { read: 120, written: 7, failed: 0 }, progress: { done: 120, fraction: 1 } })],
      nextCursor: null,
    });
    await fixture.whenStable();
    expect(bar()?.dataset['status']).toBe('succeeded');
    expect(bar()?.getAttribute('aria-valuenow')).toBe('100');
    expect(text('backfill-status')).toBe('Finished: 120 orders read, 7 sent, 0 failed.');
    // finished: polling stops (verify() in afterEach)
  });

  it('follows a backfill already running when the page opens, and says why a new one cannot start', async () => {
    const running = run('bf-2', { trigger: 'backfill', status: 'running', progress: { done: 5, fraction: null } });
    await setUp([schedule('orders', { lastRun: running })]);
    expect(element.querySelector('[data-testid=backfill-progress]')?.getAttribute('data-status')).toBe('running');
    const runs = (r: { url: string; params: { get(name: string): string | null } }) => r.url === '/api/v1/runs' && r.params.get('flow') === 'orders';
    (await eventualRequest(backend, runs)).flush({ items: [{ ...running, status: 'failed', error: 'Shopify answered 401' }], nextCursor: null });
    await fixture.whenStable();
    expect(text('backfill-status')).toBe('The backfill failed: Shopify answered 401');

    await (await input('backfill-since')).setValue('2026-01-15');
    await (await button('backfill-start')).click();
    backend.expectOne(runs).flush({ items: [], nextCursor: null });
    backend
      .expectOne({ url: '/api/v1/schedules/orders/backfill', method: 'POST' })
      .flush(
        { type: 'about:blank', title: 'Conflict', status: 409, detail: 'A run of the orders flow is already waiting.' },
        { status: 409, statusText: 'Conflict' },
      );
    await fixture.whenStable();
    expect(element.querySelector('ferry-backfill-control [role=alert]')?.textContent).toContain('already waiting');
    expect(element.querySelector<HTMLButtonElement>('[data-testid=backfill-start]')?.disabled).toBe(false);
  });

  it('is read-only without schedules:write', async () => {
    await setUp(all(), 'tenant_viewer');
    expect(element.querySelector('[data-testid=read-only]')).not.toBeNull();
    expect(element.querySelector('[data-testid=schedule-save-orders]')).toBeNull();
    expect(element.querySelector('[data-testid=schedule-run-now-orders]')).toBeNull();
    expect(element.querySelector('[data-testid=backfill-start]')).toBeNull();
    expect(await (await input('schedule-interval-orders')).isDisabled()).toBe(true);
  });
});

describe('schedule rules', () => {
  it('accepts 5-field cron expressions and names what is wrong otherwise', () => {
    expect(cronProblem('*/5 * * * *')).toBeNull();
    expect(cronProblem('0 6,18 1-15 jan-jun mon')).toBeNull();
    expect(cronProblem('0 0 * * 7')).toBeNull();
    expect(cronProblem('* * * *')).toContain('5 fields');
    expect(cronProblem('* 24 * * *')).toBe('the hour must be between 0 and 23');
    expect(cronProblem('* * 0 * *')).toBe('the day of month must be between 1 and 31');
    expect(cronProblem('abc * * * *')).toBe('the minute field "abc" is not valid');
    expect(cronProblem('*/0 * * * *')).toBe('the minute step must be at least 1');
    expect(cronValidator(new FormControl(''))).toEqual({ cron: 'Enter a cron expression' });
  });

  it('checks intervals and describes timings', () => {
    expect(intervalValidator(new FormControl(1))).toBeNull();
    expect(intervalValidator(new FormControl(1440))).toBeNull();
    expect(intervalValidator(new FormControl(null))).toEqual({ interval: 'Enter the minutes between runs' });
    expect(intervalValidator(new FormControl(1441))).not.toBeNull();
    expect(describeTiming({ intervalMinutes: 1, cron: null })).toBe('Every minute');
    expect(describeTiming({ intervalMinutes: 60, cron: null })).toBe('Every hour');
    expect(describeTiming({ intervalMinutes: 120, cron: null })).toBe('Every 2 hours');
  });
});
