import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { InventoryPushStatus, InventoryPushSummary, Page } from '@ferry/contracts';
import { Observable } from 'rxjs';
import { apiUrl } from '../../core/api-url';

export const INVENTORY_PAGE_SIZE = 50;

/** The inventory ledger: each ERP stock level (item × warehouse) and what became of it in Shopify. */
@Injectable({ providedIn: 'root' })
export class InventoryPushesApi {
  private readonly http = inject(HttpClient);

  list(filter: { status: InventoryPushStatus | null; q: string }, cursor: string | null, limit = INVENTORY_PAGE_SIZE): Observable<Page<InventoryPushSummary>> {
    let params = new HttpParams().set('limit', limit);
    if (filter.status) params = params.set('status', filter.status);
    const q = filter.q.trim();
    if (q) params = params.set('q', q);
    if (cursor) params = params.set('cursor', cursor);
    return this.http.get<Page<InventoryPushSummary>>(apiUrl('inventory-pushes'), { params });
  }
}
