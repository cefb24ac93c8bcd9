import { DecimalPipe, DOCUMENT, PercentPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, DestroyRef, effect, inject, signal, untracked } from '@angular/core';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { ChartOptions } from 'chart.js';
import { Dashboard, ProblemDetails } from '@ferry/contracts';
import { BaseChartDirective } from 'ng2-charts';
import { catchError, EMPTY, exhaustMap, fromEvent, Subscription, timer } from 'rxjs';
import { POLL_INTERVAL_MS } from '../../core/polling';
import { toProblem } from '../../core/problem-details';
import { TenantContext } from '../../core/tenant-context';
import { NoTenantNotice } from '../../ui/no-tenant-notice';
import { ProblemMessage } from '../../ui/problem-message';
import { ERROR_CATEGORY_LABELS } from '../orders/order-format';
import { provideDashboardCharts } from './chart-registration';
import { DashboardApi } from './dashboard-api';
import { chartTotal, errorRateChart, latencyChart, openErrorsChart, ordersChart, throttleChart } from './dashboard-charts';

/** The windows the page offers (the API takes 1–168 hours). */
export const DASHBOARD_WINDOWS = [
  { hours: 24, label: 'Last 24 hours' },
  { hours: 72, label: 'Last 3 days' },
  { hours: 168, label: 'Last 7 days' },
] as const;

const AXES: ChartOptions<'bar' | 'line'> = {
  responsive: true,
  maintainAspectRatio: false,
  animation: false,
  scales: { x: { ticks: { maxTicksLimit: 12 } }, y: { beginAtZero: true } },
  plugins: { legend: { position: 'bottom' } },
};

/** The sync's health: orders per hour, error rate, latency, throttling, open errors; re-read while the tab is visible. */
@Component({
  selector: 'ferry-dashboard-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [BaseChartDirective, DecimalPipe, PercentPipe, MatFormFieldModule, MatProgressBarModule, MatSelectModule, RouterLink, NoTenantNotice, ProblemMessage],
  providers: [provideDashboardCharts()],
  templateUrl: './dashboard-page.html',
  styleUrl: './dashboard-page.scss',
})
export class DashboardPage {
  private readonly api = inject(DashboardApi);
  private readonly pollInterval = inject(POLL_INTERVAL_MS);
  private readonly document = inject(DOCUMENT);
  protected readonly tenant = inject(TenantContext);
  protected readonly windows = DASHBOARD_WINDOWS;
  protected readonly hours = signal<number>(24);
  /** Unchanged answers keep the same value, so the charts are not redrawn on every poll. */
  protected readonly data = signal<Dashboard | null>(null, { equal: (a, b) => JSON.stringify(a) === JSON.stringify(b) });
  protected readonly problem = signal<ProblemDetails | null>(null);
  /** Polling stops while the browser tab is hidden and resumes (with an immediate read) when it is shown. */
  private readonly visible = signal(this.document.visibilityState !== 'hidden');
  private poll: Subscription | null = null;

  protected readonly orders = computed(() => this.chartOf(ordersChart));
  protected readonly errorRate = computed(() => this.chartOf(errorRateChart));
  protected readonly latency = computed(() => this.chartOf(latencyChart));
  protected readonly throttle = computed(() => this.chartOf(throttleChart));
  protected readonly openErrors = computed(() => openErrorsChart(this.data()?.openErrors ?? []));
  protected readonly total = chartTotal;
  protected readonly categoryLabel = ERROR_CATEGORY_LABELS;
  /** Both upstreams together, for the totals. */
  protected readonly throttled = computed(() => {
    const throttle = this.data()?.totals.throttle;
    if (!throttle) return { seconds: 0, events: 0, throttledAnswers: 0 };
    return {
      seconds: throttle.shopify.seconds + throttle.cimcloud.seconds,
      events: throttle.shopify.events + throttle.cimcloud.events,
      throttledAnswers: throttle.shopify.throttledAnswers + throttle.cimcloud.throttledAnswers,
    };
  });

  protected readonly barOptions = AXES as ChartOptions<'bar'>;
  protected readonly lineOptions = AXES as ChartOptions<'line'>;
  protected readonly percentOptions: ChartOptions<'line'> = { ...(AXES as ChartOptions<'line'>), scales: { ...AXES.scales, y: { beginAtZero: true, suggestedMax: 10 } } };
  protected readonly doughnutOptions: ChartOptions<'doughnut'> = { responsive: true, maintainAspectRatio: false, animation: false, plugins: { legend: { position: 'right' } } };

  constructor() {
    const destroyRef = inject(DestroyRef);
    const visibility = fromEvent(this.document, 'visibilitychange').subscribe(() => this.visible.set(this.document.visibilityState !== 'hidden'));
    effect(() => {
      const tenantId = this.tenant.currentId();
      const hours = this.hours();
      const visible = this.visible();
      untracked(() => this.startPolling(tenantId, hours, visible));
    });
    destroyRef.onDestroy(() => {
      visibility.unsubscribe();
      this.poll?.unsubscribe();
    });
  }

  protected setHours(hours: number): void {
    this.hours.set(hours);
  }

  private chartOf<T>(transform: (d: Dashboard) => T): T | null {
    const d = this.data();
    return d ? transform(d) : null;
  }

  private startPolling(tenantId: string | null, hours: number, visible: boolean): void {
    this.poll?.unsubscribe();
    this.poll = null;
    if (!tenantId) {
      this.data.set(null);
      return;
    }
    if (!visible) return;
    // exhaustMap: a slow answer is not overtaken by the next tick's request.
    // A failed read shows its problem and keeps the last numbers; the next tick tries again.
    this.poll = timer(0, this.pollInterval)
      .pipe(
        exhaustMap(() =>
          this.api.get(hours).pipe(
            catchError((error: unknown) => {
              this.problem.set(toProblem(error));
              return EMPTY;
            }),
          ),
        ),
      )
      .subscribe((d) => {
        this.data.set(d);
        this.problem.set(null);
      });
  }
}
