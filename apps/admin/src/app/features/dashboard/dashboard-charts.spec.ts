import { Dashboard, DashboardHour } from '@ferry/contracts';
import { chartTotal, errorRateChart, hourLabel, latencyChart, openErrorsChart, ordersChart, throttleChart } from './dashboard-charts';

const quiet = { seconds: 0, events: 0, throttledAnswers: 0 };

function hour(at: string, over: Partial<DashboardHour> = {}): DashboardHour {
  return {
    hour: at,
    ordersSynced: 0,
    ordersFailed: 0,
    errorRate: null,
    latencyP50Seconds: null,
    latencyP95Seconds: null,
    throttle: { shopify: quiet, cimcloud: quiet },
    ...over,
  };
}

function dashboard(buckets: DashboardHour[], hours = buckets.length): Dashboard {
  return {
    hours,
    from: buckets[0].hour,
    to: new Date(Date.parse(buckets[buckets.length - 1].hour) + 3_600_000).toISOString(),
    buckets,
    openErrors: [
      { category: 'sku_not_matched', count: 3 },
      { category: 'erp_import_failed', count: 1 },
    ],
    totals: {
      ordersSynced: 0,
      ordersFailed: 0,
      errorRate: null,
      latencyP50Seconds: null,
      latencyP95Seconds: null,
      openErrors: 4,
      throttle: { shopify: quiet, cimcloud: quiet },
      ordersByStatus: { mapped: 0, sent: 0, imported: 0, import_failed: 0, failed: 0, skipped: 0 },
    },
  };
}

const d = dashboard([
  hour('2026-11-27T10:00:00.000Z', { ordersSynced: 8, ordersFailed: 2, errorRate: 0.2, latencyP50Seconds: 90, latencyP95Seconds: 600, throttle: { shopify: { seconds: 1.5, events: 2, throttledAnswers: 1 }, cimcloud: quiet } }),
  hour('2026-11-27T11:00:00.000Z'),
  hour('2026-11-27T12:00:00.000Z', { ordersSynced: 3, errorRate: 0, latencyP50Seconds: 30, latencyP95Seconds: 45, throttle: { shopify: quiet, cimcloud: { seconds: 4.25, events: 3, throttledAnswers: 0 } } }),
]);

describe('dashboard data → charts', () => {
  it('labels every hour bucket by its local hour, with the date when the window spans days', () => {
    const at = new Date(2026, 10, 27, 9, 0, 0).toISOString();
    expect(hourLabel(at, false)).toBe('09:00');
    expect(hourLabel(at, true)).toBe('11/27 09:00');
    expect(ordersChart(d).labels).toHaveLength(3);
    expect(ordersChart(dashboard(d.buckets, 72)).labels?.[0]).toMatch(/^\d+\/\d+ \d\d:00$/);
  });

  it('draws orders synced and failed per hour as two bar series', () => {
    const chart = ordersChart(d);
    expect(chart.datasets.map((s) => s.label)).toEqual(['Synced', 'Failed']);
    expect(chart.datasets[0].data).toEqual([8, 0, 3]);
    expect(chart.datasets[1].data).toEqual([2, 0, 0]);
    expect(chartTotal(chart)).toBe(13);
  });

  it('draws the error rate in percent, with a gap for an hour where nothing settled', () => {
    expect(errorRateChart(d).datasets[0].data).toEqual([20, null, 0]);
  });

  it('draws latency p50 and p95 in minutes', () => {
    const chart = latencyChart(d);
    expect(chart.datasets[0].data).toEqual([1.5, null, 0.5]);
    expect(chart.datasets[1].data).toEqual([10, null, 0.8]);
    expect(chartTotal(chart)).toBe(12.8);
  });

  it('draws the seconds waited per upstream', () => {
    const chart = throttleChart(d);
    expect(chart.datasets.map((s) => s.label)).toEqual(['Shopify (s waited)', 'CIMcloud (s waited)']);
    expect(chart.datasets[0].data).toEqual([1.5, 0, 0]);
    expect(chart.datasets[1].data).toEqual([0, 0, 4.25]);
  });

  it('draws open errors by category with readable labels and one colour each', () => {
    const chart = openErrorsChart(d.openErrors);
    expect(chart.labels).toEqual(['SKU not matched', 'ERP import failed']);
    expect(chart.datasets[0].data).toEqual([3, 1]);
    expect(new Set(chart.datasets[0].backgroundColor as string[]).size).toBe(2);
    expect(chartTotal(openErrorsChart([]))).toBe(0);
  });
});
