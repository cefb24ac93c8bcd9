import { toGid } from '../../store/gid';
import {
  CustomerRecord,
  FulfillmentOrderRecord,
  FulfillmentRecord,
  LineItemRecord,
  OrderRecord,
  ShippingLineRecord,
} from '../../store/model';
import { orderTotals } from '../../store/shop-store';
import { requireScope } from '../access-scopes';
import { paginate, PageArgs } from '../connection';
import { GraphQLSource, RequestContext } from '../request-context';
import { locationView, productView, variantView } from './catalog-views';
import { mailingAddressView } from './mailing-address-view';
import { mapConnection } from './map-connection';
import { moneyBag } from './money-bag';

/** Views of orders and everything hanging off them. */

export function orderView(
  ctx: RequestContext,
  order: OrderRecord,
): GraphQLSource {
  const totals = orderTotals(order);
  const currency = order.currencyCode;
  const hideCustomerData = !ctx.store.options.protectedCustomerDataAccess;
  return {
    id: toGid('Order', order.id),
    legacyResourceId: String(order.id),
    name: order.name,
    createdAt: order.createdAt,
    updatedAt: order.updatedAt,
    processedAt: order.processedAt,
    cancelledAt: order.cancelledAt,
    cancelReason: order.cancelReason,
    closed: order.closedAt !== null,
    closedAt: order.closedAt,
    confirmed: true,
    test: false,
    // Protected customer data comes back null unless the app was approved for it.
    email: hideCustomerData ? null : order.email,
    phone: hideCustomerData ? null : order.phone,
    note: order.note,
    poNumber: order.poNumber,
    sourceName: order.sourceName,
    tags: [...order.tags],
    customAttributes: order.customAttributes.map((a) => ({ ...a })),
    currencyCode: currency,
    presentmentCurrencyCode: currency,
    displayFinancialStatus: order.financialStatus,
    displayFulfillmentStatus: () => ctx.store.displayFulfillmentStatus(order),
    subtotalPriceSet: moneyBag(totals.subtotal, currency),
    totalPriceSet: moneyBag(totals.total, currency),
    currentTotalPriceSet: moneyBag(
      order.cancelledAt ? 0 : totals.total,
      currency,
    ),
    totalTaxSet: moneyBag(totals.tax, currency),
    totalShippingPriceSet: moneyBag(totals.shipping, currency),
    totalDiscountsSet: moneyBag(totals.discounts, currency),
    customer: () => {
      requireScope(ctx.app.scopes, ['read_customers'], 'customer');
      if (hideCustomerData || order.customerId === null) return null;
      const customer = ctx.store.customers.get(order.customerId);
      return customer ? customerView(customer) : null;
    },
    shippingAddress: hideCustomerData
      ? null
      : mailingAddressView(order.shippingAddress),
    billingAddress: hideCustomerData
      ? null
      : mailingAddressView(order.billingAddress),
    lineItems: (args: PageArgs) =>
      mapConnection(
        paginate(
          order.lineItems,
          (li) => ({ id: li.id, value: li.id }),
          args,
          ctx.bulk,
        ),
        (li) => lineItemView(ctx, order, li),
      ),
    shippingLines: (args: PageArgs) =>
      mapConnection(
        paginate(
          order.shippingLines,
          (sl) => ({ id: sl.id, value: sl.id }),
          args,
          ctx.bulk,
        ),
        (sl) => shippingLineView(sl, currency),
      ),
    fulfillmentOrders: (args: PageArgs) => {
      requireScope(
        ctx.app.scopes,
        [
          'read_merchant_managed_fulfillment_orders',
          'read_assigned_fulfillment_orders',
          'read_third_party_fulfillment_orders',
        ],
        'fulfillmentOrders',
      );
      return mapConnection(
        paginate(
          ctx.store.fulfillmentOrdersOf(order.id),
          (fo) => ({ id: fo.id, value: fo.id }),
          args,
          ctx.bulk,
        ),
        (fo) => fulfillmentOrderView(ctx, fo),
      );
    },
    fulfillments: () =>
      ctx.store.fulfillmentsOf(order.id).map((f) => fulfillmentView(ctx, f)),
  };
}

export function customerView(customer: CustomerRecord): GraphQLSource {
  const displayName =
    [customer.firstName, customer.lastName].filter(Boolean).join(' ') ||
    customer.email ||
    '';
  return {
    id: toGid('Customer', customer.id),
    legacyResourceId: String(customer.id),
    firstName: customer.firstName,
    lastName: customer.lastName,
    displayName,
    email: customer.email,
    phone: customer.phone,
  };
}

