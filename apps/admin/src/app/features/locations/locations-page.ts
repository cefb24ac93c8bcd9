import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { TenantContext } from '../../core/tenant-context';
import { NoTenantNotice } from '../../ui/no-tenant-notice';
import { LocationLinksPanel } from './location-links-panel';
import { SkuReportPanel } from './sku-report-panel';

/** What matches between Shopify and the ERP: locations ↔ warehouses, and SKUs ↔ item codes. */
@Component({
  selector: 'ferry-locations-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [NoTenantNotice, LocationLinksPanel, SkuReportPanel],
  template: `
    <header class="page-header">
      <div>
        <h1>Locations &amp; SKUs</h1>
        @if (tenant.current(); as current) {
          <p class="subtitle">What matches between {{ current.tenantName }}'s Shopify store and its ERP</p>
        }
      </div>
    </header>
    @if (!tenant.currentId()) {
      <ferry-no-tenant-notice />
    } @else {
      @if (!tenant.can('connections:write')) {
        <p class="notice" data-testid="read-only">Your role can view the links of this tenant but not change them.</p>
      }
      <ferry-location-links-panel />
      <ferry-sku-report-panel />
    }
  `,
})
export class LocationsPage {
  protected readonly tenant = inject(TenantContext);
}
