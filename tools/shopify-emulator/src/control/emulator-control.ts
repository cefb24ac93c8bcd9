import { randomBytes } from 'node:crypto';
import { TokenRegistry } from '../auth/token-registry';
import { BulkOperations } from '../bulk/bulk-operations';
import { EmulatorClock } from '../clock/emulator-clock';
import { FaultInjector, FaultRule } from '../faults/fault-injector';
import { ALL_SCOPES } from '../graphql/access-scopes';
import { parseGid, toGid } from '../store/gid';
import { AppRecord, MailingAddress, ShopPlan } from '../store/model';
import { toCents } from '../store/money';
import {
  GenerateOrdersOptions,
  generateOrders,
} from '../store/order-generator';
import {
  emptyAddress,
  IdSequence,
  OrderEdit,
  ShopStore,
} from '../store/shop-store';
import { LATEST_STABLE_VERSION } from '../versions/api-versions';
import {
  DeliveryRecord,
  WebhookDispatcher,
  WebhookOptions,
} from '../webhooks/webhook-dispatcher';
import {
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
} from './control-types';
import { ShopRuntime } from './shop-runtime';

/** Accepts "acme" or "acme.myshopify.com". */
export function normalizeShopDomain(shop: string): string {
  const lower = shop.trim().toLowerCase();
  return lower.endsWith('.myshopify.com') ? lower : `${lower}.myshopify.com`;
}

function idOf(value: string | number, type: string): number {
  if (typeof value === 'number') return value;
  if (/^\d+$/.test(value)) return Number(value);
  const id = parseGid(value, type);
  if (id === null) throw new Error(`not a ${type} id: ${value}`);
  return id;
}

function address(
  input: Partial<MailingAddress> | null | undefined,
): MailingAddress | null {
  return input ? { ...emptyAddress(), ...input } : null;
}

export interface ControlDependencies {
  clock: EmulatorClock;
  ids: IdSequence;
  tokens: TokenRegistry;
  faults: FaultInjector;
  webhooks: WebhookDispatcher;
  bulk: BulkOperations;
  baseUrl: () => string;
}

/**
 * The emulator's control API: create shops and their data, drive orders, inject faults
 * and inspect webhook deliveries. The HTTP control routes call the same methods.
 */
export class EmulatorControl {
  private readonly shops = new Map<string, ShopRuntime>();

  constructor(private readonly deps: ControlDependencies) {}

  // ---- lookups used by the server -----------------------------------------------------

  runtime(shop: string): ShopRuntime | undefined {
    return this.shops.get(normalizeShopDomain(shop));
  }

  private require(shop: string): ShopRuntime {
    const runtime = this.runtime(shop);
    if (!runtime) throw new Error(`unknown shop ${shop}`);
    return runtime;
  }

  appSecret(shopDomain: string, appId: number): string | null {
    return (
      this.shops.get(shopDomain)?.store.apps.get(appId)?.clientSecret ?? null
    );
  }

  // ---- shops and apps -----------------------------------------------------------------

  createShop(input: CreateShopInput): ShopInfo {
    const domain = normalizeShopDomain(input.shop);
    if (this.shops.has(domain)) throw new Error(`shop ${domain} exists`);
    const store = new ShopStore(
      {
        id: this.deps.ids.next(),
        domain,
        name: input.name ?? domain.replace('.myshopify.com', ''),
        plan: input.plan ?? 'STANDARD',
        currencyCode: input.currencyCode ?? 'USD',
        searchLagMs: input.searchLagMs ?? 0,
        protectedCustomerDataAccess: input.protectedCustomerDataAccess ?? true,
      },
      this.deps.ids,
      this.deps.clock,
    );
    const runtime = new ShopRuntime(store, this.deps.clock);
    runtime.throttleMode = input.throttleMode ?? 'graphql';
    store.onEvent((event) => this.deps.webhooks.dispatch(store, event));
    this.shops.set(domain, runtime);
    const app = this.installApp(domain, {
      title: 'Ferry',
      scopes: input.scopes,
      staticToken: true,
    });
    return {
      domain,
      graphqlUrl: `${this.deps.baseUrl()}/shops/${domain}/admin/api/${LATEST_STABLE_VERSION}/graphql.json`,
      tokenUrl: `${this.deps.baseUrl()}/shops/${domain}/admin/oauth/access_token`,
      app,
    };
  }

