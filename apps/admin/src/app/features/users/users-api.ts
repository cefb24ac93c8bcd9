import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { AddUserRequest, AddUserResponse, Page, TenantUser, UpdateMembershipRequest } from '@ferry/contracts';
import { Observable } from 'rxjs';
import { apiUrl } from '../../core/api-url';

export const USERS_PAGE_SIZE = 50;

/** The people of the current tenant (the tenant header is added by the interceptor). */
@Injectable({ providedIn: 'root' })
export class UsersApi {
  private readonly http = inject(HttpClient);

  list(cursor: string | null, limit = USERS_PAGE_SIZE): Observable<Page<TenantUser>> {
    let params = new HttpParams().set('limit', limit);
    if (cursor) params = params.set('cursor', cursor);
    return this.http.get<Page<TenantUser>>(apiUrl('users'), { params });
  }

  add(request: AddUserRequest): Observable<AddUserResponse> {
    return this.http.post<AddUserResponse>(apiUrl('users'), request);
  }

  update(id: string, request: UpdateMembershipRequest): Observable<TenantUser> {
    return this.http.patch<TenantUser>(apiUrl(`users/${encodeURIComponent(id)}`), request);
  }

  remove(id: string): Observable<void> {
    return this.http.delete<void>(apiUrl(`users/${encodeURIComponent(id)}`));
  }
}
