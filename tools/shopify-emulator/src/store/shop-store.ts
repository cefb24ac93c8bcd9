import { EmulatorClock } from '../clock/emulator-clock';
import {
  AppRecord,
  CustomerRecord,
  FulfillmentOrderRecord,
  FulfillmentRecord,
  InventoryItemRecord,
  InventoryLevelRecord,
  LineItemRecord,
  LocationRecord,
  MailingAddress,
  OrderRecord,
  ProductRecord,
  ShippingLineRecord,
  ShopPlan,
  StoredQuantityName,
  TrackingInfo,
  VariantRecord,
  WebhookSubscriptionRecord,
  FinancialStatus,
} from './model';

/** Source of unique numeric ids, shared by all shops like Shopify's global ids. */
export interface IdSequence {
  next(): number;
}

/** A domain event that may become a webhook. */
export interface ShopEvent {
  topic: string;
  /** The record the payload is rendered from. */
  subject:
    | { kind: 'order'; id: number }
    | { kind: 'inventory_level'; itemId: number; locationId: number }
    | { kind: 'fulfillment'; id: number }
    | { kind: 'shop' };
}

export interface NewLineItem {
  variantId?: number;
  sku?: string | null;
  title?: string;
  quantity: number;
  priceCents?: number;
  discountCents?: number;
  taxCents?: number;
  requiresShipping?: boolean;
}

export interface NewOrder {
  email?: string | null;
  phone?: string | null;
  note?: string | null;
  poNumber?: string | null;
  tags?: string[];
  customAttributes?: { key: string; value: string }[];
  customerId?: number | null;
  shippingAddress?: MailingAddress | null;
  billingAddress?: MailingAddress | null;
  lineItems: NewLineItem[];
  shippingLines?: { title: string; code?: string | null; priceCents: number }[];
  financialStatus?: FinancialStatus;
  /** Backdate an order (e.g. to test the 60-day window); ISO string. */
  createdAt?: string;
  /** Location the fulfillment order is assigned to; defaults to the first active one. */
  locationId?: number;
}

export interface OrderEdit {
  note?: string | null;
  tags?: string[];
  email?: string | null;
  shippingAddress?: MailingAddress | null;
  customAttributes?: { key: string; value: string }[];
  financialStatus?: FinancialStatus;
}

export interface StoreOptions {
  /** Numeric shop id (Shop GID). */
  id: number;
  domain: string;
  name: string;
  plan: ShopPlan;
  currencyCode: string;
  /** Search index lag: writes become visible to `query:` filters after this many ms. */
  searchLagMs: number;
  /** When false, customer data comes back null (protected customer data not approved). */
  protectedCustomerDataAccess: boolean;
}

/** All state of one emulated shop and the domain rules that change it. */
export class ShopStore {
  readonly apps = new Map<number, AppRecord>();
  readonly customers = new Map<number, CustomerRecord>();
  readonly locations = new Map<number, LocationRecord>();
  readonly products = new Map<number, ProductRecord>();
  readonly variants = new Map<number, VariantRecord>();
  readonly inventoryItems = new Map<number, InventoryItemRecord>();
  readonly inventoryLevels = new Map<string, InventoryLevelRecord>();
  readonly orders = new Map<number, OrderRecord>();
  readonly fulfillmentOrders = new Map<number, FulfillmentOrderRecord>();
  readonly fulfillments = new Map<number, FulfillmentRecord>();
  readonly webhookSubscriptions = new Map<number, WebhookSubscriptionRecord>();
  /** Per-order indexes so large shops stay fast. */
  private readonly foIdsByOrder = new Map<number, number[]>();
  private readonly fulfillmentIdsByOrder = new Map<number, number[]>();
  private nextOrderNumber = 1001;
  private readonly listeners: ((event: ShopEvent) => void)[] = [];

  constructor(
    readonly options: StoreOptions,
    private readonly ids: IdSequence,
    private readonly clock: EmulatorClock,
  ) {}

  get domain(): string {
    return this.options.domain;
  }

  onEvent(listener: (event: ShopEvent) => void): void {
    this.listeners.push(listener);
  }

  private emit(event: ShopEvent): void {
    for (const listener of this.listeners) listener(event);
  }

