import { Injectable, OnModuleInit } from '@nestjs/common';
import { InventoryMappingInput } from '@ferry/contracts';
import { StockLevel } from '@ferry/cimcloud';
import { MappedRecord, RecordMapper } from '@ferry/mapping';
import { AvailableQuantity, inventoryLevelKey, readAvailableQuantities, resolveSkus, setAvailableQuantities, ShopifyGraphqlClient } from '@ferry/shopify';
import { DbContextRunner } from '../../core/tenancy/db-context-runner';
import { ConnectorClients } from '../connections/connector-clients';
import { LookupTablesService } from '../lookup-tables/lookup-tables.service';
import { MappingVersionsService } from '../mappings/mapping-versions.service';
import { CheckpointStore } from '../sync/checkpoint-store';
import { connectedSystems } from '../sync/connected-systems';
import { ErrorQueue, RecordError } from '../sync/error-queue';
import { FlowRunner, FlowRunRequest, FlowRunResult } from '../sync/flow-runner';
import { FlowRunnerRegistry } from '../sync/flow-runner-registry';
import { MappingSandbox } from '../sync/mapping-sandbox';
import { withTenantLookupTables } from '../sync/tenant-lookup-tables';
import { InventoryLedgerEntry, InventoryLedgerRow, readLedgerRows, stockKey, writeLedgerEntry } from './inventory-ledger';

interface InventoryCursor {
  /** Latest ERP `updated_at` recorded in the ledger (the ERP reads it inclusively). */
  updatedAt: string;
}

/** Checkpoint key of the last full read of the ERP's stock. */
const RECONCILE = 'inventory.reconcile';
/** A full read now and then catches what incremental reads missed and re-matches unmatched levels. */
const RECONCILE_EVERY_MS = 24 * 3600_000;
/** Levels settled per transaction; also Shopify's limit of quantities per inventorySetQuantities call. */
const BATCH = 250;
const STALE = 'CHANGE_FROM_QUANTITY_STALE';
/** A level already recorded at this ERP version with one of these statuses is not looked at again. */
const SETTLED = new Set(['pushed', 'unchanged']);

interface RunCounts {
  read: number;
  written: number;
  skipped: number;
  failed: number;
}

/** One level on its way: its ledger entry, its error (if any) and, while it is to be pushed, its payload. */
interface Outcome {
  level: StockLevel;
  entry: InventoryLedgerEntry;
  error: RecordError | null;
}

interface Push {
  outcome: Outcome;
  inventoryItemId: string;
  locationId: string;
  quantity: number;
  payload: AvailableQuantity;
}

interface RunContext {
  tenantId: string;
  runId: string;
  shopify: ShopifyGraphqlClient;
  mapper: RecordMapper;
  runAt: string;
  /** ERP warehouse code → Shopify location id (the tenant's saved links). */
  locations: Map<string, string>;
  /** SKU → inventory item ids, resolved once per run. */
  skus: Map<string, string[]>;
}

/**
 * Inventory, ERP → Shopify (DESIGN §2.3). Reads stock levels changed since the checkpoint
 * (all of them on the first run and on the periodic reconcile), matches item code → SKU
 * and warehouse → location, maps each level in the sandbox and sets only the quantities
 * that differ from what was last pushed, with changeFromQuantity and @idempotent keys.
 * Every level's fate goes to the ledger with the checkpoint, batch by batch, in one
 * transaction; a crash between a push and its ledger write is harmless, because the re-run
 * finds Shopify already showing the quantity and records it as unchanged.
 */
@Injectable()
export class InventoryFlowRunner extends FlowRunner implements OnModuleInit {
  readonly flow = 'inventory' as const;

  constructor(
    private readonly registry: FlowRunnerRegistry,
    private readonly db: DbContextRunner,
    private readonly clients: ConnectorClients,
    private readonly mappings: MappingVersionsService,
    private readonly lookupTables: LookupTablesService,
    private readonly sandbox: MappingSandbox,
    private readonly checkpoints: CheckpointStore,
    private readonly errors: ErrorQueue,
  ) {
    super();
  }

  onModuleInit(): void {
    this.registry.register(this);
  }

