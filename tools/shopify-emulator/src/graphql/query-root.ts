import { parseGid, toGid } from '../store/gid';
import { secondPrecisionIso } from '../store/shop-store';
import {
  InventoryItemRecord,
  LocationRecord,
  OrderRecord,
  VariantRecord,
} from '../store/model';
import { hasScope, requireScope } from './access-scopes';
import { paginate, PageArgs, SortPosition } from './connection';
import { GraphQLSource, RequestContext } from './request-context';
import { FieldLookup, matchesSearch, parseSearchQuery } from './search-query';
import {
  inventoryItemView,
  inventoryLevelView,
  locationView,
  productView,
  variantView,
} from './views/catalog-views';
import { mapConnection } from './views/map-connection';
import { fulfillmentOrderView, orderView } from './views/order-views';
import { webhookSubscriptionView } from './views/webhook-subscription-view';
import { bulkOperationView } from './views/bulk-operation-view';

const SIXTY_DAYS_MS = 60 * 24 * 3600 * 1000;

const PLAN_NAMES: Record<string, string> = {
  STANDARD: 'Shopify',
  ADVANCED: 'Advanced',
  PLUS: 'Shopify Plus',
  ENTERPRISE: 'Commerce Components',
};

interface SearchArgs extends PageArgs {
  query?: string | null;
  sortKey?: string | null;
}

/** Orders outside the last 60 days are invisible without read_all_orders. */
function withinOrderWindow(ctx: RequestContext, order: OrderRecord): boolean {
  if (hasScope(ctx.app.scopes, 'read_all_orders')) return true;
  return Date.parse(order.createdAt) >= ctx.store.nowMs() - SIXTY_DAYS_MS;
}

/** The updated_at the (lagging) search index currently holds for an order, if any. */
function indexedUpdatedAt(order: OrderRecord, nowMs: number): string | null {
  const entries = order.searchIndex;
  // Newest entry first: usually the current one is already visible.
  for (let i = entries.length - 1; i >= 0; i--) {
    const entry = entries[i];
    if (entry && entry.visibleFromMs <= nowMs) return entry.updatedAt;
  }
  return null;
}

function orderStatus(order: OrderRecord): string[] {
  if (order.cancelledAt) return ['cancelled', 'closed', 'any'];
  return order.closedAt ? ['closed', 'any'] : ['open', 'any'];
}

function orderLookup(
  ctx: RequestContext,
  order: OrderRecord,
  indexedAt: string,
): FieldLookup {
  return (field) => {
    switch (field) {
      case 'updated_at':
        return indexedAt;
      case 'created_at':
        return order.createdAt;
      case 'processed_at':
        return order.processedAt;
      case 'id':
        return order.id;
      case 'name':
        return [order.name, order.name.replace('#', '')];
      case 'status':
        return orderStatus(order);
      case 'financial_status':
        return order.financialStatus.toLowerCase();
      case 'fulfillment_status': {
        const status = ctx.store.displayFulfillmentStatus(order);
        if (status === 'FULFILLED') return ['shipped', 'fulfilled'];
        if (status === 'PARTIALLY_FULFILLED') return ['partial', 'unshipped'];
        return ['unshipped', 'unfulfilled'];
      }
      case 'tag':
        return order.tags;
      case 'email':
        return order.email;
      case 'sku':
        return order.lineItems.map((li) => li.sku);
      case null:
        return [order.name, order.email];
      default:
        return undefined;
    }
  };
}

function orderPosition(
  order: OrderRecord,
  indexedAt: string,
  sortKey: string | null | undefined,
): SortPosition {
  switch (sortKey) {
    case 'UPDATED_AT':
      return { id: order.id, value: indexedAt };
    case 'CREATED_AT':
      return { id: order.id, value: order.createdAt };
    case 'PROCESSED_AT':
      return { id: order.id, value: order.processedAt };
    case 'ORDER_NUMBER':
      return { id: order.id, value: order.number };
    default:
      return { id: order.id, value: order.id };
  }
}

function variantLookup(
  ctx: RequestContext,
  variant: VariantRecord,
): FieldLookup {
  return (field) => {
    switch (field) {
      case 'sku':
        return variant.sku;
      case 'id':
        return variant.id;
      case 'product_id':
        return variant.productId;
      case 'barcode':
        return variant.barcode;
      case 'title':
        return variant.title;
      case 'updated_at':
        return variant.updatedAt;
      case null:
        return [
          variant.sku,
          variant.title,
          ctx.store.products.get(variant.productId)?.title ?? null,
        ];
      default:
        return undefined;
    }
  };
}

function itemLookup(item: InventoryItemRecord): FieldLookup {
  return (field) => {
    switch (field) {
      case 'sku':
        return item.sku;
      case 'id':
        return item.id;
      case 'created_at':
        return item.createdAt;
      case 'updated_at':
        return item.updatedAt;
      case null:
        return item.sku;
      default:
        return undefined;
    }
  };
}

