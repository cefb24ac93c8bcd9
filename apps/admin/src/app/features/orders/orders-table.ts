import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, DestroyRef, effect, inject, signal, untracked } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { MatTooltipModule } from '@angular/material/tooltip';
import { Router, RouterLink } from '@angular/router';
import { ERROR_CATEGORIES, ErrorCategory, PASS_THROUGH_STATUSES, PassThroughOrderSummary, PassThroughStatus } from '@ferry/contracts';
import { debounceTime, Subject } from 'rxjs';
import { PagedList } from '../../core/paged-list';
import { TenantContext } from '../../core/tenant-context';
import { ProblemMessage } from '../../ui/problem-message';
import { ERROR_CATEGORY_LABELS, ORDER_STATUS_LABELS, orderErrorLine, orderStatusTone } from './order-format';
import { NO_ORDERS_FILTER, OrdersApi, OrdersFilter } from './orders-api';

/** Wait after the last keystroke before searching. */
export const SEARCH_DEBOUNCE_MS = 300;

/** Server-side paged list of the pass-through orders, with filters and search. */
@Component({
  selector: 'ferry-orders-table',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    DatePipe,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    MatTableModule,
    MatTooltipModule,
    ProblemMessage,
  ],
  templateUrl: './orders-table.html',
  styleUrl: './orders-table.scss',
})
export class OrdersTable {
  private readonly api = inject(OrdersApi);
  private readonly router = inject(Router);
  protected readonly tenant = inject(TenantContext);
  protected readonly filter = signal<OrdersFilter>(NO_ORDERS_FILTER);
  protected readonly list = new PagedList<PassThroughOrderSummary>((cursor) => this.api.list(this.filter(), cursor));
  protected readonly columns = ['name', 'created', 'status', 'erp', 'error'];
  protected readonly statuses = PASS_THROUGH_STATUSES;
  protected readonly categories = ERROR_CATEGORIES;
  protected readonly statusLabels = ORDER_STATUS_LABELS;
  protected readonly categoryLabels = ERROR_CATEGORY_LABELS;
  protected readonly tone = orderStatusTone;
  protected readonly statusLabel = (status: PassThroughStatus): string => ORDER_STATUS_LABELS[status];
  protected readonly errorLine = orderErrorLine;
  protected readonly filtered = computed(() => {
    const f = this.filter();
    return !!(f.status || f.category || f.q.trim() || f.from || f.to);
  });
  private readonly search$ = new Subject<string>();

  constructor() {
    effect(() => {
      const tenantId = this.tenant.currentId();
      this.filter();
      untracked(() => (tenantId ? this.list.reload() : this.list.clear()));
    });
    this.search$.pipe(debounceTime(SEARCH_DEBOUNCE_MS), takeUntilDestroyed()).subscribe((q) => this.change({ q }));
    inject(DestroyRef).onDestroy(() => this.list.destroy());
  }

  protected change(change: Partial<OrdersFilter>): void {
    const current = this.filter();
    const next = { ...current, ...change };
    if ((Object.keys(change) as (keyof OrdersFilter)[]).some((key) => current[key] !== next[key])) this.filter.set(next);
  }

  protected searchTyped(q: string): void {
    this.search$.next(q);
  }

  protected searchNow(q: string): void {
    this.change({ q });
  }

  protected setStatus(status: PassThroughStatus | null): void {
    this.change({ status });
  }

  protected setCategory(category: ErrorCategory | null): void {
    this.change({ category });
  }

  protected setDate(key: 'from' | 'to', value: string): void {
    this.change({ [key]: value || null });
  }

  /** A click anywhere on a row opens the order (the name is also a link, for keyboards and new tabs). */
  protected open(order: PassThroughOrderSummary, event: MouseEvent): void {
    if ((event.target as HTMLElement | null)?.closest('a')) return;
    void this.router.navigate(['/orders', order.id]);
  }

  protected clearFilters(search: HTMLInputElement): void {
    search.value = '';
    this.filter.set(NO_ORDERS_FILTER);
  }
}
