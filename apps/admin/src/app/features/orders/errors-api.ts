import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { BulkErrorActionRequest, BulkErrorActionResponse, ErrorCategory, Flow, Page, RecordErrorSummary } from '@ferry/contracts';
import { Observable } from 'rxjs';
import { apiUrl } from '../../core/api-url';

export const ERRORS_PAGE_SIZE = 50;

export interface ErrorsFilter {
  flow: Flow | null;
  category: ErrorCategory | null;
}

export type ErrorAction = 'retry' | 'skip';

/** The error queue: records that did not go through, retried or skipped one by one or in bulk. */
@Injectable({ providedIn: 'root' })
export class ErrorsApi {
  private readonly http = inject(HttpClient);

  /** Open errors matching the filter, newest first. */
  list(filter: ErrorsFilter, cursor: string | null, limit = ERRORS_PAGE_SIZE): Observable<Page<RecordErrorSummary>> {
    let params = new HttpParams().set('state', 'open').set('limit', limit);
    if (filter.flow) params = params.set('flow', filter.flow);
    if (filter.category) params = params.set('category', filter.category);
    if (cursor) params = params.set('cursor', cursor);
    return this.http.get<Page<RecordErrorSummary>>(apiUrl('errors'), { params });
  }

  act(id: string, action: ErrorAction): Observable<RecordErrorSummary> {
    return this.http.post<RecordErrorSummary>(apiUrl(`errors/${encodeURIComponent(id)}/${action}`), {});
  }

  /** Every open error matching the filter; `dryRun` only counts them. */
  bulk(action: ErrorAction, filter: ErrorsFilter, dryRun: boolean): Observable<BulkErrorActionResponse> {
    const body: BulkErrorActionRequest = { dryRun };
    if (filter.flow) body.flow = filter.flow;
    if (filter.category) body.category = filter.category;
    return this.http.post<BulkErrorActionResponse>(apiUrl(`errors/${action}`), body);
  }
}
