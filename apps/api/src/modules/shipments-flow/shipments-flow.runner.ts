import { Injectable, OnModuleInit } from '@nestjs/common';
import { ShipmentMappingInput } from '@ferry/contracts';
import { MappedRecord } from '@ferry/mapping';
import { createFulfillmentSafely, getFulfillmentState, ShopifyError, ShopifyGraphqlClient } from '@ferry/shopify';
import { EntityManager } from 'typeorm';
import { DbContextRunner } from '../../core/tenancy/db-context-runner';
import { ConnectorClients } from '../connections/connector-clients';
import { LookupTablesService } from '../lookup-tables/lookup-tables.service';
import { MappingVersionsService } from '../mappings/mapping-versions.service';
import { CheckpointStore } from '../sync/checkpoint-store';
import { connectedSystems } from '../sync/connected-systems';
import { ErrorQueue } from '../sync/error-queue';
import { FlowRunner, FlowRunRequest, FlowRunResult } from '../sync/flow-runner';
import { FlowRunnerRegistry } from '../sync/flow-runner-registry';
import { MappingSandbox } from '../sync/mapping-sandbox';
import { withTenantLookupTables } from '../sync/tenant-lookup-tables';
import { groupIntoPackages, ShipmentPackage } from './shipment-groups';

interface ShipmentsCursor {
  cursor: string | null;
}

interface PendingRow {
  shipment_key: string;
  order_number: string;
  source_payload: ShipmentPackage;
}

interface FulfillmentOutput {
  notifyCustomer?: boolean;
  trackingInfo?: { company?: string | null; number?: string | null; url?: string | null };
  lineItemsByFulfillmentOrder?: Array<{ fulfillmentOrderId: string; fulfillmentOrderLineItems: Array<{ id: string; quantity: number }> }>;
}

/** Packages fulfilled per run; the rest wait for the next run (Shopify's cost budget is shared). */
const FULFIL_BATCH = 200;

/**
 * Shipments, ERP → Shopify (DESIGN §2.2). New shipped lines are read from CIMcloud since
 * the checkpoint, grouped into packages and recorded in the ledger with the checkpoint.
 * Each pending package then becomes one fulfillment: the order is found through the orders
 * ledger, its fulfillment orders are read, the shipments mapping picks the lines (by SKU,
 * capped at what remains open), and the fulfillment is created — re-reading the order
 * before every attempt, since fulfillmentCreate is not idempotent — and its id recorded.
 */
@Injectable()
export class ShipmentsFlowRunner extends FlowRunner implements OnModuleInit {
  readonly flow = 'shipments' as const;

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

  async run({ tenantId, runId, signal }: FlowRunRequest): Promise<FlowRunResult> {
    const { shopify, cimcloud } = await connectedSystems(this.clients, tenantId);
    const setup = await this.db.run({ tenantId }, async (m) => ({
      mapping: await this.mappings.active(m, tenantId, 'shipments'),
      lookupTables: await this.lookupTables.tablesForMapping(m, tenantId),
      cursor: (await this.checkpoints.read<ShipmentsCursor>(m, tenantId, 'shipments'))?.cursor ?? null,
    }));

    const changed = await cimcloud.client.shipmentsSince(setup.cursor ?? undefined);
    const packages = groupIntoPackages(changed.items);
    await this.db.run({ tenantId }, async (m) => {
      for (const pkg of packages) {
        // A package already recorded keeps its state (the inclusive cursor re-reads the last lines).
        await m.query(
          `insert into shipment_pushes (tenant_id, shipment_key, order_number, invoice_no, package_no, tracking_number, ship_via, status, source_payload, last_run_id)
           values ($1, $2, $3, $4, $5, $6, $7, 'pending', $8::jsonb, $9)
           on conflict (tenant_id, shipment_key) do update set source_payload = excluded.source_payload, updated_at = now()
             where shipment_pushes.status = 'pending'`,
          [tenantId, pkg.key, pkg.orderNumber, pkg.invoiceNo, pkg.packageNo, pkg.trackingNumber, pkg.shipVia, JSON.stringify(pkg), runId],
        );
      }
      await this.checkpoints.write(m, tenantId, 'shipments', { cursor: changed.cursor ?? setup.cursor } satisfies ShipmentsCursor);
    });

    const mapper = this.sandbox.mapperFor(withTenantLookupTables(setup.mapping.definition, setup.lookupTables));
    const counts = { read: packages.length, written: 0, skipped: 0, failed: 0 };
    const pending = (await this.db.run({ tenantId }, (m) =>
      m.query(`select shipment_key, order_number, source_payload from shipment_pushes where tenant_id = $1 and status = 'pending' order by created_at limit $2`, [
        tenantId,
        FULFIL_BATCH,
      ]),
    )) as PendingRow[];
    for (const row of pending) {
      // Taken over by another worker (this run's lease lapsed): leave the rest to it.
      signal?.throwIfAborted();
      const outcome = await this.fulfil(tenantId, shopify.client, mapper, row, setup.mapping.id, runId);
      counts[outcome]++;
    }
    return { counts, cursorBefore: setup.cursor, cursorAfter: changed.cursor ?? setup.cursor };
  }

