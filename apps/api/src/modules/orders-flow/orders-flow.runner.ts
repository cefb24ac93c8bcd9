import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { DEFAULT_ORDER_FILTERS, OrderDefaults, OrderFilters } from '@ferry/contracts';
import { CimcloudClient, CimcloudError, CimcloudRejectedError, PassthroughOrderPayload } from '@ferry/cimcloud';
import { MappedRecord } from '@ferry/mapping';
import { readOrdersUpdatedSince, ShopifyOrder } from '@ferry/shopify';
import { EntityManager } from 'typeorm';
import { FerryConfig } from '../../core/config/ferry-config';
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
import { PermanentRunError } from '../sync/permanent-run-error';
import { withTenantLookupTables } from '../sync/tenant-lookup-tables';
import { FilterableOrder, skipReason } from './order-filter';
import { LedgerEntry, writeLedgerEntry } from './orders-ledger';

interface OrdersCursor {
  /** Highest Shopify updatedAt recorded in the ledger. */
  watermark: string;
}

/** Checkpoint key of the last read of ERP import results (they are polled at most every ORDERS_IMPORT_CHECK_SECONDS). */
const IMPORT_CHECKS = 'orders.imports';
/** Without a checkpoint, the first run reads the last day; older orders come through a backfill. */
const FIRST_RUN_LOOKBACK_MS = 24 * 3600_000;
/**
 * First Shopify page of a webhook-triggered run: with a short overlap such a run usually
 * finds a handful of orders, and a small page asks for ~300 cost points instead of ~950
 * (see readOrdersUpdatedSince).
 */
const WEBHOOK_FIRST_PAGE = 3;
/**
 * Overlap window of a webhook-triggered run. Such runs follow one another seconds apart,
 * and re-reading the full window (ORDERS_OVERLAP_SECONDS) each time re-read ~100 orders per
 * run at 4 orders/s, spending Shopify's cost bucket on orders already recorded. Shopify's
 * search lags by seconds; the scheduled runs keep the full window as the safety net.
 */
const WEBHOOK_OVERLAP_SECONDS = 10;
/** Orders sent to CIMcloud per batch (the connector packs 10 per call). */
const SEND_BATCH = 100;

interface RunCounts {
  read: number;
  written: number;
  skipped: number;
  failed: number;
}

/**
 * Orders, Shopify → CIMcloud (DESIGN §2.1). Reads orders updated since the checkpoint,
 * filters and maps each one in the sandbox, and records every order's fate in the ledger
 * together with the checkpoint, page by page, in one transaction. Then it sends every
 * ledger row still waiting (this run's and any a crash left behind; CIMcloud updates on
 * re-post by order number, so a resend is harmless) and reads back ERP import results.
 */
@Injectable()
export class OrdersFlowRunner extends FlowRunner implements OnModuleInit {
  readonly flow = 'orders' as const;
  private readonly logger = new Logger(OrdersFlowRunner.name);

  constructor(
    private readonly registry: FlowRunnerRegistry,
    private readonly db: DbContextRunner,
    private readonly clients: ConnectorClients,
    private readonly mappings: MappingVersionsService,
    private readonly lookupTables: LookupTablesService,
    private readonly sandbox: MappingSandbox,
    private readonly checkpoints: CheckpointStore,
    private readonly errors: ErrorQueue,
    private readonly config: FerryConfig,
  ) {
    super();
  }

  onModuleInit(): void {
    this.registry.register(this);
  }

