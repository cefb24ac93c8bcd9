import { ChartData } from 'chart.js';
import { Dashboard, OpenErrorsByCategory, Upstream, UPSTREAMS } from '@ferry/contracts';
import { ERROR_CATEGORY_LABELS } from '../orders/order-format';

/** Series colours (Material-ish, readable on light and dark surfaces). */
export const SERIES_COLORS = {
  synced: '#2e7d32',
  failed: '#c62828',
  p50: '#1565c0',
  p95: '#6a1b9a',
  shopify: '#5e8e3e',
  cimcloud: '#ef6c00',
} as const;

const UPSTREAM_LABELS: Record<Upstream, string> = { shopify: 'Shopify', cimcloud: 'CIMcloud' };

const CATEGORY_COLORS = ['#c62828', '#ef6c00', '#f9a825', '#2e7d32', '#00838f', '#1565c0', '#6a1b9a', '#ad1457', '#4e342e', '#546e7a'];

/** "14:00" for an hour bucket (local time, as the person reads the clock); the date too when the window spans days. */
export function hourLabel(iso: string, withDate: boolean): string {
  const at = new Date(iso);
  const time = `${String(at.getHours()).padStart(2, '0')}:00`;
  return withDate ? `${at.getMonth() + 1}/${at.getDate()} ${time}` : time;
}

function labels(d: Dashboard): string[] {
  return d.buckets.map((b) => hourLabel(b.hour, d.hours > 24));
}

/** Orders synced and failed per hour (bars). */
export function ordersChart(d: Dashboard): ChartData<'bar', number[], string> {
  return {
    labels: labels(d),
    datasets: [
      { label: 'Synced', data: d.buckets.map((b) => b.ordersSynced), backgroundColor: SERIES_COLORS.synced },
      { label: 'Failed', data: d.buckets.map((b) => b.ordersFailed), backgroundColor: SERIES_COLORS.failed },
    ],
  };
}

/** Failed among settled orders per hour, in percent; gaps where nothing settled. */
export function errorRateChart(d: Dashboard): ChartData<'line', Array<number | null>, string> {
  return {
    labels: labels(d),
    datasets: [
      {
        label: 'Error rate (%)',
        data: d.buckets.map((b) => (b.errorRate === null ? null : Math.round(b.errorRate * 1000) / 10)),
        borderColor: SERIES_COLORS.failed,
        backgroundColor: SERIES_COLORS.failed,
        spanGaps: true,
      },
    ],
  };
}

/** Shopify created → ERP imported per hour, p50 and p95 in minutes. */
export function latencyChart(d: Dashboard): ChartData<'line', Array<number | null>, string> {
  const minutes = (s: number | null) => (s === null ? null : Math.round((s / 60) * 10) / 10);
  return {
    labels: labels(d),
    datasets: [
      { label: 'p50 (min)', data: d.buckets.map((b) => minutes(b.latencyP50Seconds)), borderColor: SERIES_COLORS.p50, backgroundColor: SERIES_COLORS.p50, spanGaps: true },
      { label: 'p95 (min)', data: d.buckets.map((b) => minutes(b.latencyP95Seconds)), borderColor: SERIES_COLORS.p95, backgroundColor: SERIES_COLORS.p95, spanGaps: true },
    ],
  };
}

/** Seconds each upstream's rate limits held the runs back, per hour. */
export function throttleChart(d: Dashboard): ChartData<'bar', number[], string> {
  return {
    labels: labels(d),
    datasets: UPSTREAMS.map((upstream) => ({
      label: `${UPSTREAM_LABELS[upstream]} (s waited)`,
      data: d.buckets.map((b) => b.throttle[upstream].seconds),
      backgroundColor: SERIES_COLORS[upstream],
    })),
  };
}

/** Open errors by category (doughnut). */
export function openErrorsChart(errors: OpenErrorsByCategory[]): ChartData<'doughnut', number[], string> {
  return {
    labels: errors.map((e) => ERROR_CATEGORY_LABELS[e.category]),
    datasets: [{ data: errors.map((e) => e.count), backgroundColor: errors.map((_, i) => CATEGORY_COLORS[i % CATEGORY_COLORS.length]) }],
  };
}

/** Sum of every point of a chart: exposed as `data-total` so browser tests can see a chart has data. */
export function chartTotal(data: ChartData<'bar' | 'line' | 'doughnut', Array<number | null>, string>): number {
  const total = data.datasets.reduce((sum, dataset) => sum + dataset.data.reduce<number>((s, v) => s + (v ?? 0), 0), 0);
  return Math.round(total * 1000) / 1000;
}
