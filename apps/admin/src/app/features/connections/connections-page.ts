import { ChangeDetectionStrategy, Component, computed, DestroyRef, effect, inject, untracked } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { CimcloudConnectionSummary, ConnectionsResponse, ShopifyConnectionSummary } from '@ferry/contracts';
import { LoadedValue } from '../../core/loaded-value';
import { TenantContext } from '../../core/tenant-context';
import { NoTenantNotice } from '../../ui/no-tenant-notice';
import { ProblemMessage } from '../../ui/problem-message';
import { CimcloudConnectionCard } from './cimcloud-connection-card';
import { ConnectionsApi } from './connections-api';
import { ShopifyConnectionCard } from './shopify-connection-card';

/** The tenant's two connections, Shopify and CIMcloud, side by side. */
@Component({
  selector: 'ferry-connections-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatIconModule, MatProgressBarModule, ProblemMessage, NoTenantNotice, ShopifyConnectionCard, CimcloudConnectionCard],
  template: `
    <header class="page-header">
      <div>
        <h1>Connections</h1>
        @if (tenant.current(); as current) {
          <p class="subtitle">The Shopify store and the CIMcloud site {{ current.tenantName }} syncs between</p>
        }
      </div>
    </header>

    @if (!tenant.currentId()) {
      <ferry-no-tenant-notice />
    } @else {
      @if (!canWrite()) {
        <p class="notice" data-testid="read-only">Your role can view this tenant's connections but not change or test them.</p>
      }
      @if (connections.loading()) {
        <mat-progress-bar mode="indeterminate" />
      }
      @if (connections.error(); as problem) {
        <ferry-problem-message [problem]="problem" />
        <button mat-button type="button" (click)="connections.reload()"><mat-icon svgIcon="refresh" /> Try again</button>
      }
      @if (connections.value(); as value) {
        <div class="cards">
          <ferry-shopify-connection-card [connection]="value.shopify" [canWrite]="canWrite()" (changed)="shopifyChanged($event)" />
          <ferry-cimcloud-connection-card [connection]="value.cimcloud" [canWrite]="canWrite()" (changed)="cimcloudChanged($event)" />
        </div>
      }
    }
  `,
  styles: `
    .cards {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(min(100%, 440px), 1fr));
      gap: 24px;
      align-items: start;
    }
  `,
})
export class ConnectionsPage {
  private readonly api = inject(ConnectionsApi);
  protected readonly tenant = inject(TenantContext);
  protected readonly connections = new LoadedValue<ConnectionsResponse>(() => this.api.get());
  protected readonly canWrite = computed(() => this.tenant.can('connections:write'));

  constructor() {
    effect(() => {
      const tenantId = this.tenant.currentId();
      untracked(() => (tenantId ? this.connections.reload() : this.connections.clear()));
    });
    inject(DestroyRef).onDestroy(() => this.connections.destroy());
  }

  protected shopifyChanged(shopify: ShopifyConnectionSummary | null): void {
    this.connections.update((value) => ({ ...value, shopify }));
  }

  protected cimcloudChanged(cimcloud: CimcloudConnectionSummary | null): void {
    this.connections.update((value) => ({ ...value, cimcloud }));
  }
}
