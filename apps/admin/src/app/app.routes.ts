import { Routes } from '@angular/router';
import { authGuard } from './core/auth-guard';
import { guestGuard } from './core/guest-guard';

export const appRoutes: Routes = [
  {
    path: 'login',
    title: 'Sign in · Ferry',
    canActivate: [guestGuard],
    loadComponent: () => import('./features/login/login-page').then((m) => m.LoginPage),
  },
  {
    path: '',
    canActivate: [authGuard],
    loadChildren: () => import('./features/shell/shell.routes').then((m) => m.shellRoutes),
  },
  { path: '**', redirectTo: '' },
];