  /** Shopify timestamps have second precision, which makes updated_at ties common. */
  nowIso(): string {
    return secondPrecisionIso(this.clock.now());
  }

  nowMs(): number {
    return this.clock.now();
  }

  nextId(): number {
    return this.ids.next();
  }

  // ---- catalog and locations -------------------------------------------------------

  addLocation(input: {
    name: string;
    isActive?: boolean;
    address?: Partial<MailingAddress>;
  }): LocationRecord {
    const location: LocationRecord = {
      id: this.ids.next(),
      name: input.name,
      isActive: input.isActive ?? true,
      fulfillsOnlineOrders: true,
      address: { ...emptyAddress(), ...input.address },
    };
    this.locations.set(location.id, location);
    return location;
  }

  addCustomer(
    input: Partial<Omit<CustomerRecord, 'id' | 'createdAt' | 'updatedAt'>>,
  ): CustomerRecord {
    const now = this.nowIso();
    const customer: CustomerRecord = {
      id: this.ids.next(),
      firstName: input.firstName ?? null,
      lastName: input.lastName ?? null,
      email: input.email ?? null,
      phone: input.phone ?? null,
      createdAt: now,
      updatedAt: now,
    };
    this.customers.set(customer.id, customer);
    return customer;
  }

  /** Creates a product with variants; each variant gets an inventory item (SKUs may repeat). */
  addProduct(input: {
    title: string;
    vendor?: string;
    variants: {
      title?: string;
      sku?: string | null;
      priceCents?: number;
      barcode?: string | null;
    }[];
  }): { product: ProductRecord; variants: VariantRecord[] } {
    const now = this.nowIso();
    const product: ProductRecord = {
      id: this.ids.next(),
      title: input.title,
      handle: input.title
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/(^-|-$)/g, ''),
      vendor: input.vendor ?? this.options.name,
      status: 'ACTIVE',
      createdAt: now,
      updatedAt: now,
      variantIds: [],
    };
    this.products.set(product.id, product);
    const variants = input.variants.map((v, index) => {
      const itemId = this.ids.next();
      const variant: VariantRecord = {
        id: this.ids.next(),
        productId: product.id,
        title:
          v.title ??
          (input.variants.length === 1
            ? 'Default Title'
            : `Variant ${index + 1}`),
        sku: v.sku ?? null,
        barcode: v.barcode ?? null,
        priceCents: v.priceCents ?? 1000,
        inventoryItemId: itemId,
        createdAt: now,
        updatedAt: now,
      };
      this.inventoryItems.set(itemId, {
        id: itemId,
        variantId: variant.id,
        sku: variant.sku,
        tracked: true,
        createdAt: now,
        updatedAt: now,
      });
      this.variants.set(variant.id, variant);
      product.variantIds.push(variant.id);
      return variant;
    });
    return { product, variants };
  }

  levelKey(itemId: number, locationId: number): string {
    return `${itemId}:${locationId}`;
  }

  getLevel(
    itemId: number,
    locationId: number,
  ): InventoryLevelRecord | undefined {
    return this.inventoryLevels.get(this.levelKey(itemId, locationId));
  }

  /** Stocks an item at a location (activates it) and optionally sets named quantities. */
  stock(
    itemId: number,
    locationId: number,
    quantities: Partial<Record<StoredQuantityName, number>>,
  ): InventoryLevelRecord {
    if (!this.inventoryItems.has(itemId))
      throw new Error(`unknown inventory item ${itemId}`);
    if (!this.locations.has(locationId))
      throw new Error(`unknown location ${locationId}`);
    let level = this.getLevel(itemId, locationId);
    if (!level) {
      level = {
        id: this.ids.next(),
        inventoryItemId: itemId,
        locationId,
        quantities: {
          available: 0,
          committed: 0,
          reserved: 0,
          damaged: 0,
          quality_control: 0,
          safety_stock: 0,
          incoming: 0,
        },
        updatedAt: this.nowIso(),
      };
      this.inventoryLevels.set(this.levelKey(itemId, locationId), level);
    }
    Object.assign(level.quantities, quantities);
    level.updatedAt = this.nowIso();
    this.emit({
      topic: 'inventory_levels/update',
      subject: { kind: 'inventory_level', itemId, locationId },
    });
    return level;
  }

  /** Sets a named quantity (available or on_hand) and returns the delta applied. */
  setNamedQuantity(
    level: InventoryLevelRecord,
    name: 'available' | 'on_hand',
    quantity: number,
  ): number {
    const before =
      name === 'available' ? level.quantities.available : onHand(level);
    const delta = quantity - before;
    level.quantities.available += delta;
    level.updatedAt = this.nowIso();
    this.emit({
      topic: 'inventory_levels/update',
      subject: {
        kind: 'inventory_level',
        itemId: level.inventoryItemId,
        locationId: level.locationId,
      },
    });
    return delta;
  }

  // ---- orders -------------------------------------------------------------------------

  createOrder(input: NewOrder): OrderRecord {
    const now = this.nowIso();
    const createdAt = input.createdAt
      ? secondPrecisionIso(Date.parse(input.createdAt))
      : now;
    const lineItems: LineItemRecord[] = input.lineItems.map((li) => {
      const variant =
        li.variantId !== undefined
          ? this.variants.get(li.variantId)
          : undefined;
      if (li.variantId !== undefined && !variant)
        throw new Error(`unknown variant ${li.variantId}`);
      const product = variant
        ? this.products.get(variant.productId)
        : undefined;
      return {
        id: this.ids.next(),
        title: li.title ?? product?.title ?? 'Custom item',
        variantTitle:
          variant && variant.title !== 'Default Title' ? variant.title : null,
        sku: li.sku !== undefined ? li.sku : (variant?.sku ?? null),
        vendor: product?.vendor ?? null,
        quantity: li.quantity,
        currentQuantity: li.quantity,
        unitPriceCents: li.priceCents ?? variant?.priceCents ?? 1000,
        discountCents: li.discountCents ?? 0,
        taxCents: li.taxCents ?? 0,
        variantId: variant?.id ?? null,
        productId: product?.id ?? null,
        requiresShipping: li.requiresShipping ?? true,
        taxable: true,
      };
    });
    const shippingLines: ShippingLineRecord[] = (input.shippingLines ?? []).map(
      (s) => ({
        id: this.ids.next(),
        title: s.title,
        code: s.code ?? s.title,
        source: 'shopify',
        carrierIdentifier: null,
        priceCents: s.priceCents,
      }),
    );
    const number = this.nextOrderNumber++;
    const order: OrderRecord = {
      id: this.ids.next(),
      number,
      name: `#${number}`,
      createdAt,
      // A backdated order was last updated when it was created.
      updatedAt: createdAt,
      processedAt: createdAt,
      cancelledAt: null,
      cancelReason: null,
      closedAt: null,
      email: input.email ?? null,
      phone: input.phone ?? null,
      note: input.note ?? null,
      poNumber: input.poNumber ?? null,
      sourceName: 'web',
      tags: input.tags ?? [],
      customAttributes: input.customAttributes ?? [],
      currencyCode: this.options.currencyCode,
      customerId: input.customerId ?? null,
      shippingAddress: input.shippingAddress ?? null,
      billingAddress: input.billingAddress ?? input.shippingAddress ?? null,
      lineItems,
      shippingLines,
      financialStatus: input.financialStatus ?? 'PAID',
      searchIndex: [],
    };
    this.indexOrder(order);
    this.orders.set(order.id, order);
    this.createFulfillmentOrders(order, input.locationId);
    this.emit({
      topic: 'orders/create',
      subject: { kind: 'order', id: order.id },
    });
    return order;
  }

  private createFulfillmentOrders(
    order: OrderRecord,
    locationId: number | undefined,
  ): void {
    const shippable = order.lineItems.filter((li) => li.requiresShipping);
    if (shippable.length === 0) return;
    const location =
      (locationId !== undefined ? this.locations.get(locationId) : undefined) ??
      [...this.locations.values()].find((l) => l.isActive);
    if (!location)
      throw new Error(
        'a shop needs an active location before orders can be created',
      );
    const fo: FulfillmentOrderRecord = {
      id: this.ids.next(),
      orderId: order.id,
      locationId: location.id,
      status: 'OPEN',
      lineItems: shippable.map((li) => ({
        id: this.ids.next(),
        lineItemId: li.id,
        totalQuantity: li.quantity,
        remainingQuantity: li.quantity,
      })),
      createdAt: order.createdAt,
      updatedAt: order.updatedAt,
    };
    this.fulfillmentOrders.set(fo.id, fo);
    this.foIdsByOrder.set(order.id, [
      ...(this.foIdsByOrder.get(order.id) ?? []),
      fo.id,
    ]);
  }

  /** Records the order's new updated_at in the (possibly lagging) search index. */
  private indexOrder(order: OrderRecord): void {
    order.searchIndex.push({
      updatedAt: order.updatedAt,
      visibleFromMs: this.nowMs() + this.options.searchLagMs,
    });
  }

  /** Bumps updatedAt (never backwards; edits within one second keep the same value). */
  touchOrder(
    order: OrderRecord,
    topic: string | null = 'orders/updated',
  ): void {
    const now = this.nowIso();
    if (now > order.updatedAt) order.updatedAt = now;
    this.indexOrder(order);
    if (topic) this.emit({ topic, subject: { kind: 'order', id: order.id } });
  }

  editOrder(orderId: number, edit: OrderEdit): OrderRecord {
    const order = this.requireOrder(orderId);
    if (edit.note !== undefined) order.note = edit.note;
    if (edit.tags !== undefined) order.tags = edit.tags;
    if (edit.email !== undefined) order.email = edit.email;
    if (edit.shippingAddress !== undefined)
      order.shippingAddress = edit.shippingAddress;
    if (edit.customAttributes !== undefined)
      order.customAttributes = edit.customAttributes;
    if (edit.financialStatus !== undefined)
      order.financialStatus = edit.financialStatus;
    this.touchOrder(order);
    return order;
  }

  cancelOrder(orderId: number, reason = 'CUSTOMER'): OrderRecord {
    const order = this.requireOrder(orderId);
    if (order.cancelledAt) return order;
    order.cancelledAt = this.nowIso();
    order.cancelReason = reason;
    order.closedAt = order.cancelledAt;
    for (const fo of this.fulfillmentOrdersOf(orderId)) {
      if (fo.status !== 'CLOSED') {
        fo.status = 'CANCELLED';
        fo.updatedAt = order.cancelledAt;
      }
    }
    this.touchOrder(order, 'orders/cancelled');
    this.emit({
      topic: 'orders/updated',
      subject: { kind: 'order', id: order.id },
    });
    return order;
  }

  requireOrder(orderId: number): OrderRecord {
    const order = this.orders.get(orderId);
    if (!order) throw new Error(`unknown order ${orderId}`);
    return order;
  }

  fulfillmentOrdersOf(orderId: number): FulfillmentOrderRecord[] {
    return (this.foIdsByOrder.get(orderId) ?? [])
      .map((id) => this.fulfillmentOrders.get(id))
      .filter((fo): fo is FulfillmentOrderRecord => fo !== undefined);
  }

  fulfillmentsOf(orderId: number): FulfillmentRecord[] {
    return (this.fulfillmentIdsByOrder.get(orderId) ?? [])
      .map((id) => this.fulfillments.get(id))
      .filter((f): f is FulfillmentRecord => f !== undefined);
  }

  /** Applies an already validated fulfillment: decrements remaining quantities, closes FOs. */
  applyFulfillment(input: {
    orderId: number;
    locationId: number;
    items: {
      fulfillmentOrder: FulfillmentOrderRecord;
      lineItemId: number;
      foLineItemId: number;
      quantity: number;
    }[];
    trackingInfo: TrackingInfo | null;
    notifyCustomer: boolean;
  }): FulfillmentRecord {
    const now = this.nowIso();
    const touched = new Set<FulfillmentOrderRecord>();
    for (const item of input.items) {
      const foLine = item.fulfillmentOrder.lineItems.find(
        (l) => l.id === item.foLineItemId,
      );
      if (!foLine) throw new Error('fulfillment order line item vanished');
      foLine.remainingQuantity -= item.quantity;
      touched.add(item.fulfillmentOrder);
    }
    for (const fo of touched) {
      const remaining = fo.lineItems.reduce(
        (sum, l) => sum + l.remainingQuantity,
        0,
      );
      fo.status = remaining === 0 ? 'CLOSED' : 'IN_PROGRESS';
      fo.updatedAt = now;
    }
    const order = this.requireOrder(input.orderId);
    const fulfillment: FulfillmentRecord = {
      id: this.ids.next(),
      orderId: input.orderId,
      locationId: input.locationId,
      name: `${order.name}-F${this.fulfillmentsOf(input.orderId).length + 1}`,
      status: 'SUCCESS',
      trackingInfo: input.trackingInfo ? [input.trackingInfo] : [],
      lineItems: input.items.map((i) => ({
        lineItemId: i.lineItemId,
        quantity: i.quantity,
      })),
      notifyCustomer: input.notifyCustomer,
      createdAt: now,
      updatedAt: now,
    };
    this.fulfillments.set(fulfillment.id, fulfillment);
    this.fulfillmentIdsByOrder.set(order.id, [
      ...(this.fulfillmentIdsByOrder.get(order.id) ?? []),
      fulfillment.id,
    ]);
    const allClosed = this.fulfillmentOrdersOf(order.id).every(
      (fo) => fo.status === 'CLOSED' || fo.status === 'CANCELLED',
    );
    if (allClosed) order.closedAt = now;
    this.touchOrder(order);
    this.emit({
      topic: 'fulfillments/create',
      subject: { kind: 'fulfillment', id: fulfillment.id },
    });
    if (allClosed)
      this.emit({
        topic: 'orders/fulfilled',
        subject: { kind: 'order', id: order.id },
      });
    return fulfillment;
  }

  /** The order's fulfillment status derived from its fulfillment orders. */
  displayFulfillmentStatus(order: OrderRecord): string {
    const lines = this.fulfillmentOrdersOf(order.id).flatMap(
      (fo) => fo.lineItems,
    );
    const total = lines.reduce((s, l) => s + l.totalQuantity, 0);
    const remaining = lines.reduce((s, l) => s + l.remainingQuantity, 0);
    if (total === 0) return 'FULFILLED';
    if (remaining === total) return 'UNFULFILLED';
    if (remaining === 0) return 'FULFILLED';
    return 'PARTIALLY_FULFILLED';
  }

  emitAppUninstalled(): void {
    this.emit({ topic: 'app/uninstalled', subject: { kind: 'shop' } });
  }
}

