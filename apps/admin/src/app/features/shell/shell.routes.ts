import { Routes } from '@angular/router';
import { operatorGuard } from '../../core/operator-guard';
import { COMING_SOON_ITEMS } from './nav-items';
import { Shell } from './shell';

/** Everything behind sign-in, inside the toolbar + navigation shell. */
export const shellRoutes: Routes = [
  {
    path: '',
    component: Shell,
    children: [
      { path: '', pathMatch: 'full', redirectTo: 'users' },
      {
        path: 'users',
        title: 'Users · Ferry',
        loadComponent: () => import('../users/users-page').then((m) => m.UsersPage),
      },
      {
        path: 'api-keys',
        title: 'API keys · Ferry',
        loadComponent: () => import('../api-keys/api-keys-page').then((m) => m.ApiKeysPage),
      },
      {
        path: 'tenants',
        title: 'Tenants · Ferry',
        canActivate: [operatorGuard],
        loadComponent: () => import('../tenants/tenants-page').then((m) => m.TenantsPage),
      },
      ...COMING_SOON_ITEMS.map((item) => ({
        path: item.path,
        title: `${item.label} · Ferry`,
        data: { section: item.label, summary: item.summary },
        loadComponent: () => import('../placeholder/coming-soon-page').then((m) => m.ComingSoonPage),
      })),
    ],
  },
];