  async run(request: FlowRunRequest): Promise<FlowRunResult> {
    const { tenantId, runId } = request;
    const { shopify, cimcloud } = await connectedSystems(this.clients, tenantId);
    const setup = await this.db.run({ tenantId }, async (m) => {
      const settings = ((await m.query('select defaults, filters from order_settings where tenant_id = $1', [tenantId])) as Array<{
        defaults: OrderDefaults | null;
        filters: OrderFilters | null;
      }>)[0];
      return {
        mapping: await this.mappings.active(m, tenantId, 'orders'),
        lookupTables: await this.lookupTables.tablesForMapping(m, tenantId),
        defaults: settings?.defaults ?? null,
        filters: settings?.filters ?? DEFAULT_ORDER_FILTERS,
        cursor: await this.checkpoints.read<OrdersCursor>(m, tenantId, 'orders'),
      };
    });
    if (!setup.defaults) throw new PermanentRunError('Set the default order values first (customer number and division).');
    const mapper = this.sandbox.mapperFor(withTenantLookupTables(setup.mapping.definition, setup.lookupTables));
    const context = { defaults: setup.defaults, runAt: new Date().toISOString() };
    const since = request.since ?? setup.cursor?.watermark ?? new Date(Date.now() - FIRST_RUN_LOOKBACK_MS).toISOString();
    const counts: RunCounts = { read: 0, written: 0, skipped: 0, failed: 0 };
    let watermark = setup.cursor?.watermark ?? null;

    await this.retryDue(tenantId, runId, setup.mapping.id, setup.filters, mapper, context, counts);

    for await (const page of readOrdersUpdatedSince(shopify.client, {
      since,
      overlapMs: (request.trigger === 'webhook' ? Math.min(WEBHOOK_OVERLAP_SECONDS, this.config.ORDERS_OVERLAP_SECONDS) : this.config.ORDERS_OVERLAP_SECONDS) * 1000,
      firstPageSize: request.trigger === 'webhook' ? WEBHOOK_FIRST_PAGE : undefined,
    })) {
      request.signal?.throwIfAborted();
      const outcomes = await Promise.all(
        page.orders.map(async (order, i) => {
          const raw = page.rawOrders[i];
          const reason = skipReason(raw as FilterableOrder, setup.filters);
          return { order, raw, reason, mapped: reason ? null : await mapper(raw, context) };
        }),
      );
      await this.db.run({ tenantId }, async (m) => {
        for (const { order, raw, reason, mapped } of outcomes) {
          counts.read++;
          const entry = ledgerEntry(order, raw, reason, mapped, setup.mapping.id, runId);
          const written = await writeLedgerEntry(m, tenantId, entry);
          if (written !== 'written') continue;
          if (entry.status === 'skipped') counts.skipped++;
          if (entry.status === 'failed') {
            counts.failed++;
            await this.errors.record(m, tenantId, 'orders', order.id, mappingError(mapped as MappedRecord));
          } else {
            await this.errors.resolve(m, tenantId, 'orders', order.id);
          }
        }
        // Moves only with the ledger rows it covers: same transaction.
        if (page.watermark && (!watermark || page.watermark > watermark)) watermark = page.watermark;
        if (watermark) await this.checkpoints.write(m, tenantId, 'orders', { watermark } satisfies OrdersCursor);
      });
      if (request.trigger === 'backfill' && request.reportProgress) await request.reportProgress({ done: counts.read, fraction: spanCovered(since, page.watermark) });
    }
    if (request.trigger === 'backfill' && request.reportProgress) await request.reportProgress({ done: counts.read, fraction: 1 });

    counts.written += await this.sendPending(tenantId, cimcloud.client, counts, request.signal);
    await this.followImports(tenantId, cimcloud.client);
    return { counts, cursorBefore: setup.cursor?.watermark ?? null, cursorAfter: watermark };
  }

