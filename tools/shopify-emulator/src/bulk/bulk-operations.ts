import {
  execute,
  GraphQLError,
  parse,
  validate,
  DocumentNode,
  OperationTypeNode,
} from 'graphql';
import { EmulatorClock } from '../clock/emulator-clock';
import { adminSchema } from '../graphql/admin-schema';
import { queryRoot } from '../graphql/query-root';
import type { RequestContext } from '../graphql/request-context';
import { IdSequence } from '../store/shop-store';
import { BulkOperationRecord } from './bulk-operation-record';
import { flattenToJsonl } from './jsonl-flattener';

export interface BulkRunResult {
  operation: BulkOperationRecord | null;
  userErrors: {
    code: string | null;
    field: string[] | null;
    message: string;
  }[];
}

/**
 * Runs bulk queries in the background: CREATED → RUNNING → COMPLETED (or FAILED), with
 * the JSONL result served by the emulator itself instead of cloud storage.
 */
export class BulkOperations {
  private readonly operations = new Map<number, BulkOperationRecord>();

  constructor(
    private readonly ids: IdSequence,
    private readonly clock: EmulatorClock,
    private readonly baseUrl: () => string,
    /** Emulated time a bulk operation takes to run. */
    private readonly runDurationMs = 2000,
  ) {}

  get(shopDomain: string, id: number): BulkOperationRecord | undefined {
    const op = this.operations.get(id);
    return op && op.shopDomain === shopDomain ? op : undefined;
  }

  current(shopDomain: string, appId: number): BulkOperationRecord | undefined {
    let latest: BulkOperationRecord | undefined;
    for (const op of this.operations.values()) {
      if (
        op.shopDomain === shopDomain &&
        op.appId === appId &&
        (!latest || op.id > latest.id)
      )
        latest = op;
    }
    return latest;
  }

  run(ctx: RequestContext, query: string): BulkRunResult {
    const running = this.current(ctx.store.domain, ctx.app.id);
    if (
      running &&
      (running.status === 'CREATED' || running.status === 'RUNNING')
    ) {
      return {
        operation: null,
        userErrors: [
          {
            code: 'OPERATION_IN_PROGRESS',
            field: null,
            message: `A bulk query operation for this app and shop is already in progress: ${running.id}.`,
          },
        ],
      };
    }
    let document: DocumentNode;
    try {
      document = parse(query);
    } catch (error) {
      return {
        operation: null,
        userErrors: [
          {
            code: 'INVALID',
            field: ['query'],
            message: (error as GraphQLError).message,
          },
        ],
      };
    }
    const errors = validate(adminSchema(), document);
    const op = document.definitions.find(
      (d) => d.kind === 'OperationDefinition',
    );
    if (
      errors.length > 0 ||
      !op ||
      op.kind !== 'OperationDefinition' ||
      op.operation !== OperationTypeNode.QUERY
    ) {
      const message =
        errors[0]?.message ?? 'Bulk queries must be a single query operation.';
      return {
        operation: null,
        userErrors: [{ code: 'INVALID', field: ['query'], message }],
      };
    }
    const record: BulkOperationRecord = {
      id: this.ids.next(),
      shopDomain: ctx.store.domain,
      appId: ctx.app.id,
      status: 'CREATED',
      query,
      createdAt: ctx.store.nowIso(),
      completedAt: null,
      objectCount: 0,
      rootObjectCount: 0,
      fileSize: null,
      url: null,
      errorCode: null,
      jsonl: null,
    };
    this.operations.set(record.id, record);
    const bulkContext: RequestContext = { ...ctx, bulk: true };
    setTimeout(() => {
      record.status = 'RUNNING';
      setTimeout(
        () => void this.complete(record, document, bulkContext),
        this.clock.toRealMs(this.runDurationMs),
      );
    }, 0);
    return { operation: record, userErrors: [] };
  }

  private async complete(
    record: BulkOperationRecord,
    document: DocumentNode,
    ctx: RequestContext,
  ): Promise<void> {
    const result = await execute({
      schema: adminSchema(),
      document,
      rootValue: queryRoot,
      contextValue: ctx,
    });
    record.completedAt = ctx.store.nowIso();
    if (result.errors?.length || !result.data) {
      record.status = 'FAILED';
      const denied = result.errors?.some(
        (e) => e.extensions['code'] === 'ACCESS_DENIED',
      );
      record.errorCode = denied ? 'ACCESS_DENIED' : 'INTERNAL_SERVER_ERROR';
      return;
    }
    const flat = flattenToJsonl(result.data);
    record.jsonl = flat.jsonl;
    record.objectCount = flat.objectCount;
    record.rootObjectCount = flat.rootObjectCount;
    record.fileSize = Buffer.byteLength(flat.jsonl);
    // Shopify gives no URL when there is no data.
    record.url =
      flat.objectCount > 0
        ? `${this.baseUrl()}/_emulator/bulk/${record.shopDomain}/${record.id}.jsonl`
        : null;
    record.status = 'COMPLETED';
  }

  /** The JSONL result for the download endpoint. */
  result(shopDomain: string, id: number): string | null {
    return this.get(shopDomain, id)?.jsonl ?? null;
  }
}