  installApp(shop: string, input: InstallAppInput = {}): AppCredentials {
    const runtime = this.require(shop);
    const app: AppRecord = {
      id: this.deps.ids.next(),
      title: input.title ?? 'Custom app',
      clientId: randomBytes(16).toString('hex'),
      clientSecret: randomBytes(16).toString('hex'),
      scopes: [...(input.scopes ?? ALL_SCOPES)],
      staticToken: null,
    };
    if (input.staticToken ?? true)
      app.staticToken = this.deps.tokens.issueStatic(
        runtime.store.domain,
        app.id,
      );
    runtime.store.apps.set(app.id, app);
    return {
      appId: app.id,
      clientId: app.clientId,
      clientSecret: app.clientSecret,
      scopes: [...app.scopes],
      accessToken: app.staticToken,
    };
  }

  /** New client secret; webhooks are signed with it from now on. */
  rotateAppSecret(shop: string, appId: number): string {
    const app = this.require(shop).store.apps.get(appId);
    if (!app) throw new Error(`unknown app ${appId}`);
    app.clientSecret = randomBytes(16).toString('hex');
    return app.clientSecret;
  }

  setAppScopes(shop: string, appId: number, scopes: string[]): void {
    const app = this.require(shop).store.apps.get(appId);
    if (!app) throw new Error(`unknown app ${appId}`);
    app.scopes = [...scopes];
  }

  /** Revokes the app's tokens and sends app/uninstalled (to its subscriptions, before removal). */
  uninstallApp(shop: string, appId: number): void {
    const runtime = this.require(shop);
    runtime.store.emitAppUninstalled();
    this.deps.tokens.revokeApp(runtime.store.domain, appId);
  }

  expireToken(token: string): boolean {
    return this.deps.tokens.expire(token);
  }

  setPlan(shop: string, plan: ShopPlan): void {
    const runtime = this.require(shop);
    runtime.store.options.plan = plan;
    runtime.resetBuckets();
  }

  setThrottleMode(shop: string, mode: 'graphql' | 'http429'): void {
    this.require(shop).throttleMode = mode;
  }

  setSearchLag(shop: string, ms: number): void {
    this.require(shop).store.options.searchLagMs = ms;
  }

  setProtectedCustomerDataAccess(shop: string, allowed: boolean): void {
    this.require(shop).store.options.protectedCustomerDataAccess = allowed;
  }

  summary(shop: string): ShopSummary {
    const { store } = this.require(shop);
    return {
      domain: store.domain,
      plan: store.options.plan,
      orders: store.orders.size,
      fulfillments: store.fulfillments.size,
      products: store.products.size,
      variants: store.variants.size,
      locations: store.locations.size,
      webhookSubscriptions: store.webhookSubscriptions.size,
    };
  }

  // ---- catalog, locations, inventory --------------------------------------------------

  addLocation(
    shop: string,
    input: {
      name: string;
      isActive?: boolean;
      address?: Partial<MailingAddress>;
    },
  ): { locationId: string } {
    const location = this.require(shop).store.addLocation(input);
    return { locationId: toGid('Location', location.id) };
  }

  addProduct(shop: string, input: AddProductInput): ProductInfo {
    const { product, variants } = this.require(shop).store.addProduct({
      title: input.title,
      vendor: input.vendor,
      variants: input.variants.map((v) => ({
        title: v.title,
        sku: v.sku,
        barcode: v.barcode,
        priceCents: v.price === undefined ? undefined : toCents(v.price),
      })),
    });
    return {
      productId: toGid('Product', product.id),
      variants: variants.map((v) => ({
        variantId: toGid('ProductVariant', v.id),
        inventoryItemId: toGid('InventoryItem', v.inventoryItemId),
        sku: v.sku,
      })),
    };
  }

  /** Stocks an item at a location and sets the given named quantities. */
  stock(shop: string, input: StockInput): void {
    this.require(shop).store.stock(
      idOf(input.inventoryItemId, 'InventoryItem'),
      idOf(input.locationId, 'Location'),
      input.quantities,
    );
  }

  inventoryQuantity(
    shop: string,
    inventoryItemId: string,
    locationId: string,
  ): Record<string, number> | null {
    const level = this.require(shop).store.getLevel(
      idOf(inventoryItemId, 'InventoryItem'),
      idOf(locationId, 'Location'),
    );
    return level ? { ...level.quantities } : null;
  }

  addCustomer(
    shop: string,
    input: {
      firstName?: string;
      lastName?: string;
      email?: string;
      phone?: string;
    },
  ): { customerId: string } {
    const customer = this.require(shop).store.addCustomer(input);
    return { customerId: toGid('Customer', customer.id) };
  }

  // ---- orders ---------------------------------------------------------------------------

  private orderInfo(runtime: ShopRuntime, orderId: number): OrderInfo {
    const order = runtime.store.requireOrder(orderId);
    return {
      orderId: toGid('Order', order.id),
      name: order.name,
      updatedAt: order.updatedAt,
      fulfillmentOrderIds: runtime.store
        .fulfillmentOrdersOf(order.id)
        .map((fo) => toGid('FulfillmentOrder', fo.id)),
    };
  }