  async run(request: FlowRunRequest): Promise<FlowRunResult> {
    const { tenantId, runId } = request;
    const { shopify, cimcloud } = await connectedSystems(this.clients, tenantId);
    const setup = await this.db.run({ tenantId }, async (m) => ({
      mapping: await this.mappings.active(m, tenantId, 'inventory'),
      lookupTables: await this.lookupTables.tablesForMapping(m, tenantId),
      cursor: await this.checkpoints.read<InventoryCursor>(m, tenantId, 'inventory'),
      reconciled: await this.checkpoints.read<{ at: string }>(m, tenantId, RECONCILE),
      links: (await m.query(
        `select warehouse_code, location_id from location_links where tenant_id = $1 and warehouse_code is not null order by location_name, location_id`,
        [tenantId],
      )) as Array<{ warehouse_code: string; location_id: string }>,
    }));
    const locations = new Map<string, string>();
    // A warehouse linked to several locations shows at the first one by name.
    for (const link of setup.links) if (!locations.has(link.warehouse_code)) locations.set(link.warehouse_code, link.location_id);
    const ctx: RunContext = {
      tenantId,
      runId,
      shopify: shopify.client,
      mapper: this.sandbox.mapperFor(withTenantLookupTables(setup.mapping.definition, setup.lookupTables)),
      runAt: new Date().toISOString(),
      locations,
      skus: new Map(),
    };

    const reconcileDue = !setup.reconciled || Date.now() - Date.parse(setup.reconciled.at) >= RECONCILE_EVERY_MS;
    const full = !request.since && (!setup.cursor || reconcileDue);
    const read = await cimcloud.client.stockSince(request.since ?? (full ? undefined : setup.cursor?.updatedAt));
    const readKeys = new Set(read.items.map((l) => stockKey(l.sku, l.warehouseCode)));
    const retries = (await this.dueRetries(tenantId)).filter((l) => !readKeys.has(stockKey(l.sku, l.warehouseCode)));
    const counts: RunCounts = { read: 0, written: 0, skipped: 0, failed: 0 };
    let cursor = setup.cursor?.updatedAt ?? null;

    const levels = [...retries, ...read.items];
    for (let i = 0; i < levels.length; i += BATCH) {
      // Taken over by another worker (this run's lease lapsed): leave the rest to it.
      request.signal?.throwIfAborted();
      const batch = levels.slice(i, i + BATCH);
      const outcomes = await this.settle(ctx, batch, counts);
      await this.db.run({ tenantId }, async (m) => {
        for (const { entry, error } of outcomes) {
          await writeLedgerEntry(m, tenantId, entry);
          const key = stockKey(entry.itemCode, entry.warehouseCode);
          if (error) await this.errors.record(m, tenantId, 'inventory', key, error);
          else await this.errors.resolve(m, tenantId, 'inventory', key);
        }
        // Levels come in change order: the last one read in this batch bounds what is recorded.
        for (const level of batch) if (readKeys.has(stockKey(level.sku, level.warehouseCode)) && (!cursor || level.updatedAt > cursor)) cursor = level.updatedAt;
        if (cursor) await this.checkpoints.write(m, tenantId, 'inventory', { updatedAt: cursor } satisfies InventoryCursor);
      });
    }
    await this.db.run({ tenantId }, async (m) => {
      if (read.cursor && (!cursor || read.cursor > cursor)) {
        cursor = read.cursor;
        await this.checkpoints.write(m, tenantId, 'inventory', { updatedAt: cursor } satisfies InventoryCursor);
      }
      if (full) await this.checkpoints.write(m, tenantId, RECONCILE, { at: ctx.runAt });
    });
    return { counts, cursorBefore: setup.cursor?.updatedAt ?? null, cursorAfter: cursor };
  }

  /** Levels whose errors a person (or the queue) asked to retry, from what the ledger holds of them. */
  private async dueRetries(tenantId: string): Promise<StockLevel[]> {
    const rows = (await this.db.run({ tenantId }, async (m) => {
      const keys = await this.errors.dueForRetry(m, tenantId, 'inventory', 500);
      if (keys.length === 0) return [];
      return m.query(
        `select item_code, warehouse_code, available, erp_updated_at from inventory_pushes
          where tenant_id = $1 and item_code || '@' || warehouse_code = any($2::text[])`,
        [tenantId, keys],
      );
    })) as Array<Pick<InventoryLedgerRow, 'item_code' | 'warehouse_code' | 'available' | 'erp_updated_at'>>;
    // The ledger keeps the computed available only: it stands in for on hand, with nothing committed.
    return rows.map((r) => ({
      sku: r.item_code,
      warehouseCode: r.warehouse_code,
      onHand: r.available,
      committed: 0,
      available: r.available,
      updatedAt: (r.erp_updated_at ?? new Date(0)).toISOString(),
    }));
  }

