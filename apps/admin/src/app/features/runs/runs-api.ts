import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { Flow, Page, RunSummary } from '@ferry/contracts';
import { Observable } from 'rxjs';
import { apiUrl } from '../../core/api-url';

export const RUNS_PAGE_SIZE = 50;

/** The sync runs of the tenant, newest first. */
@Injectable({ providedIn: 'root' })
export class RunsApi {
  private readonly http = inject(HttpClient);

  list(flow: Flow | null, cursor: string | null, limit = RUNS_PAGE_SIZE): Observable<Page<RunSummary>> {
    let params = new HttpParams().set('limit', limit);
    if (flow) params = params.set('flow', flow);
    if (cursor) params = params.set('cursor', cursor);
    return this.http.get<Page<RunSummary>>(apiUrl('runs'), { params });
  }

  get(id: string): Observable<RunSummary> {
    return this.http.get<RunSummary>(apiUrl(`runs/${encodeURIComponent(id)}`));
  }
}
