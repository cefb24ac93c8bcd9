export { SHOPIFY_API_VERSION } from './lib/api-version';
export { ShopifyGraphqlClient } from './lib/client/shopify-graphql-client';
export type {
  ShopifyClientConfig,
  RequestOptions,
  ClientStats,
} from './lib/client/shopify-graphql-client';
export type { ShopifyCredentials } from './lib/client/access-token-provider';
export type { Clock, FetchLike, Logger } from './lib/client/runtime-deps';
export { systemClock, silentLogger } from './lib/client/runtime-deps';
export * from './lib/client/shopify-errors';
export { CostThrottle } from './lib/client/cost-throttle';
export type {
  ShopifyThrottleEvent,
  ShopifyThrottleObserver,
  ShopifyThrottleReason,
} from './lib/client/throttle-observer';
export type { ThrottleStatus } from './lib/client/cost-throttle';
export { testConnection } from './lib/operations/test-connection';
export type { ConnectionReport } from './lib/operations/test-connection';
export { REQUIRED_SCOPES } from './lib/operations/required-scopes';
export {
  readOrdersUpdatedSince,
  defaultPageSize,
} from './lib/operations/read-orders';
export type {
  ReadOrdersOptions,
  OrdersPage,
} from './lib/operations/read-orders';
export type {
  ShopifyOrder,
  ShopifyLineItem,
  ShopifyAddress,
  ShopifyMoney,
} from './lib/operations/shopify-order';
export type {
  ShopifyRawOrder,
  ShopifyRawLineItem,
  ShopifyRawShippingLine,
  ShopifyRawCustomer,
  ShopifyRawMoneyBag,
} from './lib/operations/shopify-raw-order';
export {
  getFulfillmentState,
  createFulfillmentSafely,
} from './lib/operations/fulfillment';
export type {
  FulfillmentOrder,
  ShipmentInput,
  ShipmentResult,
  OrderFulfillmentState,
} from './lib/operations/fulfillment';
export {
  resolveSkus,
  listLocations,
  setAvailableQuantities,
} from './lib/operations/inventory';
export type {
  SkuResolution,
  ShopifyLocation,
  AvailableQuantity,
  SetQuantitiesResult,
} from './lib/operations/inventory';
export {
  readAvailableQuantities,
  inventoryLevelKey,
} from './lib/operations/inventory-levels';
export type { InventoryLevelKey } from './lib/operations/inventory-levels';
export { listVariants } from './lib/operations/list-variants';
export type { VariantSku } from './lib/operations/list-variants';
export { registerWebhook } from './lib/webhooks/webhook-registration';
export { verifyShopifyWebhook } from './lib/webhooks/webhook-verification';
export type {
  VerifiedWebhook,
  WebhookVerification,
  HeaderBag,
} from './lib/webhooks/webhook-verification';