  /** Matches, maps and pushes one batch; returns the outcome of every level not already recorded. */
  private async settle(ctx: RunContext, batch: StockLevel[], counts: RunCounts): Promise<Outcome[]> {
    const existing = await this.db.run({ tenantId: ctx.tenantId }, (m) =>
      readLedgerRows(m, ctx.tenantId, batch.map((l) => ({ itemCode: l.sku, warehouseCode: l.warehouseCode }))),
    );
    counts.read += batch.length;
    // The ERP's cursor is inclusive: a level already recorded at this version is a re-read.
    const fresh = batch.filter((l) => {
      const row = existing.get(stockKey(l.sku, l.warehouseCode));
      return !(row && SETTLED.has(row.status) && row.erp_updated_at && row.erp_updated_at.getTime() >= Date.parse(l.updatedAt));
    });
    counts.skipped += batch.length - fresh.length;

    const unknown = [...new Set(fresh.map((l) => l.sku))].filter((sku) => !ctx.skus.has(sku));
    if (unknown.length > 0) {
      const resolved = await resolveSkus(ctx.shopify, unknown);
      for (const sku of unknown) ctx.skus.set(sku, resolved.items.get(sku) ?? []);
    }

    const outcomes: Outcome[] = [];
    const candidates: Array<{ outcome: Outcome; inventoryItemId: string; locationId: string }> = [];
    for (const level of fresh) {
      const outcome: Outcome = { level, entry: baseEntry(level), error: null };
      outcomes.push(outcome);
      const ids = ctx.skus.get(level.sku) ?? [];
      const locationId = ctx.locations.get(level.warehouseCode);
      if (ids.length === 0) {
        fail(outcome, 'sku_not_matched', `No Shopify variant has SKU "${level.sku}".`, { category: 'sku_not_matched', field: 'sku' });
      } else if (ids.length > 1) {
        fail(outcome, 'duplicate_sku', `${ids.length} Shopify variants share SKU "${level.sku}"; Ferry does not guess which one to set. Make the SKU unique.`, {
          category: 'sku_not_matched',
          field: 'sku',
          details: { inventoryItemIds: ids },
        });
      } else if (!locationId) {
        outcome.entry.inventoryItemId = ids[0];
        fail(outcome, 'location_not_matched', `ERP warehouse "${level.warehouseCode}" is not linked to a Shopify location.`, {
          category: 'location_not_matched',
          field: 'warehouse',
        });
      } else {
        candidates.push({ outcome, inventoryItemId: ids[0], locationId });
      }
    }

    const changed: Push[] = [];
    const mapped = await Promise.all(candidates.map((c) => this.map(ctx, c.outcome.level, c.inventoryItemId, c.locationId, undefined)));
    candidates.forEach((c, i) => {
      const push = toPush(c.outcome, mapped[i]);
      if (!push) return;
      // Only a quantity that differs from the last one pushed goes to Shopify.
      if (existing.get(stockKey(c.outcome.level.sku, c.outcome.level.warehouseCode))?.last_pushed_available === push.quantity) inSync(c.outcome, push.quantity);
      else changed.push(push);
    });
    await this.push(ctx, await this.withCurrent(ctx, changed));

    for (const { entry } of outcomes) {
      if (entry.status === 'pushed') counts.written++;
      else if (entry.status === 'unchanged') counts.skipped++;
      else counts.failed++;
    }
    return outcomes;
  }

  /**
   * Reads Shopify's current available of each push and maps it again with it (the mapping
   * decides changeFromQuantity); a level Shopify already shows needs no push.
   */
  private async withCurrent(ctx: RunContext, pushes: Push[]): Promise<Push[]> {
    if (pushes.length === 0) return [];
    const current = await readAvailableQuantities(ctx.shopify, pushes.map((p) => ({ inventoryItemId: p.inventoryItemId, locationId: p.locationId })));
    const ready: Push[] = [];
    const remapped = await Promise.all(
      pushes.map((p) => {
        const available = current.get(inventoryLevelKey(p.inventoryItemId, p.locationId)) ?? null;
        if (available === null || available === p.quantity) return null;
        return this.map(ctx, p.outcome.level, p.inventoryItemId, p.locationId, available);
      }),
    );
    pushes.forEach((p, i) => {
      const available = current.get(inventoryLevelKey(p.inventoryItemId, p.locationId)) ?? null;
      if (available === null) {
        fail(p.outcome, 'failed', `The item is not stocked at Shopify location ${p.locationId}.`, { category: 'shopify_user_error', field: 'locationId' });
        return;
      }
      if (available === p.quantity) return inSync(p.outcome, p.quantity);
      const again = toPush(p.outcome, remapped[i] as MappedRecord);
      if (again) ready.push(again);
    });
    return ready;
  }

