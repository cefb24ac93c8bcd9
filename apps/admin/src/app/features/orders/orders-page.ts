import { ChangeDetectionStrategy, Component, effect, inject, input, signal, untracked } from '@angular/core';
import { MatTabsModule } from '@angular/material/tabs';
import { TenantContext } from '../../core/tenant-context';
import { NoTenantNotice } from '../../ui/no-tenant-notice';
import { ErrorsPanel } from './errors-panel';
import { InventoryPanel } from './inventory-panel';
import { OrdersTable } from './orders-table';
import { ShipmentsPanel } from './shipments-panel';

/** The tabs of the monitor, also its `?tab=` query parameter. */
export const ORDERS_TABS = ['orders', 'errors', 'shipments', 'inventory'] as const;

/** The "Pass Through Orders" monitor: every synced order, the error queue, the shipments and the inventory pushes. */
@Component({
  selector: 'ferry-orders-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatTabsModule, NoTenantNotice, OrdersTable, ErrorsPanel, ShipmentsPanel, InventoryPanel],
  template: `
    <header class="page-header">
      <div>
        <h1>Orders</h1>
        @if (tenant.current(); as current) {
          <p class="subtitle">Every Shopify order of {{ current.tenantName }} on its way to the ERP, and the records that did not get through</p>
        }
      </div>
    </header>

    @if (!tenant.currentId()) {
      <ferry-no-tenant-notice />
    } @else {
      <mat-tab-group [selectedIndex]="selected()" (selectedIndexChange)="selected.set($event)" animationDuration="0ms" mat-stretch-tabs="false">
        <mat-tab>
          <ng-template mat-tab-label><span data-testid="orders-tab-orders">Orders</span></ng-template>
          <ferry-orders-table />
        </mat-tab>
        <mat-tab>
          <ng-template mat-tab-label><span data-testid="orders-tab-errors">Errors</span></ng-template>
          <ng-template matTabContent>
            <ferry-errors-panel [initialCategory]="category() ?? null" />
          </ng-template>
        </mat-tab>
        <mat-tab>
          <ng-template mat-tab-label><span data-testid="orders-tab-shipments">Shipments</span></ng-template>
          <ng-template matTabContent>
            <ferry-shipments-panel />
          </ng-template>
        </mat-tab>
        <mat-tab>
          <ng-template mat-tab-label><span data-testid="orders-tab-inventory">Inventory</span></ng-template>
          <ng-template matTabContent>
            <ferry-inventory-panel />
          </ng-template>
        </mat-tab>
      </mat-tab-group>
    }
  `,
  styles: `
    ferry-orders-table, ferry-errors-panel, ferry-shipments-panel, ferry-inventory-panel { display: block; padding-top: 16px; }
  `,
})
export class OrdersPage {
  protected readonly tenant = inject(TenantContext);
  /** Query parameter: `errors`, `shipments` or `inventory` opens that tab (`/orders?tab=errors`). */
  readonly tab = input<string | undefined>(undefined);
  /** Query parameter: opens the errors tab filtered to this category (the dashboard links here). */
  readonly category = input<string | undefined>(undefined);
  protected readonly selected = signal(0);

  constructor() {
    effect(() => {
      const index = ORDERS_TABS.indexOf(this.tab() as (typeof ORDERS_TABS)[number]);
      untracked(() => this.selected.set(Math.max(0, index)));
    });
  }
}
