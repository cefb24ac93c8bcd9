import { inject } from '@angular/core';
import { CanActivateFn, Router } from '@angular/router';
import { catchError, map, of } from 'rxjs';
import { Session } from './session';
import { returnUrlParams } from './start-page';

/** Lets signed-in people through; everyone else goes to the login page, with the way back. */
export const authGuard: CanActivateFn = (_route, state) => {
  const session = inject(Session);
  const router = inject(Router);
  const toLogin = () => router.createUrlTree(['/login'], { queryParams: returnUrlParams(state.url) });
  return session.restore().pipe(
    map((signedIn) => (signedIn ? true : toLogin())),
    catchError(() => of(toLogin())),
  );
};