  /**
   * Sets the quantities in one call (Shopify applies a call entirely or not at all). On
   * CHANGE_FROM_QUANTITY_STALE the stale levels are read again and the call retried once.
   */
  private async push(ctx: RunContext, pushes: Push[]): Promise<void> {
    let attempt = pushes;
    for (let round = 0; round < 2 && attempt.length > 0; round++) {
      const result = await setAvailableQuantities(
        ctx.shopify,
        attempt.map((p) => p.payload),
        { referenceDocumentUri: `ferry://inventory-runs/${ctx.runId}` },
      );
      if (result.userErrors.length === 0) {
        for (const p of attempt) {
          p.outcome.entry.status = 'pushed';
          p.outcome.entry.syncedAvailable = p.quantity;
        }
        return;
      }
      const general = result.userErrors.find((e) => e.item === null);
      const retry: Push[] = [];
      const stale: Push[] = [];
      for (const p of attempt) {
        const error = result.userErrors.find((e) => e.item === p.payload);
        if (general || round === 1 || (error && error.code !== STALE)) {
          const message = error?.message ?? general?.message ?? 'Not applied: Shopify refused another quantity of the same call.';
          fail(p.outcome, 'failed', message, { category: 'shopify_user_error', field: error?.field?.slice(3).join('.') || null, details: { code: error?.code ?? general?.code ?? null } });
        } else if (error) stale.push(p);
        else retry.push(p);
      }
      attempt = [...retry, ...(await this.withCurrent(ctx, stale))];
    }
  }

  private map(ctx: RunContext, level: StockLevel, inventoryItemId: string, locationId: string, currentAvailable: number | undefined): Promise<MappedRecord> {
    const input: InventoryMappingInput = {
      stock: {
        item_code: level.sku,
        warehouse: level.warehouseCode,
        on_hand: level.onHand,
        committed: level.committed,
        available: level.available,
        updated_at: level.updatedAt,
      },
      inventoryItemId,
      locationId,
      ...(currentAvailable === undefined ? {} : { currentAvailable }),
    };
    return ctx.mapper(input, { runAt: ctx.runAt, defaults: {} });
  }
}

function baseEntry(level: StockLevel): InventoryLedgerEntry {
  return {
    itemCode: level.sku,
    warehouseCode: level.warehouseCode,
    inventoryItemId: null,
    locationId: null,
    available: Math.floor(level.available),
    syncedAvailable: null,
    status: 'pending',
    error: null,
    erpUpdatedAt: level.updatedAt,
  };
}

function fail(outcome: Outcome, status: InventoryLedgerEntry['status'], message: string, error: Omit<RecordError, 'message'>): void {
  outcome.entry.status = status;
  outcome.entry.error = message;
  outcome.error = { ...error, message, details: { itemCode: outcome.level.sku, warehouseCode: outcome.level.warehouseCode, ...error.details } };
}

function inSync(outcome: Outcome, quantity: number): void {
  outcome.entry.status = 'unchanged';
  outcome.entry.syncedAvailable = quantity;
}

/** The mapped quantity as a push, or the level failed with the mapping's error. */
function toPush(outcome: Outcome, mapped: MappedRecord): Push | null {
  const output = mapped.output as Partial<Record<keyof AvailableQuantity, unknown>> | undefined;
  if (!mapped.ok || !output || typeof output.quantity !== 'number' || typeof output.inventoryItemId !== 'string' || typeof output.locationId !== 'string') {
    const { message, error } = mappingError(mapped);
    fail(outcome, 'failed', message, error);
    return null;
  }
  outcome.entry.inventoryItemId = output.inventoryItemId;
  outcome.entry.locationId = output.locationId;
  outcome.entry.available = output.quantity;
  const changeFromQuantity = typeof output.changeFromQuantity === 'number' ? output.changeFromQuantity : null;
  return {
    outcome,
    inventoryItemId: output.inventoryItemId,
    locationId: output.locationId,
    quantity: output.quantity,
    payload: { inventoryItemId: output.inventoryItemId, locationId: output.locationId, quantity: output.quantity, changeFromQuantity },
  };
}

function mappingError(mapped: MappedRecord): { message: string; error: Omit<RecordError, 'message'> } {
  if (mapped.error) {
    const e = mapped.error;
    return {
      message: `${e.message}${e.line !== undefined ? ` (line ${e.line}, column ${e.column})` : ''}`,
      error: { category: 'mapping_error', field: e.field ?? null, details: { code: e.code, value: e.value ?? null } },
    };
  }
  const issues = mapped.issues.length > 0 ? mapped.issues : [{ path: 'quantity', message: 'is missing' }];
  return {
    message: issues.map((i) => i.message).join('; '),
    error: { category: 'validation_error', field: issues[0].path, details: { issues: issues.slice(0, 20) } },
  };
}
