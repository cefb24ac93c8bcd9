import { inject } from '@angular/core';
import { CanActivateFn, Router } from '@angular/router';
import { catchError, map, of } from 'rxjs';
import { Session } from './session';

/** Only platform operators reach operator pages (tenant management); others land on the start page. */
export const operatorGuard: CanActivateFn = () => {
  const session = inject(Session);
  const router = inject(Router);
  return session.restore().pipe(
    map((signedIn) => {
      if (!signedIn) return router.createUrlTree(['/login']);
      return session.user()?.isPlatformOperator ? true : router.createUrlTree(['/']);
    }),
    catchError(() => of(router.createUrlTree(['/login']))),
  );
};
