import { HttpTestingController } from '@angular/common/http/testing';
import { Directive, input } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { Dashboard, DashboardHour, TENANT_HEADER } from '@ferry/contracts';
import { BaseChartDirective } from 'ng2-charts';
import { POLL_INTERVAL_MS } from '../../core/polling';
import { membership } from '../../testing/fixtures';
import { eventualRequest, signedIn } from '../../testing/signed-in';
import { DashboardPage } from './dashboard-page';

/** Stands in for ng2-charts' directive: jsdom has no canvas to draw on; what it is given is what matters here. */
@Directive({ selector: 'canvas[baseChart]' })
class ChartStub {
  readonly type = input<string>();
  readonly data = input<unknown>();
  readonly options = input<unknown>();
}

const quiet = { seconds: 0, events: 0, throttledAnswers: 0 };
const hourAt = (iso: string, over: Partial<DashboardHour> = {}): DashboardHour => ({
  hour: iso,
  ordersSynced: 0,
  ordersFailed: 0,
  errorRate: null,
  latencyP50Seconds: null,
  latencyP95Seconds: null,
  throttle: { shopify: quiet, cimcloud: quiet },
  ...over,
});

function answer(synced: number): Dashboard {
  return {
    hours: 24,
    from: '2026-11-26T12:00:00.000Z',
    to: '2026-11-26T14:00:00.000Z',
    buckets: [
      hourAt('2026-11-26T12:00:00.000Z'),
      hourAt('2026-11-26T13:00:00.000Z', { ordersSynced: synced, ordersFailed: 1, errorRate: 1 / (synced + 1), latencyP50Seconds: 120, latencyP95Seconds: 300, throttle: { shopify: { seconds: 2.5, events: 2, throttledAnswers: 1 }, cimcloud: quiet } }),
    ],
    openErrors: [{ category: 'sku_not_matched', count: 1 }],
    totals: {
      ordersSynced: synced,
      ordersFailed: 1,
      errorRate: 1 / (synced + 1),
      latencyP50Seconds: 120,
      latencyP95Seconds: 300,
      openErrors: 1,
      throttle: { shopify: { seconds: 2.5, events: 2, throttledAnswers: 1 }, cimcloud: quiet },
      ordersByStatus: { mapped: 0, sent: 0, imported: synced, import_failed: 0, failed: 1, skipped: 0 },
    },
  };
}

describe('DashboardPage', () => {
  let backend: HttpTestingController;
  let fixture: ComponentFixture<DashboardPage>;
  let element: HTMLElement;

  const isDashboard = (r: { url: string; method: string }) => r.url === '/api/v1/dashboard' && r.method === 'GET';
  const attr = (testId: string, name: string) => element.querySelector(`[data-testid=${testId}]`)?.getAttribute(name);
  const setVisibility = (state: 'hidden' | 'visible') => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
    document.dispatchEvent(new Event('visibilitychange'));
  };

  beforeEach(async () => {
    TestBed.overrideComponent(DashboardPage, { remove: { imports: [BaseChartDirective] }, add: { imports: [ChartStub] } });
    backend = await signedIn([membership('t-acme', 'tenant_viewer', 'Acme')], { providers: [{ provide: POLL_INTERVAL_MS, useValue: 20 }] });
    fixture = TestBed.createComponent(DashboardPage);
    element = fixture.nativeElement;
    await fixture.whenStable();
  });

  afterEach(() => {
    fixture?.destroy();
    setVisibility('visible');
    // A poll may have gone out (every 20 ms here) after the test's last expectation.
    backend.match(isDashboard);
    backend.verify();
  });

  it('shows the totals, the charts with their data and the open errors linking to the errors tab', async () => {
    const first = await eventualRequest(backend, isDashboard);
    expect(first.request.params.get('hours')).toBe('24');
    expect(first.request.headers.get(TENANT_HEADER)).toBe('t-acme');
    first.flush(answer(4));
    await fixture.whenStable();

    expect(attr('dashboard-totals', 'data-orders-synced')).toBe('4');
    expect(element.querySelector('[data-testid=dashboard-total-error-rate]')?.textContent).toContain('20%');
    expect(element.querySelector('[data-testid=dashboard-total-latency]')?.textContent).toContain('2 / 5 min');
    expect(attr('dashboard-chart-orders', 'data-total')).toBe('5');
    expect(attr('dashboard-chart-latency', 'data-total')).toBe('7');
    expect(attr('dashboard-chart-throttling', 'data-total')).toBe('2.5');
    const error = element.querySelector('[data-testid=dashboard-open-error]');
    expect(error?.getAttribute('data-count')).toBe('1');
    expect(error?.querySelector('a')?.getAttribute('href')).toBe('/orders?tab=errors&category=sku_not_matched');
  });

  it('re-reads by itself, keeps the numbers through a failed read, and stops while the tab is hidden', async () => {
    (await eventualRequest(backend, isDashboard)).flush(answer(4));
    (await eventualRequest(backend, isDashboard)).flush({ title: 'Unavailable', status: 503 }, { status: 503, statusText: 'Unavailable' });
    await fixture.whenStable();
    expect(attr('dashboard-totals', 'data-orders-synced')).toBe('4');
    (await eventualRequest(backend, isDashboard)).flush(answer(6));
    await fixture.whenStable();
    expect(attr('dashboard-totals', 'data-orders-synced')).toBe('6');

    setVisibility('hidden');
    await fixture.whenStable();
    backend.match(isDashboard).forEach((r) => r.flush(answer(6)));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(backend.match(isDashboard)).toEqual([]);

    setVisibility('visible');
    await fixture.whenStable();
    (await eventualRequest(backend, isDashboard, 50)).flush(answer(7));
    await fixture.whenStable();
    expect(attr('dashboard-totals', 'data-orders-synced')).toBe('7');
  });
});
