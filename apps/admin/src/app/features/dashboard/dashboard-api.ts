import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { Dashboard } from '@ferry/contracts';
import { Observable } from 'rxjs';
import { apiUrl } from '../../core/api-url';

/** The tenant's sync health per hour (GET /dashboard?hours=N). */
@Injectable({ providedIn: 'root' })
export class DashboardApi {
  private readonly http = inject(HttpClient);

  get(hours: number): Observable<Dashboard> {
    return this.http.get<Dashboard>(apiUrl('dashboard'), { params: new HttpParams().set('hours', hours) });
  }
}
