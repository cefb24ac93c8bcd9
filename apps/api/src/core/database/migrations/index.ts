import { Foundation1764201600000 } from './1764201600000-foundation';
import { TenantDataKeys1764288000000 } from './1764288000000-tenant-data-keys';
import { SchedulesAndRuns1764374400000 } from './1764374400000-schedules-and-runs';
import { TenantSetup1764460800000 } from './1764460800000-tenant-setup';
import { SyncLedgers1764547200000 } from './1764547200000-sync-ledgers';
import { ShipmentAndInventoryLedgers1764633600000 } from './1764633600000-shipment-and-inventory-ledgers';
import { RunProgress1764720000000 } from './1764720000000-run-progress';
import { MetricsReader1764806400000 } from './1764806400000-metrics-reader';
import { MappingDrafts1764892800000 } from './1764892800000-mapping-drafts';
import { DashboardIndexes1764979200000 } from './1764979200000-dashboard-indexes';
import { RunLeases1765065600000 } from './1765065600000-run-leases';
import { LedgerSearchIndexes1765152000000 } from './1765152000000-ledger-search-indexes';
import { ShipmentSearchIndexes1765238400000 } from './1765238400000-shipment-search-indexes';

/** Every migration, in order. New ones are appended here. */
export const MIGRATIONS = [Foundation1764201600000, TenantDataKeys1764288000000, SchedulesAndRuns1764374400000, TenantSetup1764460800000, SyncLedgers1764547200000, ShipmentAndInventoryLedgers1764633600000, RunProgress1764720000000, MetricsReader1764806400000, MappingDrafts1764892800000, DashboardIndexes1764979200000, RunLeases1765065600000, LedgerSearchIndexes1765152000000, ShipmentSearchIndexes1765238400000];
