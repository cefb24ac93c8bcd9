import { toGid, parseGid } from '../../store/gid';
import { decimalString } from '../../store/money';
import {
  InventoryItemRecord,
  InventoryLevelRecord,
  LocationRecord,
  ProductRecord,
  VariantRecord,
} from '../../store/model';
import { namedQuantity } from '../../store/shop-store';
import { paginate, PageArgs } from '../connection';
import { mapConnection } from './map-connection';
import { GraphQLSource, RequestContext } from '../request-context';

/** Views of locations, products, variants and inventory for graphql-js. */

export function locationView(location: LocationRecord): GraphQLSource {
  return {
    id: toGid('Location', location.id),
    legacyResourceId: String(location.id),
    name: location.name,
    isActive: location.isActive,
    fulfillsOnlineOrders: location.fulfillsOnlineOrders,
    address: { ...location.address },
  };
}

export function productView(
  ctx: RequestContext,
  product: ProductRecord,
): GraphQLSource {
  return {
    id: toGid('Product', product.id),
    legacyResourceId: String(product.id),
    title: product.title,
    handle: product.handle,
    vendor: product.vendor,
    status: product.status,
    createdAt: product.createdAt,
    updatedAt: product.updatedAt,
    variants: (args: PageArgs) => {
      const variants = product.variantIds
        .map((id) => ctx.store.variants.get(id))
        .filter((v): v is VariantRecord => v !== undefined);
      const page = paginate(
        variants,
        (v) => ({ id: v.id, value: v.id }),
        args,
        ctx.bulk,
      );
      return mapConnection(page, (v) => variantView(ctx, v));
    },
  };
}

export function variantView(
  ctx: RequestContext,
  variant: VariantRecord,
): GraphQLSource {
  const product = ctx.store.products.get(variant.productId);
  return {
    id: toGid('ProductVariant', variant.id),
    legacyResourceId: String(variant.id),
    title: variant.title,
    displayName: `${product?.title ?? ''} - ${variant.title}`,
    sku: variant.sku,
    barcode: variant.barcode,
    price: decimalString(variant.priceCents),
    createdAt: variant.createdAt,
    updatedAt: variant.updatedAt,
    inventoryQuantity: () =>
      [...ctx.store.inventoryLevels.values()]
        .filter((l) => l.inventoryItemId === variant.inventoryItemId)
        .reduce((sum, l) => sum + l.quantities.available, 0),
    product: () => (product ? productView(ctx, product) : null),
    inventoryItem: () => {
      const item = ctx.store.inventoryItems.get(variant.inventoryItemId);
      return item ? inventoryItemView(ctx, item) : null;
    },
  };
}

export function inventoryItemView(
  ctx: RequestContext,
  item: InventoryItemRecord,
): GraphQLSource {
  const levels = (): InventoryLevelRecord[] =>
    [...ctx.store.inventoryLevels.values()].filter(
      (l) => l.inventoryItemId === item.id,
    );
  return {
    id: toGid('InventoryItem', item.id),
    legacyResourceId: String(item.id),
    sku: item.sku,
    tracked: item.tracked,
    createdAt: item.createdAt,
    updatedAt: item.updatedAt,
    // Other items sharing this SKU (SKUs are not unique in Shopify).
    duplicateSkuCount: () =>
      item.sku === null
        ? 0
        : [...ctx.store.inventoryItems.values()].filter(
            (i) => i.id !== item.id && i.sku === item.sku,
          ).length,
    variant: () => {
      const variant = ctx.store.variants.get(item.variantId);
      return variant ? variantView(ctx, variant) : null;
    },
    inventoryLevel: (args: { locationId: string }) => {
      const locationId = parseGid(args.locationId, 'Location');
      const level =
        locationId === null
          ? undefined
          : ctx.store.getLevel(item.id, locationId);
      return level ? inventoryLevelView(ctx, level) : null;
    },
    inventoryLevels: (args: PageArgs) =>
      mapConnection(
        paginate(levels(), (l) => ({ id: l.id, value: l.id }), args, ctx.bulk),
        (l) => inventoryLevelView(ctx, l),
      ),
  };
}

export function inventoryLevelView(
  ctx: RequestContext,
  level: InventoryLevelRecord,
): GraphQLSource {
  return {
    // Shopify's level GID carries the item as a query parameter.
    id: `${toGid('InventoryLevel', level.id)}?inventory_item_id=${level.inventoryItemId}`,
    createdAt: level.updatedAt,
    updatedAt: level.updatedAt,
    item: () => {
      const item = ctx.store.inventoryItems.get(level.inventoryItemId);
      return item ? inventoryItemView(ctx, item) : null;
    },
    location: () => {
      const location = ctx.store.locations.get(level.locationId);
      return location ? locationView(location) : null;
    },
    quantities: (args: { names: string[] }) =>
      args.names
        .map((name) => ({ name, quantity: namedQuantity(level, name) }))
        .filter(
          (q): q is { name: string; quantity: number } => q.quantity !== null,
        )
        .map((q) => ({
          id: `gid://shopify/InventoryQuantity/${level.id}?inventory_item_id=${level.inventoryItemId}&name=${q.name}`,
          name: q.name,
          quantity: q.quantity,
          updatedAt: level.updatedAt,
        })),
  };
}
