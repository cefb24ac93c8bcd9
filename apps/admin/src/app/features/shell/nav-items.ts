import { Scope } from '@ferry/contracts';
import { FerryIcon } from '../../core/icons';

export interface NavItem {
  /** Route path under the shell, also the suffix of the link's `data-testid` (`nav-<path>`). */
  path: string;
  label: string;
  icon: FerryIcon;
  /** What the section does: the link's tooltip. */
  summary: string;
  operatorOnly?: boolean;
  /** Shown only when the role in the current tenant has this scope. */
  scope?: Scope;
}

export interface NavSection {
  title: string;
  items: readonly NavItem[];
}

/** The admin's sections, in navigation order (issue 2 item 7). */
export const NAV_SECTIONS: readonly NavSection[] = [
  {
    title: 'Setup',
    items: [
      {
        path: 'home',
        label: 'Home',
        icon: 'home',
        summary: 'What is set up and what is missing before syncs can run.',
      },
      {
        path: 'connections',
        label: 'Connections',
        icon: 'link',
        summary: 'Connect the Shopify store and CIMcloud, test the credentials and see their health.',
      },
      {
        path: 'defaults',
        label: 'Defaults',
        icon: 'tune',
        summary: 'Default order values applied to every order sent to CIMcloud, and which orders to import.',
      },
      {
        path: 'locations',
        label: 'Locations & SKUs',
        icon: 'place',
        summary: 'Shopify locations linked to ERP warehouses, and how Shopify SKUs match the ERP item master.',
      },
      {
        path: 'lookup-tables',
        label: 'Lookup tables',
        icon: 'table',
        summary: 'Cross-reference tables such as shipping method → ship-via, editable and importable as CSV.',
      },
    ],
  },
  {
    title: 'Integration',
    items: [
      {
        path: 'mappings',
        label: 'Mappings',
        icon: 'swap',
        summary: 'Author, test and publish the field mappings of the orders, shipments and inventory flows.',
      },
      {
        path: 'schedules',
        label: 'Schedules',
        icon: 'schedule',
        summary: 'When each flow runs, and pausing or resuming it.',
        scope: 'schedules:read',
      },
    ],
  },
  {
    title: 'Operations',
    items: [
      {
        path: 'dashboard',
        label: 'Dashboard',
        icon: 'check-circle',
        summary: 'Orders synced per hour, error rate, order latency, throttling and open errors, updated live.',
        scope: 'orders:read',
      },
      {
        path: 'orders',
        label: 'Orders',
        icon: 'cart',
        summary: 'Every order Ferry has seen, its status, and the error queue with retries.',
        scope: 'orders:read',
      },
      {
        path: 'runs',
        label: 'Runs',
        icon: 'history',
        summary: 'The history of flow runs: what was read, sent and skipped, and why.',
        scope: 'runs:read',
      },
    ],
  },
  {
    title: 'Administration',
    items: [
      {
        path: 'users',
        label: 'Users',
        icon: 'people',
        summary: 'The people of this tenant and their roles.',
      },
      {
        path: 'api-keys',
        label: 'API keys',
        icon: 'key',
        summary: 'Keys for partner automation, with scopes, expiry and revocation.',
      },
      {
        path: 'tenants',
        label: 'Tenants',
        icon: 'business',
        summary: 'All tenants of the platform.',
        operatorOnly: true,
      },
      {
        path: 'audit',
        label: 'Audit log',
        icon: 'assignment',
        summary: 'Every change to connections, defaults, links and lookup tables: who, when, what.',
        scope: 'audit:read',
      },
    ],
  },
];

