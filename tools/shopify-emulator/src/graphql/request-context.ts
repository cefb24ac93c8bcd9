import type { AppRecord } from '../store/model';
import type { ShopStore } from '../store/shop-store';
import type { IdempotencyStore } from './idempotency-store';
import type { BulkOperations } from '../bulk/bulk-operations';

/** What every resolver sees: the shop, the calling app and the API version in force. */
export interface RequestContext {
  store: ShopStore;
  app: AppRecord;
  apiVersion: string;
  /** True while a bulk operation runs its query: connections need no page size. */
  bulk: boolean;
  idempotency: IdempotencyStore;
  bulkOperations: BulkOperations;
}

/** Objects handed to graphql-js; fields are properties or methods (args, context). */
export type GraphQLSource = Record<string, unknown>;
