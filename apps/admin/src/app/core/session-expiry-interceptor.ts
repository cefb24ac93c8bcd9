import { HttpErrorResponse, HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { catchError, throwError } from 'rxjs';
import { apiUrl, isApiRequest } from './api-url';
import { Session } from './session';
import { returnUrlParams } from './start-page';

/**
 * A 401 from any API call outside `/auth/*` means the session cookie has expired or was
 * revoked: forget the person and go to the login page, coming back here afterwards.
 * `/auth/*` answers its own 401s (wrong password, not signed in) to its callers.
 */
export const sessionExpiryInterceptor: HttpInterceptorFn = (request, next) => {
  const session = inject(Session);
  const router = inject(Router);
  return next(request).pipe(
    catchError((error: unknown) => {
      if (
        error instanceof HttpErrorResponse &&
        error.status === 401 &&
        isApiRequest(request.url) &&
        !request.url.startsWith(apiUrl('auth/'))
      ) {
        session.clear();
        void router.navigate(['/login'], { queryParams: returnUrlParams(router.url) });
      }
      return throwError(() => error);
    }),
  );
};