export function secondPrecisionIso(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000)
    .toISOString()
    .replace('.000Z', 'Z');
}

export function emptyAddress(): MailingAddress {
  return {
    firstName: null,
    lastName: null,
    company: null,
    address1: null,
    address2: null,
    city: null,
    province: null,
    provinceCode: null,
    zip: null,
    country: null,
    countryCode: null,
    phone: null,
  };
}

/** on_hand = available + committed + the unavailable states. */
export function onHand(level: InventoryLevelRecord): number {
  const q = level.quantities;
  return q.available + q.committed + unavailable(level);
}

export function unavailable(level: InventoryLevelRecord): number {
  const q = level.quantities;
  return q.reserved + q.damaged + q.quality_control + q.safety_stock;
}

/** Reads a named quantity, derived ones included; null for an unknown name. */
export function namedQuantity(
  level: InventoryLevelRecord,
  name: string,
): number | null {
  switch (name) {
    case 'on_hand':
      return onHand(level);
    case 'unavailable':
      return unavailable(level);
    case 'available':
    case 'committed':
    case 'reserved':
    case 'damaged':
    case 'quality_control':
    case 'safety_stock':
    case 'incoming':
      return level.quantities[name];
    default:
      return null;
  }
}

/** Line totals. */
export function orderTotals(order: OrderRecord): {
  subtotal: number;
  shipping: number;
  tax: number;
  discounts: number;
  total: number;
} {
  const gross = order.lineItems.reduce(
    (s, li) => s + li.unitPriceCents * li.quantity,
    0,
  );
  const discounts = order.lineItems.reduce((s, li) => s + li.discountCents, 0);
  const tax = order.lineItems.reduce((s, li) => s + li.taxCents, 0);
  const shipping = order.shippingLines.reduce((s, sl) => s + sl.priceCents, 0);
  const subtotal = gross - discounts;
  return {
    subtotal,
    shipping,
    tax,
    discounts,
    total: subtotal + shipping + tax,
  };
}
