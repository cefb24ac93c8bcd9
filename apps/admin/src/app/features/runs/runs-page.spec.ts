import { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { HttpTestingController, TestRequest } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { TENANT_HEADER } from '@ferry/contracts';
import { POLL_INTERVAL_MS } from '../../core/polling';
import { membership } from '../../testing/fixtures';
import { eventualRequest, signedIn } from '../../testing/signed-in';
import { run } from '../../testing/sync-fixtures';
import { formatDuration, progressPercent } from './run-format';
import { RunsPage } from './runs-page';

describe('RunsPage', () => {
  let backend: HttpTestingController;
  let fixture: ComponentFixture<RunsPage>;
  let element: HTMLElement;
  let loader: HarnessLoader;

  async function setUp(): Promise<void> {
    backend = await signedIn([membership('t-acme', 'tenant_viewer', 'Acme')], { providers: [{ provide: POLL_INTERVAL_MS, useValue: 10 }] });
    fixture = TestBed.createComponent(RunsPage);
    element = fixture.nativeElement;
    loader = TestbedHarnessEnvironment.loader(fixture);
    await fixture.whenStable();
  }

  const isList = (r: { url: string; method: string }) => r.url === '/api/v1/runs' && r.method === 'GET';
  const rows = () => Array.from(element.querySelectorAll<HTMLElement>('[data-testid=runs-table] tr[data-testid=run-row]'));
  const cell = (row: HTMLElement, testId: string) => row.querySelector(`[data-testid=${testId}]`)?.textContent?.trim();

  function page(flow: string | null, cursor: string | null = null): TestRequest {
    const request = backend.expectOne((r) => isList(r) && r.params.get('cursor') === cursor);
    expect(request.request.headers.get(TENANT_HEADER)).toBe('t-acme');
    expect(request.request.params.get('flow')).toBe(flow);
    expect(request.request.params.get('limit')).toBe('50');
    return request;
  }

  afterEach(() => backend.verify());

  it('shows the run history with trigger, status, duration, counts and error; filters by flow; loads more', async () => {
    await setUp();
    page(null).flush({
      items: [
        run('r1'),
        run('r2', { flow: 'inventory', trigger: 'manual', status: 'failed', error: 'CIMcloud answered 503', counts: { read: 3 }, durationMs: 850 }),
      ],
      nextCursor: 'c2',
    });
    await fixture.whenStable();
    expect(rows().map((r) => [r.dataset['flow'], r.dataset['trigger'], r.dataset['status']])).toEqual([
      ['orders', 'schedule', 'succeeded'],
      ['inventory', 'manual', 'failed'],
    ]);
    const [first, second] = rows();
    expect([cell(first, 'run-read'), cell(first, 'run-written'), cell(first, 'run-skipped'), cell(first, 'run-failed')]).toEqual(['10', '8', '1', '1']);
    expect(first.textContent).toContain('12.5 s');
    expect(first.textContent).toContain('Schedule');
    expect(cell(second, 'run-error')).toBe('CIMcloud answered 503');
    expect(cell(second, 'run-written')).toBe('0');
    expect(second.textContent).toContain('Run now');
    expect(element.querySelector('[data-testid=run-progress]')).toBeNull();

    await (await loader.getHarness(MatButtonHarness.with({ selector: '[data-testid=load-more]' }))).click();
    page(null, 'c2').flush({ items: [run('r3')], nextCursor: null });
    await fixture.whenStable();
    expect(rows()).toHaveLength(3);

    await (await loader.getHarness(MatSelectHarness.with({ selector: '[data-testid=runs-filter-flow]' }))).clickOptions({ text: 'shipments' });
    page('shipments').flush({ items: [run('r9', { flow: 'shipments' })], nextCursor: null });
    await fixture.whenStable();
    expect(rows().map((r) => r.dataset['id'])).toEqual(['r9']);
  });

  it('re-reads a running backfill every few seconds and shows its progress until it finishes', async () => {
    await setUp();
    const running = run('r1', { trigger: 'backfill', status: 'running', finishedAt: null, durationMs: null, progress: { done: 40, fraction: 0.25 } });
    page(null).flush({ items: [running, run('r0')], nextCursor: null });
    await fixture.whenStable();
    const progress = () => element.querySelector<HTMLElement>('[data-testid=run-progress]');
    expect(progress()?.dataset['fraction']).toBe('0.25');
    expect(progress()?.getAttribute('aria-valuenow')).toBe('25');

    (await eventualRequest(backend, { url: '/api/v1/runs/r1', method: 'GET' })).flush({ ...running, progress: { done: 120, fraction: 0.75 } });
    await fixture.whenStable();
    expect(progress()?.getAttribute('aria-valuenow')).toBe('75');
    expect(rows()[0].textContent).toContain('120 read');

    (await eventualRequest(backend, { url: '/api/v1/runs/r1', method: 'GET' })).flush(
      run('r1', { trigger: 'backfill', status: 'succeeded', progress: { done: 160, fraction: 1 } }),
    );
    await fixture.whenStable();
    expect(rows()[0].dataset['status']).toBe('succeeded');
    expect(progress()?.getAttribute('aria-valuenow')).toBe('100');
    // nothing runs any more: no further request (verify() in afterEach)
  });
});

describe('run formatting', () => {
  it('formats durations and progress', () => {
    expect(formatDuration(null)).toBe('');
    expect(formatDuration(850)).toBe('850 ms');
    expect(formatDuration(12_500)).toBe('12.5 s');
    expect(formatDuration(245_000)).toBe('4 min 05 s');
    expect(formatDuration(3_720_000)).toBe('1 h 02 min');
    expect(progressPercent({ status: 'running', progress: { done: 1, fraction: 0.333 } })).toBe(33);
    expect(progressPercent({ status: 'running', progress: { done: 1, fraction: null } })).toBeNull();
    expect(progressPercent({ status: 'running', progress: null })).toBeNull();
    expect(progressPercent({ status: 'succeeded', progress: null })).toBe(100);
  });
});
