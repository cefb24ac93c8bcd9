import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import {
  CimcloudConnectionRequest,
  CimcloudConnectionSummary,
  ConnectionKind,
  ConnectionsResponse,
  ConnectionTestResult,
  ShopifyConnectionRequest,
  ShopifyConnectionSummary,
} from '@ferry/contracts';
import { Observable } from 'rxjs';
import { apiUrl } from '../../core/api-url';

/** The tenant's Shopify and CIMcloud connections. Secrets go in, never come back. */
@Injectable({ providedIn: 'root' })
export class ConnectionsApi {
  private readonly http = inject(HttpClient);

  get(): Observable<ConnectionsResponse> {
    return this.http.get<ConnectionsResponse>(apiUrl('connections'));
  }

  /** Saves, then tests: the answer carries `lastTest`. */
  saveShopify(request: ShopifyConnectionRequest): Observable<ShopifyConnectionSummary> {
    return this.http.put<ShopifyConnectionSummary>(apiUrl('connections/shopify'), request);
  }

  saveCimcloud(request: CimcloudConnectionRequest): Observable<CimcloudConnectionSummary> {
    return this.http.put<CimcloudConnectionSummary>(apiUrl('connections/cimcloud'), request);
  }

  test(kind: ConnectionKind): Observable<ConnectionTestResult> {
    return this.http.post<ConnectionTestResult>(apiUrl(`connections/${kind}/test`), {});
  }

  remove(kind: ConnectionKind): Observable<void> {
    return this.http.delete<void>(apiUrl(`connections/${kind}`));
  }
}