  /**
   * Orders whose errors are due for a retry are mapped again from their stored source with
   * the current mapping, defaults and lookup tables, then sent with the rest.
   */
  private async retryDue(
    tenantId: string,
    runId: string,
    mappingVersionId: string,
    filters: OrderFilters,
    mapper: (input: unknown, context: { defaults: OrderDefaults; runAt: string }) => Promise<MappedRecord>,
    context: { defaults: OrderDefaults; runAt: string },
    counts: RunCounts,
  ): Promise<void> {
    const due = (await this.db.run({ tenantId }, async (m) => {
      const keys = await this.errors.dueForRetry(m, tenantId, 'orders', 500);
      if (keys.length === 0) return [];
      return m.query(
        `select shopify_order_id as id, shopify_order_name as name, shopify_created_at as "createdAt", shopify_updated_at as "updatedAt", source_payload
           from pass_through_orders where tenant_id = $1 and shopify_order_id = any($2::text[])`,
        [tenantId, keys],
      );
    })) as Array<{ id: string; name: string; createdAt: Date; updatedAt: Date; source_payload: unknown }>;
    if (due.length === 0) return;
    const outcomes = await Promise.all(
      due.map(async (row) => {
        const reason = skipReason(row.source_payload as FilterableOrder, filters);
        return { row, reason, mapped: reason ? null : await mapper(row.source_payload, context) };
      }),
    );
    await this.db.run({ tenantId }, async (m) => {
      for (const { row, reason, mapped } of outcomes) {
        const order = { id: row.id, name: row.name, createdAt: row.createdAt.toISOString(), updatedAt: row.updatedAt.toISOString() } as ShopifyOrder;
        const entry = ledgerEntry(order, row.source_payload, reason, mapped, mappingVersionId, runId);
        await writeLedgerEntry(m, tenantId, entry, { retry: true });
        if (entry.status === 'failed') {
          counts.failed++;
          await this.errors.record(m, tenantId, 'orders', row.id, mappingError(mapped as MappedRecord));
        } else {
          await this.errors.resolve(m, tenantId, 'orders', row.id);
        }
      }
    });
  }

  /** Sends every ledger row waiting to be sent; returns how many CIMcloud accepted. */
  private async sendPending(tenantId: string, client: CimcloudClient, counts: RunCounts, signal?: AbortSignal): Promise<number> {
    let accepted = 0;
    for (;;) {
      // Another worker took this run over (its lease lapsed): leave the rest to it.
      signal?.throwIfAborted();
      const pending = (await this.db.run({ tenantId }, (m) =>
        m.query(
          `select shopify_order_id, order_number, mapped_payload from pass_through_orders
            where tenant_id = $1 and status = 'mapped' order by created_at limit $2`,
          [tenantId, SEND_BATCH],
        ),
      )) as Array<{ shopify_order_id: string; order_number: string; mapped_payload: PassthroughOrderPayload }>;
      if (pending.length === 0) return accepted;
      // A transient CIMcloud failure (after the connector's own retries) fails the run: the
      // rows stay 'mapped' and the retried job sends them.
      const outcomes = await client.sendOrders(pending.map((p) => p.mapped_payload));
      await this.db.run({ tenantId }, async (m) => {
        for (const row of pending) {
          const outcome = outcomes.find((o) => o.orderNumber === row.order_number);
          if (!outcome || outcome.result !== 'rejected') {
            accepted++;
            await m.query(`update pass_through_orders set status = 'sent', sent_at = now(), updated_at = now() where tenant_id = $1 and shopify_order_id = $2`, [
              tenantId,
              row.shopify_order_id,
            ]);
          } else {
            counts.failed++;
            await this.markFailed(m, tenantId, row.shopify_order_id, 'failed', outcome.error.message);
            await this.errors.record(m, tenantId, 'orders', row.shopify_order_id, rejection(outcome.error));
          }
        }
      });
    }
  }

