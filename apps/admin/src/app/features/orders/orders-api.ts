import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { ErrorCategory, Page, PassThroughOrderDetail, PassThroughOrderSummary, PassThroughStatus } from '@ferry/contracts';
import { Observable } from 'rxjs';
import { apiUrl } from '../../core/api-url';

export const ORDERS_PAGE_SIZE = 50;

/** The orders list's filters; empty ones are left out of the query. Dates are `YYYY-MM-DD`. */
export interface OrdersFilter {
  status: PassThroughStatus | null;
  category: ErrorCategory | null;
  /** Shopify order name, CIMcloud order number or a SKU. */
  q: string;
  /** Created on or after this day. */
  from: string | null;
  /** Created on or before this day (inclusive). */
  to: string | null;
}

export const NO_ORDERS_FILTER: OrdersFilter = { status: null, category: null, q: '', from: null, to: null };

/** The day after `YYYY-MM-DD` (the API's `to` is exclusive; the form's end day is inclusive). */
export function nextDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

/** The pass-through orders ledger (the seed's "Pass Through Orders" view). */
@Injectable({ providedIn: 'root' })
export class OrdersApi {
  private readonly http = inject(HttpClient);

  list(filter: OrdersFilter, cursor: string | null, limit = ORDERS_PAGE_SIZE): Observable<Page<PassThroughOrderSummary>> {
    let params = new HttpParams().set('limit', limit);
    if (filter.status) params = params.set('status', filter.status);
    if (filter.category) params = params.set('category', filter.category);
    const q = filter.q.trim();
    if (q) params = params.set('q', q);
    if (filter.from) params = params.set('from', filter.from);
    if (filter.to) params = params.set('to', nextDay(filter.to));
    if (cursor) params = params.set('cursor', cursor);
    return this.http.get<Page<PassThroughOrderSummary>>(apiUrl('orders'), { params });
  }

  get(id: string): Observable<PassThroughOrderDetail> {
    return this.http.get<PassThroughOrderDetail>(apiUrl(`orders/${encodeURIComponent(id)}`));
  }
}