  private async fulfil(
    tenantId: string,
    client: ShopifyGraphqlClient,
    mapper: (input: unknown, context: { runAt: string }) => Promise<MappedRecord>,
    row: PendingRow,
    mappingVersionId: string,
    runId: string,
  ): Promise<'written' | 'skipped' | 'failed'> {
    const pkg = row.source_payload;
    const order = ((await this.db.run({ tenantId }, (m) =>
      m.query(`select shopify_order_id, shopify_order_name from pass_through_orders where tenant_id = $1 and order_number = $2`, [tenantId, row.order_number]),
    )) as Array<{ shopify_order_id: string; shopify_order_name: string }>)[0];
    if (!order) {
      return this.settle(tenantId, row.shipment_key, 'failed', { error: `No Shopify order was sent to CIMcloud as order ${row.order_number}.`, category: 'validation_error', field: 'order_number' });
    }
    try {
      const state = await getFulfillmentState(client, order.shopify_order_id);
      const input: ShipmentMappingInput = {
        shipment: {
          invoice_no: pkg.invoiceNo,
          package_no: pkg.packageNo,
          tracking_number: pkg.trackingNumber ?? undefined,
          ship_via: pkg.shipVia ?? undefined,
          lines: pkg.lines,
        },
        order: { id: order.shopify_order_id, name: order.shopify_order_name },
        fulfillmentOrders: state.fulfillmentOrders.map((fo) => ({
          id: fo.id,
          status: fo.status,
          supportedActions: fo.supportedActions,
          lineItems: fo.lines.map((l) => ({ id: l.id, sku: l.sku, remainingQuantity: l.remainingQuantity })),
        })),
      };
      const mapped = await mapper(input, { runAt: new Date().toISOString() });
      if (!mapped.ok) {
        const message = mapped.error?.message ?? mapped.issues.map((i) => i.message).join('; ');
        return this.settle(tenantId, row.shipment_key, 'failed', { error: message, category: mapped.error ? 'mapping_error' : 'validation_error', field: mapped.error?.field ?? mapped.issues[0]?.path ?? null, mapped: mapped.output ?? null, mappingVersionId });
      }
      const output = mapped.output as FulfillmentOutput;
      const lines = (output.lineItemsByFulfillmentOrder ?? []).flatMap((fo) =>
        fo.fulfillmentOrderLineItems.filter((l) => l.quantity > 0).map((l) => ({ fulfillmentOrderId: fo.fulfillmentOrderId, fulfillmentOrderLineItemId: l.id, quantity: l.quantity })),
      );
      if (lines.length === 0) {
        return this.settle(tenantId, row.shipment_key, 'skipped', { error: 'Nothing of this package is still open in Shopify (already fulfilled).', mapped: output, mappingVersionId });
      }
      const result = await createFulfillmentSafely(client, {
        orderId: order.shopify_order_id,
        lines,
        // The tracking number is how a lost response is recognised on the re-read; packages without one get their ERP key.
        trackingNumber: output.trackingInfo?.number ?? `${pkg.invoiceNo}-${pkg.packageNo}`,
        trackingCompany: output.trackingInfo?.company ?? null,
        trackingUrl: output.trackingInfo?.url ?? null,
        notifyCustomer: output.notifyCustomer ?? false,
      });
      return this.settle(tenantId, row.shipment_key, 'written', { fulfillmentId: result.fulfillmentId, shopifyOrderId: order.shopify_order_id, mapped: output, mappingVersionId, runId });
    } catch (error) {
      if (error instanceof ShopifyError && error.kind === 'user') {
        return this.settle(tenantId, row.shipment_key, 'failed', { error: error.message, category: 'shopify_user_error', field: null });
      }
      // Transient (throttled, unavailable, ambiguous): the package stays pending for the next run.
      throw error;
    }
  }

  private async settle(
    tenantId: string,
    key: string,
    outcome: 'written' | 'skipped' | 'failed',
    detail: {
      error?: string;
      category?: 'mapping_error' | 'validation_error' | 'shopify_user_error';
      field?: string | null;
      fulfillmentId?: string;
      shopifyOrderId?: string;
      mapped?: unknown;
      mappingVersionId?: string;
      runId?: string;
    },
  ): Promise<'written' | 'skipped' | 'failed'> {
    const status = outcome === 'written' ? 'fulfilled' : outcome;
    await this.db.run({ tenantId }, async (m: EntityManager) => {
      await m.query(
        `update shipment_pushes set status = $3, fulfillment_id = coalesce($4, fulfillment_id), shopify_order_id = coalesce($5, shopify_order_id), error = $6,
           mapped_payload = coalesce($7::jsonb, mapped_payload), mapping_version_id = coalesce($8, mapping_version_id), attempts = attempts + 1, updated_at = now()
         where tenant_id = $1 and shipment_key = $2`,
        [tenantId, key, status, detail.fulfillmentId ?? null, detail.shopifyOrderId ?? null, detail.error ?? null, detail.mapped === undefined ? null : JSON.stringify(detail.mapped), detail.mappingVersionId ?? null],
      );
      if (outcome === 'failed' && detail.category) {
        await this.errors.record(m, tenantId, 'shipments', key, { category: detail.category, message: detail.error ?? 'failed', field: detail.field ?? null });
      } else {
        await this.errors.resolve(m, tenantId, 'shipments', key);
      }
    });
    return outcome;
  }
}