  createOrder(shop: string, input: CreateOrderInput): OrderInfo {
    const runtime = this.require(shop);
    const order = runtime.store.createOrder({
      email: input.email,
      phone: input.phone,
      note: input.note,
      poNumber: input.poNumber,
      tags: input.tags,
      customAttributes: input.customAttributes,
      customerId: input.customerId ? idOf(input.customerId, 'Customer') : null,
      shippingAddress: address(input.shippingAddress),
      billingAddress: address(input.billingAddress),
      lineItems: input.lineItems.map((li) => ({
        variantId:
          li.variantId === undefined
            ? undefined
            : idOf(li.variantId, 'ProductVariant'),
        sku: li.sku,
        title: li.title,
        quantity: li.quantity,
        priceCents: li.price === undefined ? undefined : toCents(li.price),
        requiresShipping: li.requiresShipping,
      })),
      shippingLines: input.shippingLines?.map((s) => ({
        title: s.title,
        priceCents: toCents(s.price),
      })),
      financialStatus: input.financialStatus,
      createdAt: input.createdAt,
      locationId: input.locationId
        ? idOf(input.locationId, 'Location')
        : undefined,
    });
    return this.orderInfo(runtime, order.id);
  }

  generateOrders(shop: string, options: GenerateOrdersOptions): OrderInfo[] {
    const runtime = this.require(shop);
    return generateOrders(runtime.store, options).map((o) =>
      this.orderInfo(runtime, o.id),
    );
  }

  editOrder(
    shop: string,
    orderId: string,
    edit: OrderEdit & { shippingAddress?: Partial<MailingAddress> | null },
  ): OrderInfo {
    const runtime = this.require(shop);
    const id = idOf(orderId, 'Order');
    runtime.store.editOrder(id, {
      ...edit,
      shippingAddress:
        edit.shippingAddress === undefined
          ? undefined
          : address(edit.shippingAddress),
    });
    return this.orderInfo(runtime, id);
  }

  cancelOrder(shop: string, orderId: string, reason?: string): OrderInfo {
    const runtime = this.require(shop);
    const id = idOf(orderId, 'Order');
    runtime.store.cancelOrder(id, reason);
    return this.orderInfo(runtime, id);
  }

  holdFulfillmentOrder(
    shop: string,
    fulfillmentOrderId: string,
    hold: boolean,
  ): void {
    const { store } = this.require(shop);
    const fo = store.fulfillmentOrders.get(
      idOf(fulfillmentOrderId, 'FulfillmentOrder'),
    );
    if (!fo) throw new Error(`unknown fulfillment order ${fulfillmentOrderId}`);
    fo.status = hold
      ? 'ON_HOLD'
      : fo.lineItems.some((l) => l.remainingQuantity < l.totalQuantity)
        ? 'IN_PROGRESS'
        : 'OPEN';
    fo.updatedAt = store.nowIso();
  }

  /** Fulfillments recorded for an order (to assert "never fulfilled twice"). */
  fulfillments(
    shop: string,
    orderId: string,
  ): {
    fulfillmentId: string;
    lineItems: { lineItemId: string; quantity: number }[];
  }[] {
    const { store } = this.require(shop);
    return store.fulfillmentsOf(idOf(orderId, 'Order')).map((f) => ({
      fulfillmentId: toGid('Fulfillment', f.id),
      lineItems: f.lineItems.map((l) => ({
        lineItemId: toGid('LineItem', l.lineItemId),
        quantity: l.quantity,
      })),
    }));
  }

  // ---- faults, clock, webhooks --------------------------------------------------------

  addFault(rule: FaultRule): number {
    return this.deps.faults.add(
      rule.shop ? { ...rule, shop: normalizeShopDomain(rule.shop) } : rule,
    );
  }

  clearFaults(): void {
    this.deps.faults.clear();
  }

  advanceClock(ms: number): void {
    this.deps.clock.advance(ms);
  }

  setWebhookDropping(dropping: boolean): void {
    this.deps.webhooks.dropping = dropping;
  }

  configureWebhooks(options: Partial<WebhookOptions>): void {
    Object.assign(this.deps.webhooks.options, options);
  }

  webhookDeliveries(): DeliveryRecord[] {
    return this.deps.webhooks.deliveries.map((d) => ({
      ...d,
      attempts: [...d.attempts],
    }));
  }

  /** Resolves once no webhook delivery is pending. */
  settleWebhooks(): Promise<void> {
    return this.deps.webhooks.settle();
  }
}