export function lineItemView(
  ctx: RequestContext,
  order: OrderRecord,
  li: LineItemRecord,
): GraphQLSource {
  const currency = order.currencyCode;
  const discountedUnit =
    li.quantity > 0
      ? Math.round(
          (li.unitPriceCents * li.quantity - li.discountCents) / li.quantity,
        )
      : li.unitPriceCents;
  const unfulfilled = ctx.store
    .fulfillmentOrdersOf(order.id)
    .filter((fo) => fo.status !== 'CANCELLED')
    .flatMap((fo) => fo.lineItems)
    .filter((l) => l.lineItemId === li.id)
    .reduce((s, l) => s + l.remainingQuantity, 0);
  return {
    id: toGid('LineItem', li.id),
    name: li.variantTitle ? `${li.title} - ${li.variantTitle}` : li.title,
    title: li.title,
    variantTitle: li.variantTitle,
    sku: li.sku,
    vendor: li.vendor,
    quantity: li.quantity,
    currentQuantity: li.currentQuantity,
    unfulfilledQuantity: unfulfilled,
    requiresShipping: li.requiresShipping,
    taxable: li.taxable,
    originalUnitPriceSet: moneyBag(li.unitPriceCents, currency),
    discountedUnitPriceSet: moneyBag(discountedUnit, currency),
    // The emulator has no order-level discounts to allocate: after all discounts equals after line discounts.
    discountedUnitPriceAfterAllDiscountsSet: moneyBag(discountedUnit, currency),
    originalTotalSet: moneyBag(li.unitPriceCents * li.quantity, currency),
    discountedTotalSet: moneyBag(
      li.unitPriceCents * li.quantity - li.discountCents,
      currency,
    ),
    totalDiscountSet: moneyBag(li.discountCents, currency),
    variant: () => {
      const variant =
        li.variantId === null
          ? undefined
          : ctx.store.variants.get(li.variantId);
      return variant ? variantView(ctx, variant) : null;
    },
    product: () => {
      const product =
        li.productId === null
          ? undefined
          : ctx.store.products.get(li.productId);
      return product ? productView(ctx, product) : null;
    },
  };
}

function shippingLineView(
  sl: ShippingLineRecord,
  currency: string,
): GraphQLSource {
  return {
    id: toGid('ShippingLine', sl.id),
    title: sl.title,
    code: sl.code,
    source: sl.source,
    carrierIdentifier: sl.carrierIdentifier,
    originalPriceSet: moneyBag(sl.priceCents, currency),
    discountedPriceSet: moneyBag(sl.priceCents, currency),
  };
}

/** What a merchant-managed fulfillment order allows in its current status. */
export function supportedActions(fo: FulfillmentOrderRecord): string[] {
  switch (fo.status) {
    case 'OPEN':
      return ['CREATE_FULFILLMENT', 'MOVE', 'HOLD', 'SPLIT'];
    case 'IN_PROGRESS':
      return ['CREATE_FULFILLMENT', 'MOVE', 'HOLD', 'SPLIT'];
    case 'ON_HOLD':
      return ['RELEASE_HOLD', 'MOVE'];
    case 'SCHEDULED':
      return ['MARK_AS_OPEN'];
    default:
      return [];
  }
}

export function fulfillmentOrderView(
  ctx: RequestContext,
  fo: FulfillmentOrderRecord,
): GraphQLSource {
  const order = ctx.store.orders.get(fo.orderId);
  const location = ctx.store.locations.get(fo.locationId);
  return {
    id: toGid('FulfillmentOrder', fo.id),
    status: fo.status,
    requestStatus: 'UNSUBMITTED',
    supportedActions: supportedActions(fo).map((action) => ({
      action,
      externalUrl: null,
    })),
    assignedLocation: {
      name: location?.name ?? '',
      location: location ? locationView(location) : null,
      address1: location?.address.address1 ?? null,
      city: location?.address.city ?? null,
      countryCode: location?.address.countryCode ?? 'US',
      zip: location?.address.zip ?? null,
    },
    orderId: toGid('Order', fo.orderId),
    orderName: order?.name ?? '',
    order: () => (order ? orderView(ctx, order) : null),
    createdAt: fo.createdAt,
    updatedAt: fo.updatedAt,
    lineItems: (args: PageArgs) =>
      mapConnection(
        paginate(
          fo.lineItems,
          (l) => ({ id: l.id, value: l.id }),
          args,
          ctx.bulk,
        ),
        (l) => {
          const li = order?.lineItems.find((x) => x.id === l.lineItemId);
          if (!order || !li) return null;
          const variant =
            li.variantId === null
              ? undefined
              : ctx.store.variants.get(li.variantId);
          return {
            id: toGid('FulfillmentOrderLineItem', l.id),
            totalQuantity: l.totalQuantity,
            remainingQuantity: l.remainingQuantity,
            sku: li.sku,
            productTitle: li.title,
            variantTitle: li.variantTitle,
            lineItem: () => lineItemView(ctx, order, li),
            variant: () => (variant ? variantView(ctx, variant) : null),
            inventoryItemId: variant
              ? toGid('InventoryItem', variant.inventoryItemId)
              : null,
          };
        },
      ),
  };
}

export function fulfillmentView(
  ctx: RequestContext,
  fulfillment: FulfillmentRecord,
): GraphQLSource {
  const order = ctx.store.orders.get(fulfillment.orderId);
  const location = ctx.store.locations.get(fulfillment.locationId);
  const lines = fulfillment.lineItems.map((l, index) => ({
    ...l,
    id: fulfillment.id * 1000 + index,
  }));
  return {
    id: toGid('Fulfillment', fulfillment.id),
    legacyResourceId: String(fulfillment.id),
    name: fulfillment.name,
    status: fulfillment.status,
    createdAt: fulfillment.createdAt,
    updatedAt: fulfillment.updatedAt,
    trackingInfo: () => fulfillment.trackingInfo.map((t) => ({ ...t })),
    location: location ? locationView(location) : null,
    order: () => (order ? orderView(ctx, order) : null),
    fulfillmentLineItems: (args: PageArgs) =>
      mapConnection(
        paginate(lines, (l) => ({ id: l.id, value: l.id }), args, ctx.bulk),
        (l) => {
          const li = order?.lineItems.find((x) => x.id === l.lineItemId);
          return {
            id: toGid('FulfillmentLineItem', l.id),
            quantity: l.quantity,
            lineItem: () => (order && li ? lineItemView(ctx, order, li) : null),
          };
        },
      ),
  };
}
