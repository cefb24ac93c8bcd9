import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { ApiKeySummary, CreateApiKeyRequest, CreatedApiKey, Page } from '@ferry/contracts';
import { Observable } from 'rxjs';
import { apiUrl } from '../../core/api-url';

/** The current tenant's API keys for partner automation. */
@Injectable({ providedIn: 'root' })
export class ApiKeysApi {
  private readonly http = inject(HttpClient);

  list(cursor: string | null): Observable<Page<ApiKeySummary>> {
    const params = cursor ? new HttpParams().set('cursor', cursor) : undefined;
    return this.http.get<Page<ApiKeySummary>>(apiUrl('api-keys'), { params });
  }

  create(request: CreateApiKeyRequest): Observable<CreatedApiKey> {
    return this.http.post<CreatedApiKey>(apiUrl('api-keys'), request);
  }

  revoke(id: string): Observable<void> {
    return this.http.delete<void>(apiUrl(`api-keys/${encodeURIComponent(id)}`));
  }
}
