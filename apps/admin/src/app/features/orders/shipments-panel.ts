import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import { SHIPMENT_PUSH_STATUSES, ShipmentPushStatus } from '@ferry/contracts';
import { FilteredPagedList } from '../../core/filtered-paged-list';
import { ProblemMessage } from '../../ui/problem-message';
import { SHIPMENT_STATUS_LABELS, SHIPMENT_STATUS_TONES } from './order-format';
import { SEARCH_DEBOUNCE_MS } from './orders-table';
import { ShipmentPushesApi, ShipmentPushesFilter } from './shipment-pushes-api';

/** Shipments: every ERP shipment package, the Shopify fulfillment made of it with its tracking, and the ones that failed. */
@Component({
  selector: 'ferry-shipments-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, RouterLink, MatButtonModule, MatFormFieldModule, MatIconModule, MatInputModule, MatProgressBarModule, MatSelectModule, MatTableModule, ProblemMessage],
  templateUrl: './shipments-panel.html',
  styles: `
    .spacer { flex: 1; }
    .search { width: 280px; }
    .muted { color: var(--mat-sys-on-surface-variant); }
    .error { max-width: 320px; overflow-wrap: anywhere; color: var(--mat-sys-error); }
  `,
})
export class ShipmentsPanel {
  private readonly api = inject(ShipmentPushesApi);
  private readonly pushes = new FilteredPagedList({ status: null, search: '' } as ShipmentPushesFilter, 'search', SEARCH_DEBOUNCE_MS, (filter, cursor) =>
    this.api.list(filter, cursor),
  );
  protected readonly filter = this.pushes.filter;
  protected readonly list = this.pushes.list;
  protected readonly columns = ['status', 'order', 'tracking', 'carrier', 'package', 'pushed', 'error'];
  protected readonly statuses = SHIPMENT_PUSH_STATUSES;
  protected readonly statusLabel = (status: ShipmentPushStatus): string => SHIPMENT_STATUS_LABELS[status];
  protected readonly tone = (status: ShipmentPushStatus): string => SHIPMENT_STATUS_TONES[status];

  protected setStatus(status: ShipmentPushStatus | null): void {
    this.filter.update((f) => ({ ...f, status }));
  }

  protected searchTyped(search: string): void {
    this.pushes.searchTyped(search);
  }
}