function locationLookup(location: LocationRecord): FieldLookup {
  return (field) => {
    switch (field) {
      case 'name':
        return location.name;
      case 'id':
        return location.id;
      case 'active':
        return location.isActive;
      case null:
        return location.name;
      default:
        return undefined;
    }
  };
}

/** Root query fields; each is a function graphql-js calls with (args, context). */
export const queryRoot: GraphQLSource = {
  shop: (_args: unknown, ctx: RequestContext) => {
    const o = ctx.store.options;
    return {
      id: toGid('Shop', o.id),
      name: o.name,
      email: `owner@${o.domain}`,
      myshopifyDomain: o.domain,
      currencyCode: o.currencyCode,
      ianaTimezone: 'Etc/UTC',
      plan: {
        displayName: PLAN_NAMES[o.plan] ?? o.plan,
        publicDisplayName: PLAN_NAMES[o.plan] ?? o.plan,
        partnerDevelopment: false,
        shopifyPlus: o.plan === 'PLUS' || o.plan === 'ENTERPRISE',
      },
    };
  },

  currentAppInstallation: (_args: unknown, ctx: RequestContext) => ({
    id: toGid('AppInstallation', ctx.app.id),
    accessScopes: ctx.app.scopes.map((handle) => ({
      handle,
      description: `Scope ${handle}`,
    })),
    app: {
      id: toGid('App', ctx.app.id),
      title: ctx.app.title,
      apiKey: ctx.app.clientId,
    },
  }),

  order: (args: { id: string }, ctx: RequestContext) => {
    requireScope(ctx.app.scopes, ['read_orders'], 'order');
    const id = parseGid(args.id, 'Order');
    const order = id === null ? undefined : ctx.store.orders.get(id);
    return order && withinOrderWindow(ctx, order)
      ? orderView(ctx, order)
      : null;
  },

  orders: (args: SearchArgs, ctx: RequestContext) => {
    requireScope(ctx.app.scopes, ['read_orders'], 'orders');
    const query = parseSearchQuery(args.query);
    const now = ctx.store.nowMs();
    // Stored timestamps are all second-precision ISO strings, which compare like instants.
    const oldestVisible = hasScope(ctx.app.scopes, 'read_all_orders')
      ? null
      : secondPrecisionIso(now - SIXTY_DAYS_MS);
    // Listing goes through the search index, which may lag writes (fault: searchLagMs).
    const rows: { order: OrderRecord; indexedAt: string }[] = [];
    for (const order of ctx.store.orders.values()) {
      if (oldestVisible !== null && order.createdAt < oldestVisible) continue;
      const indexedAt = indexedUpdatedAt(order, now);
      if (indexedAt === null) continue;
      if (
        query.length === 0 ||
        matchesSearch(query, orderLookup(ctx, order, indexedAt))
      )
        rows.push({ order, indexedAt });
    }
    const page = paginate(
      rows,
      (r) => orderPosition(r.order, r.indexedAt, args.sortKey),
      args,
      ctx.bulk,
    );
    return mapConnection(page, (r) => orderView(ctx, r.order));
  },

  fulfillmentOrder: (args: { id: string }, ctx: RequestContext) => {
    requireScope(
      ctx.app.scopes,
      [
        'read_merchant_managed_fulfillment_orders',
        'read_assigned_fulfillment_orders',
      ],
      'fulfillmentOrder',
    );
    const id = parseGid(args.id, 'FulfillmentOrder');
    const fo = id === null ? undefined : ctx.store.fulfillmentOrders.get(id);
    return fo ? fulfillmentOrderView(ctx, fo) : null;
  },

  fulfillmentOrders: (
    args: PageArgs & { includeClosed?: boolean | null; query?: string | null },
    ctx: RequestContext,
  ) => {
    requireScope(
      ctx.app.scopes,
      [
        'read_merchant_managed_fulfillment_orders',
        'read_assigned_fulfillment_orders',
      ],
      'fulfillmentOrders',
    );
    const query = parseSearchQuery(args.query);
    const list = [...ctx.store.fulfillmentOrders.values()].filter(
      (fo) =>
        (args.includeClosed ||
          (fo.status !== 'CLOSED' && fo.status !== 'CANCELLED')) &&
        matchesSearch(query, (field) => {
          if (field === 'status') return fo.status.toLowerCase();
          if (field === 'assigned_location_id') return fo.locationId;
          if (field === 'updated_at') return fo.updatedAt;
          if (field === 'order_id') return fo.orderId;
          return undefined;
        }),
    );
    return mapConnection(
      paginate(list, (fo) => ({ id: fo.id, value: fo.id }), args, ctx.bulk),
      (fo) => fulfillmentOrderView(ctx, fo),
    );
  },

  location: (args: { id?: string | null }, ctx: RequestContext) => {
    requireScope(
      ctx.app.scopes,
      ['read_locations', 'read_inventory'],
      'location',
    );
    const location = args.id
      ? ctx.store.locations.get(parseGid(args.id, 'Location') ?? -1)
      : [...ctx.store.locations.values()].find((l) => l.isActive);
    return location ? locationView(location) : null;
  },

  locations: (
    args: PageArgs & {
      includeInactive?: boolean | null;
      query?: string | null;
    },
    ctx: RequestContext,
  ) => {
    requireScope(
      ctx.app.scopes,
      ['read_locations', 'read_inventory'],
      'locations',
    );
    const query = parseSearchQuery(args.query);
    const list = [...ctx.store.locations.values()].filter(
      (l) =>
        (args.includeInactive || l.isActive) &&
        matchesSearch(query, locationLookup(l)),
    );
    return mapConnection(
      paginate(list, (l) => ({ id: l.id, value: l.id }), args, ctx.bulk),
      (l) => locationView(l),
    );
  },

  product: (args: { id: string }, ctx: RequestContext) => {
    requireScope(ctx.app.scopes, ['read_products'], 'product');
    const product = ctx.store.products.get(parseGid(args.id, 'Product') ?? -1);
    return product ? productView(ctx, product) : null;
  },

  productVariant: (args: { id: string }, ctx: RequestContext) => {
    requireScope(ctx.app.scopes, ['read_products'], 'productVariant');
    const variant = ctx.store.variants.get(
      parseGid(args.id, 'ProductVariant') ?? -1,
    );
    return variant ? variantView(ctx, variant) : null;
  },

  productVariants: (args: SearchArgs, ctx: RequestContext) => {
    requireScope(ctx.app.scopes, ['read_products'], 'productVariants');
    const query = parseSearchQuery(args.query);
    const list = [...ctx.store.variants.values()].filter((v) =>
      matchesSearch(query, variantLookup(ctx, v)),
    );
    const position = (v: VariantRecord): SortPosition =>
      args.sortKey === 'SKU'
        ? { id: v.id, value: v.sku ?? '' }
        : args.sortKey === 'TITLE'
          ? { id: v.id, value: v.title }
          : { id: v.id, value: v.id };
    return mapConnection(paginate(list, position, args, ctx.bulk), (v) =>
      variantView(ctx, v),
    );
  },

  inventoryItem: (args: { id: string }, ctx: RequestContext) => {
    requireScope(
      ctx.app.scopes,
      ['read_inventory', 'read_products'],
      'inventoryItem',
    );
    const item = ctx.store.inventoryItems.get(
      parseGid(args.id, 'InventoryItem') ?? -1,
    );
    return item ? inventoryItemView(ctx, item) : null;
  },

  inventoryItems: (args: SearchArgs, ctx: RequestContext) => {
    requireScope(
      ctx.app.scopes,
      ['read_inventory', 'read_products'],
      'inventoryItems',
    );
    const query = parseSearchQuery(args.query);
    const list = [...ctx.store.inventoryItems.values()].filter((i) =>
      matchesSearch(query, itemLookup(i)),
    );
    return mapConnection(
      paginate(list, (i) => ({ id: i.id, value: i.id }), args, ctx.bulk),
      (i) => inventoryItemView(ctx, i),
    );
  },

  inventoryLevel: (args: { id: string }, ctx: RequestContext) => {
    requireScope(ctx.app.scopes, ['read_inventory'], 'inventoryLevel');
    const id = parseGid(args.id, 'InventoryLevel');
    const level = [...ctx.store.inventoryLevels.values()].find(
      (l) => l.id === id,
    );
    return level ? inventoryLevelView(ctx, level) : null;
  },

  webhookSubscription: (args: { id: string }, ctx: RequestContext) => {
    const sub = ctx.store.webhookSubscriptions.get(
      parseGid(args.id, 'WebhookSubscription') ?? -1,
    );
    return sub && sub.appId === ctx.app.id
      ? webhookSubscriptionView(sub)
      : null;
  },

  webhookSubscriptions: (
    args: PageArgs & { topics?: string[] | null },
    ctx: RequestContext,
  ) => {
    const list = [...ctx.store.webhookSubscriptions.values()].filter(
      (s) =>
        s.appId === ctx.app.id &&
        (!args.topics || args.topics.includes(s.topic)),
    );
    return mapConnection(
      paginate(list, (s) => ({ id: s.id, value: s.id }), args, ctx.bulk),
      (s) => webhookSubscriptionView(s),
    );
  },

  currentBulkOperation: (_args: unknown, ctx: RequestContext) => {
    const op = ctx.bulkOperations.current(ctx.store.domain, ctx.app.id);
    return op ? bulkOperationView(op) : null;
  },

  bulkOperation: (args: { id: string }, ctx: RequestContext) => {
    const op = ctx.bulkOperations.get(
      ctx.store.domain,
      parseGid(args.id, 'BulkOperation') ?? -1,
    );
    return op && op.appId === ctx.app.id ? bulkOperationView(op) : null;
  },
};
