import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, DestroyRef, effect, inject, signal, untracked } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { INVENTORY_PUSH_STATUSES, InventoryPushStatus, InventoryPushSummary } from '@ferry/contracts';
import { debounceTime, Subject } from 'rxjs';
import { PagedList } from '../../core/paged-list';
import { TenantContext } from '../../core/tenant-context';
import { ProblemMessage } from '../../ui/problem-message';
import { InventoryPushesApi } from './inventory-pushes-api';
import { SEARCH_DEBOUNCE_MS } from './orders-table';

export const INVENTORY_STATUS_LABELS: Record<InventoryPushStatus, string> = {
  pending: 'Pending',
  pushed: 'Pushed',
  unchanged: 'Unchanged',
  sku_not_matched: 'SKU not matched',
  duplicate_sku: 'Duplicate SKU',
  location_not_matched: 'Warehouse not linked',
  failed: 'Failed',
};

const INVENTORY_STATUS_TONES: Record<InventoryPushStatus, string> = {
  pending: 'busy',
  pushed: 'ok',
  unchanged: 'neutral',
  sku_not_matched: 'bad',
  duplicate_sku: 'bad',
  location_not_matched: 'bad',
  failed: 'bad',
};

/** Inventory pushes: stock levels sent to Shopify, and the SKUs and warehouses that matched nothing. */
@Component({
  selector: 'ferry-inventory-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, MatButtonModule, MatFormFieldModule, MatIconModule, MatInputModule, MatProgressBarModule, MatSelectModule, MatTableModule, ProblemMessage],
  templateUrl: './inventory-panel.html',
  styles: `
    .spacer { flex: 1; }
    .num { text-align: right; font-variant-numeric: tabular-nums; }
    .error { max-width: 320px; overflow-wrap: anywhere; color: var(--mat-sys-error); }
  `,
})
export class InventoryPanel {
  private readonly api = inject(InventoryPushesApi);
  protected readonly tenant = inject(TenantContext);
  protected readonly filter = signal<{ status: InventoryPushStatus | null; q: string }>({ status: null, q: '' });
  protected readonly list = new PagedList<InventoryPushSummary>((cursor) => this.api.list(this.filter(), cursor));
  protected readonly columns = ['item', 'warehouse', 'status', 'available', 'pushed', 'updated', 'error'];
  protected readonly statuses = INVENTORY_PUSH_STATUSES;
  protected readonly statusLabel = (status: InventoryPushStatus): string => INVENTORY_STATUS_LABELS[status];
  protected readonly tone = (status: InventoryPushStatus): string => INVENTORY_STATUS_TONES[status];
  private readonly search$ = new Subject<string>();

  constructor() {
    effect(() => {
      const tenantId = this.tenant.currentId();
      this.filter();
      untracked(() => (tenantId ? this.list.reload() : this.list.clear()));
    });
    this.search$.pipe(debounceTime(SEARCH_DEBOUNCE_MS), takeUntilDestroyed()).subscribe((q) => this.filter.update((f) => (f.q === q ? f : { ...f, q })));
    inject(DestroyRef).onDestroy(() => this.list.destroy());
  }

  protected setStatus(status: InventoryPushStatus | null): void {
    this.filter.update((f) => ({ ...f, status }));
  }

  protected searchTyped(q: string): void {
    this.search$.next(q);
  }
}
