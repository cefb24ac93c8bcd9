import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { AuditEntry, Page } from '@ferry/contracts';
import { Observable } from 'rxjs';
import { apiUrl } from '../../core/api-url';

export const AUDIT_PAGE_SIZE = 50;

/** The current tenant's audit log, newest first. */
@Injectable({ providedIn: 'root' })
export class AuditApi {
  private readonly http = inject(HttpClient);

  list(cursor: string | null, limit = AUDIT_PAGE_SIZE): Observable<Page<AuditEntry>> {
    let params = new HttpParams().set('limit', limit);
    if (cursor) params = params.set('cursor', cursor);
    return this.http.get<Page<AuditEntry>>(apiUrl('audit-log'), { params });
  }
}
