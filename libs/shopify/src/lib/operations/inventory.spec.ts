import { Harness, startHarness } from '../../testing/emulator-harness';
import { ShopifyGraphqlClient } from '../client/shopify-graphql-client';
import {
  AvailableQuantity,
  listLocations,
  resolveSkus,
  searchValue,
  setAvailableQuantities,
} from './inventory';

describe('inventory', () => {
  let h: Harness;
  let client: ShopifyGraphqlClient;
  let locationId: string;
  const items: string[] = [];

  beforeAll(async () => {
    h = await startHarness(50);
    const shop = await h.shop('inv', 'PLUS');
    client = h.client(shop);
    locationId = (await h.emulator.addLocation('inv', { name: 'DC' }))
      .locationId;
    await h.emulator.addLocation('inv', { name: 'Old', isActive: false });
    for (let i = 0; i < 600; i++) {
      const product = await h.emulator.addProduct('inv', {
        title: `Item ${i}`,
        variants: [{ sku: `SKU-${i}` }],
      });
      const itemId = product.variants[0]?.inventoryItemId ?? '';
      items.push(itemId);
      await h.emulator.stock('inv', {
        inventoryItemId: itemId,
        locationId,
        quantities: { available: 10 },
      });
    }
    await h.emulator.addProduct('inv', {
      title: 'Copy',
      variants: [{ sku: 'SKU-7' }],
    });
    await h.emulator.addProduct('inv', {
      title: "Quote's",
      variants: [{ sku: "O'BRIEN-1" }],
    });
  });
  afterAll(() => h.close());

  it('resolves SKUs in batches, reporting duplicates and misses', async () => {
    const skus = [
      ...Array.from({ length: 60 }, (_, i) => `SKU-${i}`),
      'NOPE-1',
      "O'BRIEN-1",
    ];
    const result = await resolveSkus(client, skus);
    expect(result.items.get('SKU-3')).toEqual([items[3]]);
    expect(result.items.get('SKU-7')).toHaveLength(2);
    expect(result.items.get("O'BRIEN-1")).toHaveLength(1);
    expect(result.duplicates).toEqual(['SKU-7']);
    expect(result.missing).toEqual(['NOPE-1']);
    expect(searchValue("a'b")).toBe("'a\\'b'");
  });

  it('lists locations', async () => {
    expect((await listLocations(client)).map((l) => l.name)).toEqual(['DC']);
    expect(await listLocations(client, true)).toHaveLength(2);
  });

  it('sets 600 quantities in chunks of 250 with changeFromQuantity, replaying safely', async () => {
    const quantities: AvailableQuantity[] = items.map((inventoryItemId, i) => ({
      inventoryItemId,
      locationId,
      quantity: i % 50,
      changeFromQuantity: 10,
    }));
    const first = await setAvailableQuantities(client, quantities, {
      referenceDocumentUri: 'ferry://stock/run-1',
    });
    expect(first).toEqual({ applied: 600, userErrors: [] });
    expect(
      await h.emulator.inventoryQuantity('inv', items[49] ?? '', locationId),
    ).toMatchObject({ available: 49 });
    // The same call again (a retry after a lost response) is replayed, not re-applied or refused.
    const replay = await setAvailableQuantities(client, quantities, {
      referenceDocumentUri: 'ferry://stock/run-1',
    });
    expect(replay).toEqual({ applied: 600, userErrors: [] });
  });

  it('reports a stale changeFromQuantity per item', async () => {
    const stale: AvailableQuantity = {
      inventoryItemId: items[1] ?? '',
      locationId,
      quantity: 5,
      changeFromQuantity: 999,
    };
    const result = await setAvailableQuantities(client, [stale], {
      referenceDocumentUri: 'ferry://stock/run-2',
    });
    expect(result.applied).toBe(0);
    expect(result.userErrors).toEqual([
      expect.objectContaining({
        code: 'CHANGE_FROM_QUANTITY_STALE',
        item: stale,
      }),
    ]);
  });
});
