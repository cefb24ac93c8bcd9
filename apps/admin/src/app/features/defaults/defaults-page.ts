import { ChangeDetectionStrategy, Component, inject, viewChild } from '@angular/core';
import { TenantContext } from '../../core/tenant-context';
import { NoTenantNotice } from '../../ui/no-tenant-notice';
import { ErpListsPanel } from './erp-lists-panel';
import { OrderDefaultsForm } from './order-defaults-form';
import { OrderFiltersCard } from './order-filters-card';

/** Default order values (with the ERP's lists) and the order filters. */
@Component({
  selector: 'ferry-defaults-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [NoTenantNotice, ErpListsPanel, OrderDefaultsForm, OrderFiltersCard],
  template: `
    <header class="page-header">
      <div>
        <h1>Defaults</h1>
        @if (tenant.current(); as current) {
          <p class="subtitle">How {{ current.tenantName }}'s Shopify orders become ERP sales orders</p>
        }
      </div>
    </header>
    @if (!tenant.currentId()) {
      <ferry-no-tenant-notice />
    } @else {
      @if (!tenant.can('defaults:write')) {
        <p class="notice" data-testid="read-only">Your role can view the defaults of this tenant but not change them.</p>
      }
      <ferry-erp-lists-panel (refreshed)="defaultsForm()?.reload()" />
      <ferry-order-defaults-form />
      <ferry-order-filters-card />
    }
  `,
})
export class DefaultsPage {
  protected readonly tenant = inject(TenantContext);
  protected readonly defaultsForm = viewChild(OrderDefaultsForm);
}
