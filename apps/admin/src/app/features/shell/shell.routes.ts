import { Routes } from '@angular/router';
import { operatorGuard } from '../../core/operator-guard';
import { Shell } from './shell';

/** Everything behind sign-in, inside the toolbar + navigation shell. */
export const shellRoutes: Routes = [
  {
    path: '',
    component: Shell,
    children: [
      { path: '', pathMatch: 'full', redirectTo: 'home' },
      {
        path: 'home',
        title: 'Home · Ferry',
        loadComponent: () => import('../home/home-page').then((m) => m.HomePage),
      },
      {
        path: 'connections',
        title: 'Connections · Ferry',
        loadComponent: () => import('../connections/connections-page').then((m) => m.ConnectionsPage),
      },
      {
        path: 'defaults',
        title: 'Defaults · Ferry',
        loadComponent: () => import('../defaults/defaults-page').then((m) => m.DefaultsPage),
      },
      {
        path: 'locations',
        title: 'Locations & SKUs · Ferry',
        loadComponent: () => import('../locations/locations-page').then((m) => m.LocationsPage),
      },
      {
        path: 'lookup-tables',
        title: 'Lookup tables · Ferry',
        loadComponent: () => import('../lookup-tables/lookup-tables-page').then((m) => m.LookupTablesPage),
      },
      {
        path: 'lookup-tables/:tableId',
        title: 'Lookup table · Ferry',
        loadComponent: () => import('../lookup-tables/lookup-table-editor').then((m) => m.LookupTableEditor),
      },
      { path: 'mappings', pathMatch: 'full', redirectTo: 'mappings/orders' },
      {
        path: 'mappings/:flow',
        title: 'Mappings · Ferry',
        loadComponent: () => import('../mappings/mappings-page').then((m) => m.MappingsPage),
      },
      {
        path: 'schedules',
        title: 'Schedules · Ferry',
        loadComponent: () => import('../schedules/schedules-page').then((m) => m.SchedulesPage),
      },
      {
        path: 'orders',
        title: 'Orders · Ferry',
        loadComponent: () => import('../orders/orders-page').then((m) => m.OrdersPage),
      },
      {
        path: 'orders/:orderId',
        title: 'Order · Ferry',
        loadComponent: () => import('../orders/order-page').then((m) => m.OrderPage),
      },
      {
        path: 'dashboard',
        title: 'Dashboard · Ferry',
        loadComponent: () => import('../dashboard/dashboard-page').then((m) => m.DashboardPage),
      },
      {
        path: 'runs',
        title: 'Runs · Ferry',
        loadComponent: () => import('../runs/runs-page').then((m) => m.RunsPage),
      },
      {
        path: 'audit',
        title: 'Audit log · Ferry',
        loadComponent: () => import('../audit/audit-page').then((m) => m.AuditPage),
      },
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
    ],
  },
];
