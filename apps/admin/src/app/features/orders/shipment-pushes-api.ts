import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { Page, ShipmentPushStatus, ShipmentPushSummary } from '@ferry/contracts';
import { Observable } from 'rxjs';
import { apiUrl } from '../../core/api-url';

export const SHIPMENTS_PAGE_SIZE = 50;

export interface ShipmentPushesFilter {
  status: ShipmentPushStatus | null;
  /** An exact ERP order number, invoice number or tracking number. */
  search: string;
}

/** The shipments ledger: each ERP shipment package and the Shopify fulfillment made of it. */
@Injectable({ providedIn: 'root' })
export class ShipmentPushesApi {
  private readonly http = inject(HttpClient);

  list(filter: ShipmentPushesFilter, cursor: string | null, limit = SHIPMENTS_PAGE_SIZE): Observable<Page<ShipmentPushSummary>> {
    let params = new HttpParams().set('limit', limit);
    if (filter.status) params = params.set('status', filter.status);
    const search = filter.search.trim();
    if (search) params = params.set('search', search);
    if (cursor) params = params.set('cursor', cursor);
    return this.http.get<Page<ShipmentPushSummary>>(apiUrl('shipment-pushes'), { params });
  }
}
