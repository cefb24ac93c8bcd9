import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { OrderDefaults, OrderDefaultsResponse, OrderFilters } from '@ferry/contracts';
import { Observable } from 'rxjs';
import { apiUrl } from '../../core/api-url';

/** Default order values and order filters of the current tenant. */
@Injectable({ providedIn: 'root' })
export class DefaultsApi {
  private readonly http = inject(HttpClient);

  getDefaults(): Observable<OrderDefaultsResponse> {
    return this.http.get<OrderDefaultsResponse>(apiUrl('order-defaults'));
  }

  saveDefaults(values: OrderDefaults): Observable<OrderDefaultsResponse> {
    return this.http.put<OrderDefaultsResponse>(apiUrl('order-defaults'), values);
  }

  getFilters(): Observable<OrderFilters> {
    return this.http.get<OrderFilters>(apiUrl('order-filters'));
  }

  saveFilters(filters: OrderFilters): Observable<OrderFilters> {
    return this.http.put<OrderFilters>(apiUrl('order-filters'), filters);
  }
}
