import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { CreateTenantRequest, Page, TenantSummary } from '@ferry/contracts';
import { Observable } from 'rxjs';
import { apiUrl } from '../../core/api-url';

/** All tenants of the platform (platform operators only). */
@Injectable({ providedIn: 'root' })
export class TenantsApi {
  private readonly http = inject(HttpClient);

  list(cursor: string | null): Observable<Page<TenantSummary>> {
    const params = cursor ? new HttpParams().set('cursor', cursor) : undefined;
    return this.http.get<Page<TenantSummary>>(apiUrl('tenants'), { params });
  }

  create(request: CreateTenantRequest): Observable<TenantSummary> {
    return this.http.post<TenantSummary>(apiUrl('tenants'), request);
  }
}
