import { ShopifyGraphqlClient } from '../client/shopify-graphql-client';

export interface InventoryLevelKey {
  inventoryItemId: string;
  locationId: string;
}

/** Map key of one inventory item at one location. */
export function inventoryLevelKey(inventoryItemId: string, locationId: string): string {
  return `${inventoryItemId}|${locationId}`;
}

interface LevelNode {
  inventoryLevel: { quantities: { name: string; quantity: number }[] } | null;
}

/**
 * Reads Shopify's current "available" per item × location (the `changeFromQuantity` of
 * `inventorySetQuantities`), one aliased `inventoryItem { inventoryLevel }` per pair and
 * `batchSize` pairs per query. A pair whose item is not stocked at the location (or whose
 * item is gone) reads as null.
 */
export async function readAvailableQuantities(
  client: ShopifyGraphqlClient,
  keys: readonly InventoryLevelKey[],
  batchSize = 50,
): Promise<Map<string, number | null>> {
  const found = new Map<string, number | null>();
  const unique = [
    ...new Map(
      keys.map((k) => [inventoryLevelKey(k.inventoryItemId, k.locationId), k]),
    ).values(),
  ];
  for (let i = 0; i < unique.length; i += batchSize) {
    const batch = unique.slice(i, i + batchSize);
    const declarations = batch
      .map((_, j) => `$i${j}: ID!, $l${j}: ID!`)
      .join(', ');
    const selections = batch
      .map(
        (_, j) =>
          `p${j}: inventoryItem(id: $i${j}) { inventoryLevel(locationId: $l${j}) { quantities(names: ["available"]) { name quantity } } }`,
      )
      .join('\n  ');
    const variables: Record<string, string> = {};
    batch.forEach((k, j) => {
      variables[`i${j}`] = k.inventoryItemId;
      variables[`l${j}`] = k.locationId;
    });
    const data = await client.request<Record<string, LevelNode | null>>(
      `query FerryAvailable(${declarations}) {\n  ${selections}\n}`,
      variables,
    );
    batch.forEach((k, j) => {
      const level = data[`p${j}`]?.inventoryLevel ?? null;
      const available =
        level?.quantities.find((q) => q.name === 'available')?.quantity ?? null;
      found.set(
        inventoryLevelKey(k.inventoryItemId, k.locationId),
        level ? (available ?? 0) : null,
      );
    });
  }
  return found;
}
