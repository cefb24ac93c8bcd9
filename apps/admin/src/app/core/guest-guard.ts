import { inject } from '@angular/core';
import { CanActivateFn, Router } from '@angular/router';
import { catchError, map, of } from 'rxjs';
import { Session } from './session';

/** The login page is for people without a session; signed-in people go to the start page. */
export const guestGuard: CanActivateFn = () => {
  const session = inject(Session);
  const router = inject(Router);
  return session.restore().pipe(
    map((signedIn) => (signedIn ? router.createUrlTree(['/']) : true)),
    catchError(() => of(true)),
  );
};
