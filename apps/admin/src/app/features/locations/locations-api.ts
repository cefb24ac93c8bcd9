import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { LocationLinksResponse, SaveLocationLinksRequest, SkuReport } from '@ferry/contracts';
import { Observable } from 'rxjs';
import { apiUrl } from '../../core/api-url';

/** Shopify location ↔ ERP warehouse links, and the SKU match report. */
@Injectable({ providedIn: 'root' })
export class LocationsApi {
  private readonly http = inject(HttpClient);

  links(): Observable<LocationLinksResponse> {
    return this.http.get<LocationLinksResponse>(apiUrl('location-links'));
  }

  saveLinks(request: SaveLocationLinksRequest): Observable<LocationLinksResponse> {
    return this.http.put<LocationLinksResponse>(apiUrl('location-links'), request);
  }

  skuReport(): Observable<SkuReport> {
    return this.http.get<SkuReport>(apiUrl('sku-report'));
  }

  skuReportCsv(): Observable<string> {
    return this.http.get(apiUrl('sku-report.csv'), { responseType: 'text', headers: { accept: 'text/csv' } });
  }
}
