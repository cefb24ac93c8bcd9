export { CimcloudClient, SYNC_ORDERS_PER_CALL, type ChangedSince, type ConnectionCheck } from './lib/cimcloud-client';
export { DEFAULT_BASE_URL, type CimcloudConfig, type CimcloudCredentials, type CimcloudClock, type CimcloudLogger } from './lib/cimcloud-config';
export {
  CimcloudError,
  CimcloudAuthError,
  CimcloudRateLimitedError,
  CimcloudUnavailableError,
  CimcloudRequestError,
  CimcloudRejectedError,
} from './lib/cimcloud-errors';
export { CIMCLOUD_DEFAULT_LIMITS, type RequestBudgetLimits } from './lib/request-budget';
export type { CimcloudThrottleEvent, CimcloudThrottleObserver, CimcloudThrottleReason } from './lib/throttle-observer';
export { DEFAULT_RETRY_POLICY, type RetryPolicy } from './lib/backoff';
export { ASSUMED_RESOURCES, DOCUMENTED_RESOURCES } from './lib/assumed-resources';
export type { PassthroughOrderPayload } from './lib/passthrough-order-payload';
export type { OrderSendOutcome } from './lib/send-orders';
export type { ImportStatus } from './lib/records/import-status';
export type { ShipmentLine } from './lib/records/shipment-line';
export type { StockLevel } from './lib/records/stock-level';
export type { ErpCode, CimcloudCustomer, CimcloudProduct } from './lib/records/master-records';