  /** ERP import results of the orders sent and not yet settled (DESIGN §2.1 step 6). */
  private async followImports(tenantId: string, client: CimcloudClient): Promise<void> {
    const due = await this.db.run({ tenantId }, async (m) => {
      const last = await this.checkpoints.read<{ checkedAt: string }>(m, tenantId, IMPORT_CHECKS);
      if (last && Date.now() - Date.parse(last.checkedAt) < this.config.ORDERS_IMPORT_CHECK_SECONDS * 1000) return false;
      await this.checkpoints.write(m, tenantId, IMPORT_CHECKS, { checkedAt: new Date().toISOString() });
      return true;
    });
    if (!due) return;
    const sent = (await this.db.run({ tenantId }, (m) =>
      m.query(`select shopify_order_id, order_number from pass_through_orders where tenant_id = $1 and status = 'sent' order by sent_at limit 500`, [tenantId]),
    )) as Array<{ shopify_order_id: string; order_number: string }>;
    if (sent.length === 0) return;
    let statuses;
    try {
      statuses = await client.importStatuses(sent.map((s) => s.order_number));
    } catch (error) {
      // The orders are in CIMcloud; their import results are read again next run.
      if (error instanceof CimcloudError && error.retryable) {
        this.logger.warn({ tenantId, err: error.message }, 'Import statuses not read this run');
        return;
      }
      throw error;
    }
    await this.db.run({ tenantId }, async (m) => {
      for (const row of sent) {
        const status = statuses.get(row.order_number);
        if (!status || status.status === 'queued' || status.status === 'pending') continue;
        if (status.status === 'imported') {
          await m.query(
            `update pass_through_orders set status = 'imported', erp_sales_order_no = $3, imported_at = now(), updated_at = now() where tenant_id = $1 and shopify_order_id = $2`,
            [tenantId, row.shopify_order_id, status.salesOrderNo ?? null],
          );
          await this.errors.resolve(m, tenantId, 'orders', row.shopify_order_id);
        } else {
          const byErp = status.errorSource !== 'api';
          await this.markFailed(m, tenantId, row.shopify_order_id, byErp ? 'import_failed' : 'failed', status.error ?? 'rejected');
          await this.errors.record(m, tenantId, 'orders', row.shopify_order_id, {
            category: byErp ? 'erp_import_failed' : 'cimcloud_rejected',
            message: status.error ?? 'The ERP did not import the order.',
            field: status.errorPath ?? status.errorField ?? null,
            details: { orderNumber: row.order_number, erpField: status.errorField ?? null },
          });
        }
      }
    });
  }

  private async markFailed(m: EntityManager, tenantId: string, shopifyOrderId: string, status: 'failed' | 'import_failed', message: string): Promise<void> {
    await m.query(`update pass_through_orders set status = $3, erp_error = $4, updated_at = now() where tenant_id = $1 and shopify_order_id = $2`, [
      tenantId,
      shopifyOrderId,
      status,
      message.slice(0, 2000),
    ]);
  }
}

/** Share of the period from `since` to now that a read up to `watermark` has covered. */
function spanCovered(since: string, watermark: string | null): number | null {
  if (!watermark) return null;
  const start = Date.parse(since);
  const span = Date.now() - start;
  return span > 0 ? Math.min(1, Math.max(0, (Date.parse(watermark) - start) / span)) : null;
}

function ledgerEntry(order: ShopifyOrder, raw: unknown, reason: string | null, mapped: MappedRecord | null, mappingVersionId: string, runId: string): LedgerEntry {
  const output = mapped?.output as { order_number?: unknown } | undefined;
  return {
    shopifyOrderId: order.id,
    shopifyOrderName: order.name,
    shopifyCreatedAt: order.createdAt,
    shopifyUpdatedAt: order.updatedAt,
    status: reason ? 'skipped' : mapped?.ok ? 'mapped' : 'failed',
    skipReason: reason,
    orderNumber: typeof output?.order_number === 'string' ? output.order_number : null,
    sourcePayload: raw,
    mappedPayload: mapped?.output ?? null,
    mappingVersionId,
    runId,
  };
}

function mappingError(mapped: MappedRecord): RecordError {
  if (mapped.error) {
    const e = mapped.error;
    return {
      category: 'mapping_error',
      message: `${e.message}${e.line !== undefined ? ` (line ${e.line}, column ${e.column})` : ''}`,
      field: e.field ?? null,
      details: { code: e.code, value: e.value ?? null },
    };
  }
  const first = mapped.issues[0];
  return {
    category: first?.path.endsWith('.sku') ? 'sku_not_matched' : 'validation_error',
    message: mapped.issues.map((i) => i.message).join('; '),
    field: first?.path ?? null,
    details: { issues: mapped.issues.slice(0, 20) },
  };
}

function rejection(error: CimcloudRejectedError): RecordError {
  return { category: 'cimcloud_rejected', message: error.message, field: error.field ?? null };
}
