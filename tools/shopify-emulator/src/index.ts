export { startShopifyEmulator } from './server/start-emulator';
export type {
  ShopifyEmulatorOptions,
  RunningShopifyEmulator,
} from './server/start-emulator';
export {
  EmulatorControl,
  normalizeShopDomain,
} from './control/emulator-control';
export type {
  AddProductInput,
  AppCredentials,
  CreateOrderInput,
  CreateShopInput,
  InstallAppInput,
  OrderInfo,
  ProductInfo,
  ShopInfo,
  ShopSummary,
  StockInput,
} from './control/control-types';
export type { FaultRule } from './faults/fault-injector';
export type {
  DeliveryRecord,
  WebhookOptions,
} from './webhooks/webhook-dispatcher';
export type { GenerateOrdersOptions } from './store/order-generator';
export type { ShopPlan, FinancialStatus, MailingAddress } from './store/model';
export { signWebhookBody } from './webhooks/webhook-signature';
export {
  LATEST_STABLE_VERSION,
  SUPPORTED_STABLE_VERSIONS,
  RELEASE_CANDIDATE_VERSION,
  resolveApiVersion,
} from './versions/api-versions';
export { PLAN_RESTORE_RATES, planLimits } from './throttle/plan-limits';
export { ALL_SCOPES } from './graphql/access-scopes';
