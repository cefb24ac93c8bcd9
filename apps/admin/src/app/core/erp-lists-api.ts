import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { ErpListEntry, ErpListKind, ErpListSummary } from '@ferry/contracts';
import { Observable } from 'rxjs';
import { apiUrl } from './api-url';

/** The ERP's own lists (customers, terms, warehouses, …), cached by the API per tenant. */
@Injectable({ providedIn: 'root' })
export class ErpListsApi {
  private readonly http = inject(HttpClient);

  summaries(): Observable<ErpListSummary[]> {
    return this.http.get<ErpListSummary[]>(apiUrl('erp-lists'));
  }

  /** Entries whose code or description contains `q` (all when empty), for choices. */
  search(kind: ErpListKind, q: string, limit = 20): Observable<ErpListEntry[]> {
    let params = new HttpParams().set('limit', limit);
    if (q) params = params.set('q', q);
    return this.http.get<ErpListEntry[]>(apiUrl(`erp-lists/${kind}`), { params });
  }

  /** Reads the lists again from the ERP (within CIMcloud's call budget). */
  refresh(): Observable<ErpListSummary[]> {
    return this.http.post<ErpListSummary[]>(apiUrl('erp-lists/refresh'), {});
  }
}
