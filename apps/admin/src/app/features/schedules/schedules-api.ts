import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { BackfillRequest, Flow, RunNowResponse, ScheduleSummary, UpdateScheduleRequest } from '@ferry/contracts';
import { Observable } from 'rxjs';
import { apiUrl } from '../../core/api-url';

/** When each flow runs: interval or cron, pause/resume, run now, and the orders backfill. */
@Injectable({ providedIn: 'root' })
export class SchedulesApi {
  private readonly http = inject(HttpClient);

  list(): Observable<ScheduleSummary[]> {
    return this.http.get<ScheduleSummary[]>(apiUrl('schedules'));
  }

  update(flow: Flow, change: UpdateScheduleRequest): Observable<ScheduleSummary> {
    return this.http.patch<ScheduleSummary>(apiUrl(`schedules/${flow}`), change);
  }

  runNow(flow: Flow): Observable<RunNowResponse> {
    return this.http.post<RunNowResponse>(apiUrl(`schedules/${flow}/run`), {});
  }

  /** Reads every order updated since `since` (an ISO date) again; 409 while a run is already waiting. */
  backfill(since: string): Observable<RunNowResponse> {
    const body: BackfillRequest = { since };
    return this.http.post<RunNowResponse>(apiUrl('schedules/orders/backfill'), body);
  }
}
