import { randomUUID } from 'node:crypto';
import { importedResponse, queuedResponse, validationFailedResponse } from '../assumed-endpoints';
import type { EmulatorClock } from '../core/clock';
import type { JsonObject } from '../core/json-value';
import type { TimerSet } from '../core/timer-set';
import { importOrder } from '../erp/import-order';
import type { SiteState, StoredOrder } from '../sites/site-state';
import type { PassthroughOrder } from './passthrough-order';
import { validatePassthroughOrder, type UnknownFieldPolicy } from './validate-passthrough-order';

/** POSTs of more than this many records go to CIMcloud's asynchronous queue. */
export const SYNC_RECORD_LIMIT = 10;

export interface PipelineTiming {
  /** Delay before a queued batch (> 10 records) is processed; null waits for the control API. */
  queueDelayMs: number | null;
  /** Delay before the ERP imports a stored order; null waits for the control API. */
  importDelayMs: number | null;
}

export interface PostOutcome {
  status: number;
  body: JsonObject;
}

interface QueuedBatch {
  id: string;
  records: unknown[];
}

/**
 * From POST to ERP: validates pass-through records, stores them (a re-post of an order
 * number updates it), queues big batches, and hands stored orders to the ERP after a delay.
 */
export class OrderPipeline {
  private readonly queues = new Map<string, QueuedBatch[]>();

  constructor(
    private readonly clock: EmulatorClock,
    private readonly timers: TimerSet,
    private timing: PipelineTiming,
    private readonly unknownFields: UnknownFieldPolicy,
  ) {}

  setTiming(timing: Partial<PipelineTiming>): void {
    this.timing = { ...this.timing, ...timing };
  }

  post(site: SiteState, body: unknown): PostOutcome {
    const records = Array.isArray(body) ? body : body === undefined ? [] : [body];
    if (records.length === 0) {
      return { status: 400, body: validationFailedResponse(0, [{ record: 1, problem: { field: '', message: 'the request has no records' } }]) };
    }
    if (records.length > SYNC_RECORD_LIMIT) return this.enqueue(site, records);

    const results = records.map((raw) => validatePassthroughOrder(raw, this.unknownFields));
    const problems = results.flatMap((r, i) => r.problems.map((problem) => ({ record: i + 1, orderNumber: r.orderNumber, problem })));
    if (problems.length > 0) return { status: 400, body: validationFailedResponse(records.length, problems) };

    let imported = 0;
    let updated = 0;
    for (const result of results) {
      if (!result.order) continue;
      if (this.store(site, result.order) === 'created') imported++;
      else updated++;
    }
    return { status: 200, body: importedResponse(records.length, imported, updated) };
  }

  /** Processes every queued batch of a site now (the control API's "flush"). */
  processQueue(site: SiteState): number {
    const batches = this.queues.get(site.name) ?? [];
    this.queues.set(site.name, []);
    for (const batch of batches) this.processBatch(site, batch);
    return batches.length;
  }

  /** Imports every pending order of a site now. Returns how many were attempted. */
  runImports(site: SiteState): number {
    const pending = [...site.orders.values()].filter((o) => o.status === 'pending');
    for (const order of pending) importOrder(site, order, this.clock);
    return pending.length;
  }

  queuedBatches(site: SiteState): number {
    return this.queues.get(site.name)?.length ?? 0;
  }

  private enqueue(site: SiteState, records: unknown[]): PostOutcome {
    const batch: QueuedBatch = { id: randomUUID(), records };
    const queue = this.queues.get(site.name) ?? [];
    queue.push(batch);
    this.queues.set(site.name, queue);
    const now = this.clock.iso();
    for (const raw of records) {
      const orderNumber = validatePassthroughOrder(raw, 'ignore').orderNumber;
      if (orderNumber === undefined) continue;
      const existing = site.orders.get(orderNumber);
      if (existing && existing.status !== 'imported') {
        Object.assign(existing, { status: 'queued', updatedAt: now, seq: ++site.counters.seq });
      } else if (!existing) {
        site.orders.set(orderNumber, this.newOrder(site, orderNumber, 'queued', now));
      }
    }
    if (this.timing.queueDelayMs !== null) {
      this.timers.after(this.timing.queueDelayMs, () => {
        const current = this.queues.get(site.name) ?? [];
        if (!current.includes(batch)) return;
        this.queues.set(site.name, current.filter((b) => b !== batch));
        this.processBatch(site, batch);
      });
    }
    return { status: 200, body: queuedResponse(records.length, batch.id) };
  }

  /** Queue processing validates record by record: bad records are rejected, good ones stored. */
  private processBatch(site: SiteState, batch: QueuedBatch): void {
    for (const raw of batch.records) {
      const result = validatePassthroughOrder(raw, this.unknownFields);
      if (result.order) {
        this.store(site, result.order);
      } else if (result.orderNumber !== undefined) {
        const stored = site.orders.get(result.orderNumber);
        if (stored && stored.status !== 'imported') {
          const first = result.problems[0];
          Object.assign(stored, {
            status: 'rejected',
            errorSource: 'api',
            error: result.problems.map((p) => p.message).join('; '),
            errorField: first?.field,
            errorPath: first?.field,
            updatedAt: this.clock.iso(),
            seq: ++site.counters.seq,
          });
        }
      }
    }
  }

  private store(site: SiteState, order: PassthroughOrder): 'created' | 'updated' {
    const now = this.clock.iso();
    const existing = site.orders.get(order.order_number);
    if (existing && existing.revision > 0) {
      existing.order = order;
      existing.revision++;
      existing.updatedAt = now;
      existing.seq = ++site.counters.seq;
      // An order the ERP already holds is not imported twice; anything else is retried.
      if (existing.status !== 'imported') {
        Object.assign(existing, { status: 'pending', errorSource: undefined, error: undefined, errorField: undefined, errorPath: undefined });
        this.scheduleImport(site, existing);
      }
      return 'updated';
    }
    const stored = existing ?? this.newOrder(site, order.order_number, 'pending', now);
    Object.assign(stored, { order, status: 'pending', revision: 1, updatedAt: now, seq: ++site.counters.seq });
    site.orders.set(order.order_number, stored);
    this.scheduleImport(site, stored);
    return 'created';
  }

  private scheduleImport(site: SiteState, stored: StoredOrder): void {
    if (this.timing.importDelayMs === null) return;
    const revision = stored.revision;
    this.timers.after(this.timing.importDelayMs, () => {
      // A re-post restarts the delay: only the latest revision's timer imports.
      if (stored.revision === revision) importOrder(site, stored, this.clock);
    });
  }

  private newOrder(site: SiteState, orderNumber: string, status: 'queued' | 'pending', now: string): StoredOrder {
    return { orderNumber, status, lines: [], receivedAt: now, updatedAt: now, revision: 0, seq: ++site.counters.seq };
  }
}
