import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { LookupTableDetail, LookupTableSummary, SaveLookupTableRequest } from '@ferry/contracts';
import { Observable } from 'rxjs';
import { apiUrl } from '../../core/api-url';

/** The tenant's lookup tables (e.g. shipping method → ship-via), also as CSV (`key,value`). */
@Injectable({ providedIn: 'root' })
export class LookupTablesApi {
  private readonly http = inject(HttpClient);

  list(): Observable<LookupTableSummary[]> {
    return this.http.get<LookupTableSummary[]>(apiUrl('lookup-tables'));
  }

  get(id: string): Observable<LookupTableDetail> {
    return this.http.get<LookupTableDetail>(apiUrl(`lookup-tables/${encodeURIComponent(id)}`));
  }

  create(request: SaveLookupTableRequest): Observable<LookupTableDetail> {
    return this.http.post<LookupTableDetail>(apiUrl('lookup-tables'), request);
  }

  save(id: string, request: SaveLookupTableRequest): Observable<LookupTableDetail> {
    return this.http.put<LookupTableDetail>(apiUrl(`lookup-tables/${encodeURIComponent(id)}`), request);
  }

  remove(id: string): Observable<void> {
    return this.http.delete<void>(apiUrl(`lookup-tables/${encodeURIComponent(id)}`));
  }

  exportCsv(id: string): Observable<string> {
    return this.http.get(apiUrl(`lookup-tables/${encodeURIComponent(id)}/csv`), {
      responseType: 'text',
      headers: { accept: 'text/csv' },
    });
  }

  /** Replaces the rows with the CSV's (`key,value` columns). */
  importCsv(id: string, csv: string): Observable<LookupTableDetail> {
    return this.http.put<LookupTableDetail>(apiUrl(`lookup-tables/${encodeURIComponent(id)}/csv`), csv, {
      headers: { 'content-type': 'text/csv' },
    });
  }
}
