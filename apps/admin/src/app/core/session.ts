import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { computed, inject, Injectable, signal } from '@angular/core';
import { ChangePasswordRequest, LoginRequest, MeResponse } from '@ferry/contracts';
import { catchError, finalize, map, Observable, of, shareReplay, tap, throwError } from 'rxjs';
import { apiUrl } from './api-url';

/**
 * The signed-in person. The session itself is an HTTP-only cookie the browser sends on
 * its own; this only mirrors who that cookie belongs to (`/auth/me`).
 */
@Injectable({ providedIn: 'root' })
export class Session {
  private readonly http = inject(HttpClient);
  private readonly state = signal<MeResponse | null>(null);
  /** Known to have no session (a 401 from `/auth/me`, a logout, an expired session): no need to ask again. */
  private signedOut = false;
  private restoring: Observable<boolean> | null = null;

  readonly me = this.state.asReadonly();
  readonly user = computed(() => this.state()?.user ?? null);
  readonly tenants = computed(() => this.state()?.tenants ?? []);
  readonly isSignedIn = computed(() => this.state() !== null);

  login(request: LoginRequest): Observable<MeResponse> {
    return this.http
      .post<MeResponse>(apiUrl('auth/login'), request)
      .pipe(tap((me) => this.setSignedIn(me)));
  }

  /**
   * Resolves whether a session exists, asking the server once if nothing is known yet.
   * A 401 means "not signed in"; any other failure is passed on.
   */
  restore(): Observable<boolean> {
    if (this.state()) return of(true);
    if (this.signedOut) return of(false);
    if (!this.restoring) {
      this.restoring = this.refresh().pipe(
        map(() => true),
        catchError((error: unknown) => {
          if (error instanceof HttpErrorResponse && error.status === 401) {
            this.signedOut = true;
            return of(false);
          }
          return throwError(() => error);
        }),
        finalize(() => (this.restoring = null)),
        shareReplay({ bufferSize: 1, refCount: false }),
      );
    }
    return this.restoring;
  }

  /** Reloads the person and their tenants (e.g. after an operator created a tenant). */
  refresh(): Observable<MeResponse> {
    return this.http.get<MeResponse>(apiUrl('auth/me')).pipe(tap((me) => this.setSignedIn(me)));
  }

  /** Ends the session on the server; the local state is cleared even if that call fails. */
  logout(): Observable<void> {
    return this.http.post<void>(apiUrl('auth/logout'), null).pipe(
      tap({ next: () => this.clear(), error: () => this.clear() }),
      map(() => undefined),
    );
  }

  changePassword(request: ChangePasswordRequest): Observable<void> {
    return this.http.post<void>(apiUrl('auth/password'), request);
  }

  /** Forgets the person locally, e.g. when the server says the session has expired. */
  clear(): void {
    this.state.set(null);
    this.signedOut = true;
  }

  private setSignedIn(me: MeResponse): void {
    this.state.set(me);
    this.signedOut = false;
  }
}
