import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { INVENTORY_PUSH_STATUSES, InventoryPushStatus } from '@ferry/contracts';
import { FilteredPagedList } from '../../core/filtered-paged-list';
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
  private readonly pushes = new FilteredPagedList({ status: null as InventoryPushStatus | null, q: '' }, 'q', SEARCH_DEBOUNCE_MS, (filter, cursor) =>
    this.api.list(filter, cursor),
  );
  protected readonly filter = this.pushes.filter;
  protected readonly list = this.pushes.list;
  protected readonly columns = ['item', 'warehouse', 'status', 'available', 'pushed', 'updated', 'error'];
  protected readonly statuses = INVENTORY_PUSH_STATUSES;
  protected readonly statusLabel = (status: InventoryPushStatus): string => INVENTORY_STATUS_LABELS[status];
  protected readonly tone = (status: InventoryPushStatus): string => INVENTORY_STATUS_TONES[status];

  protected setStatus(status: InventoryPushStatus | null): void {
    this.filter.update((f) => ({ ...f, status }));
  }

  protected searchTyped(q: string): void {
    this.pushes.searchTyped(q);
  }
}
