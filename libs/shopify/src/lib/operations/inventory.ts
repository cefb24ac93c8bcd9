import { createHash } from 'node:crypto';
import { ShopifyGraphqlClient } from '../client/shopify-graphql-client';
import { ShopifyUserErrorItem } from '../client/shopify-errors';

export interface SkuResolution {
  /** SKU → inventory item ids (more than one when the SKU is duplicated). */
  items: Map<string, string[]>;
  duplicates: string[];
  missing: string[];
}

export interface ShopifyLocation {
  id: string;
  name: string;
  isActive: boolean;
}

export interface AvailableQuantity {
  inventoryItemId: string;
  locationId: string;
  quantity: number;
  /** The quantity Ferry last saw; null skips the compare-and-set. */
  changeFromQuantity: number | null;
}

export interface SetQuantitiesResult {
  applied: number;
  /** Per-item failures (e.g. CHANGE_FROM_QUANTITY_STALE): re-read and retry those. */
  userErrors: (ShopifyUserErrorItem & { item: AvailableQuantity | null })[];
}

const SKU_QUERY = `query FerrySkus($query: String!, $after: String) {
  productVariants(first: 250, after: $after, query: $query) {
    pageInfo { hasNextPage endCursor }
    nodes { sku inventoryItem { id } }
  }
}`;

const LOCATIONS_QUERY = `query FerryLocations($after: String, $includeInactive: Boolean) {
  locations(first: 250, after: $after, includeInactive: $includeInactive) {
    pageInfo { hasNextPage endCursor }
    nodes { id name isActive }
  }
}`;

const SET_MUTATION = `mutation FerrySetAvailable($input: InventorySetQuantitiesInput!, $key: String!) {
  inventorySetQuantities(input: $input) @idempotent(key: $key) {
    inventoryAdjustmentGroup { id }
    userErrors { code field message }
  }
}`;

/** Quotes a value for Shopify's search syntax. */
export function searchValue(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** Resolves SKUs to inventory items in batches; reports duplicates and misses. */
export async function resolveSkus(
  client: ShopifyGraphqlClient,
  skus: readonly string[],
  batchSize = 25,
): Promise<SkuResolution> {
  const unique = [...new Set(skus)];
  const items = new Map<string, string[]>();
  for (let i = 0; i < unique.length; i += batchSize) {
    const batch = unique.slice(i, i + batchSize);
    const query = batch.map((sku) => `sku:${searchValue(sku)}`).join(' OR ');
    let after: string | null = null;
    for (;;) {
      const data: {
        productVariants: {
          pageInfo: { hasNextPage: boolean; endCursor: string | null };
          nodes: { sku: string | null; inventoryItem: { id: string } }[];
        };
      } = await client.request(SKU_QUERY, { query, after });
      for (const node of data.productVariants.nodes) {
        // The search may match loosely; keep exact SKUs only.
        if (node.sku === null || !batch.includes(node.sku)) continue;
        const list = items.get(node.sku) ?? [];
        if (!list.includes(node.inventoryItem.id))
          list.push(node.inventoryItem.id);
        items.set(node.sku, list);
      }
      if (!data.productVariants.pageInfo.hasNextPage) break;
      after = data.productVariants.pageInfo.endCursor;
    }
  }
  return {
    items,
    duplicates: [...items.entries()]
      .filter(([, ids]) => ids.length > 1)
      .map(([sku]) => sku),
    missing: unique.filter((sku) => !items.has(sku)),
  };
}

export async function listLocations(
  client: ShopifyGraphqlClient,
  includeInactive = false,
): Promise<ShopifyLocation[]> {
  const locations: ShopifyLocation[] = [];
  let after: string | null = null;
  for (;;) {
    const data: {
      locations: {
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
        nodes: ShopifyLocation[];
      };
    } = await client.request(LOCATIONS_QUERY, { after, includeInactive });
    locations.push(...data.locations.nodes);
    if (!data.locations.pageInfo.hasNextPage) return locations;
    after = data.locations.pageInfo.endCursor;
  }
}

/** A key derived from the chunk's content, so a retry of the same chunk replays safely. */
export function idempotencyKeyFor(
  referenceDocumentUri: string,
  chunk: readonly AvailableQuantity[],
): string {
  return createHash('sha256')
    .update(JSON.stringify([referenceDocumentUri, chunk]))
    .digest('hex')
    .slice(0, 32);
}

/**
 * Sets "available" quantities in chunks of 250 (Shopify's input limit), each with a
 * content-derived @idempotent key and changeFromQuantity, so retries never apply twice
 * and a stale read is reported instead of overwriting a newer value.
 */
export async function setAvailableQuantities(
  client: ShopifyGraphqlClient,
  quantities: readonly AvailableQuantity[],
  options: { reason?: string; referenceDocumentUri: string },
): Promise<SetQuantitiesResult> {
  const result: SetQuantitiesResult = { applied: 0, userErrors: [] };
  for (let i = 0; i < quantities.length; i += 250) {
    const chunk = quantities.slice(i, i + 250);
    const data = await client.request<{
      inventorySetQuantities: {
        inventoryAdjustmentGroup: { id: string } | null;
        userErrors: ShopifyUserErrorItem[];
      };
    }>(SET_MUTATION, {
      key: idempotencyKeyFor(options.referenceDocumentUri, chunk),
      input: {
        name: 'available',
        reason: options.reason ?? 'correction',
        referenceDocumentUri: options.referenceDocumentUri,
        quantities: chunk.map((q) => ({ ...q })),
      },
    });
    const payload = data.inventorySetQuantities;
    if (payload.userErrors.length === 0) {
      result.applied += chunk.length;
      continue;
    }
    for (const error of payload.userErrors) {
      // field is ["input", "quantities", index, …] when the error is about one item.
      const index =
        error.field?.[0] === 'input' && error.field[1] === 'quantities'
          ? Number(error.field[2])
          : NaN;
      result.userErrors.push({
        ...error,
        item: Number.isInteger(index) ? (chunk[index] ?? null) : null,
      });
    }
  }
  return result;
}
