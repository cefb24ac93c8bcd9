import { RunningShopifyEmulator, startShopifyEmulator } from '../../index';
import { adminClient, pick } from '../../testing/admin-client';

const SET = `mutation($input: InventorySetQuantitiesInput!, $key: String!) {
  inventorySetQuantities(input: $input) @idempotent(key: $key) {
    inventoryAdjustmentGroup { id reason referenceDocumentUri changes { name delta quantityAfterChange item { id } location { id } } }
    userErrors { code field message }
  }
}`;

describe('inventory: variants by SKU, levels and inventorySetQuantities', () => {
  let emu: RunningShopifyEmulator;
  let call: ReturnType<typeof adminClient>;
  let graphqlUrl: string;
  let token: string;
  let warehouse: string;
  let store2: string;
  let itemA: string;
  let itemDup: string;

  beforeAll(async () => {
    emu = await startShopifyEmulator();
    const shop = emu.control.createShop({ shop: 'stock' });
    graphqlUrl = shop.graphqlUrl;
    token = shop.app.accessToken ?? '';
    call = adminClient(graphqlUrl, token);
    warehouse = emu.control.addLocation('stock', {
      name: 'Warehouse',
    }).locationId;
    store2 = emu.control.addLocation('stock', { name: 'Store' }).locationId;
    emu.control.addLocation('stock', { name: 'Closed', isActive: false });
    itemA =
      emu.control.addProduct('stock', {
        title: 'Nut',
        variants: [{ sku: 'N-1' }],
      }).variants[0]?.inventoryItemId ?? '';
    itemDup =
      emu.control.addProduct('stock', {
        title: 'Nut (old)',
        variants: [{ sku: 'N-1' }],
      }).variants[0]?.inventoryItemId ?? '';
    emu.control.stock('stock', {
      inventoryItemId: itemA,
      locationId: warehouse,
      quantities: { available: 10, committed: 2, damaged: 1 },
    });
  });
  afterAll(() => emu.close());

  const input = (
    quantity: number,
    changeFromQuantity: number | null,
    item = itemA,
    location = warehouse,
  ) => ({
    name: 'available',
    reason: 'correction',
    referenceDocumentUri: 'ferry://sync/run-1',
    quantities: [
      {
        inventoryItemId: item,
        locationId: location,
        quantity,
        changeFromQuantity,
      },
    ],
  });

  it('finds variants by SKU, duplicates included, with duplicateSkuCount', async () => {
    const res = await call(
      `{ productVariants(first: 10, query: "sku:'N-1'") { nodes { sku inventoryItem { id duplicateSkuCount } } } }`,
    );
    const nodes = pick(res.json.data, 'productVariants.nodes') as {
      inventoryItem: { id: string; duplicateSkuCount: number };
    }[];
    expect(nodes.map((n) => n.inventoryItem.id).sort()).toEqual(
      [itemA, itemDup].sort(),
    );
    expect(nodes.every((n) => n.inventoryItem.duplicateSkuCount === 1)).toBe(
      true,
    );
  });

  it('lists active locations (inactive on request)', async () => {
    const active = await call(
      '{ locations(first: 10) { nodes { name isActive } } }',
    );
    expect(pick(active.json.data, 'locations.nodes')).toEqual([
      { name: 'Warehouse', isActive: true },
      { name: 'Store', isActive: true },
    ]);
    const all = await call(
      '{ locations(first: 10, includeInactive: true) { nodes { name } } }',
    );
    expect(pick(all.json.data, 'locations.nodes.length')).toBe(3);
  });

  it('reads named quantities, on_hand derived', async () => {
    const res = await call(
      `query($id: ID!, $loc: ID!) { inventoryItem(id: $id) { inventoryLevel(locationId: $loc) {
        quantities(names: ["available", "committed", "damaged", "on_hand", "unavailable"]) { name quantity } } } }`,
      { id: itemA, loc: warehouse },
    );
    expect(
      pick(res.json.data, 'inventoryItem.inventoryLevel.quantities'),
    ).toEqual([
      { name: 'available', quantity: 10 },
      { name: 'committed', quantity: 2 },
      { name: 'damaged', quantity: 1 },
      { name: 'on_hand', quantity: 13 },
      { name: 'unavailable', quantity: 1 },
    ]);
  });

  it('sets available with a compare-and-set on changeFromQuantity', async () => {
    const res = await call(SET, { input: input(7, 10), key: 'k-ok' });
    expect(pick(res.json.data, 'inventorySetQuantities.userErrors')).toEqual(
      [],
    );
    expect(
      pick(res.json.data, 'inventorySetQuantities.inventoryAdjustmentGroup'),
    ).toMatchObject({
      reason: 'correction',
      referenceDocumentUri: 'ferry://sync/run-1',
      changes: [
        {
          name: 'available',
          delta: -3,
          quantityAfterChange: 7,
          item: { id: itemA },
          location: { id: warehouse },
        },
        { name: 'on_hand', delta: -3, quantityAfterChange: 10 },
      ],
    });
    expect(
      emu.control.inventoryQuantity('stock', itemA, warehouse),
    ).toMatchObject({ available: 7 });
  });

  it('replays a request with the same key without applying it twice', async () => {
    const first = await call(SET, { input: input(5, 7), key: 'k-replay' });
    const second = await call(SET, { input: input(5, 7), key: 'k-replay' });
    expect(pick(second.json.data, 'inventorySetQuantities.userErrors')).toEqual(
      [],
    );
    expect(
      pick(
        second.json.data,
        'inventorySetQuantities.inventoryAdjustmentGroup.id',
      ),
    ).toBe(
      pick(
        first.json.data,
        'inventorySetQuantities.inventoryAdjustmentGroup.id',
      ),
    );
    expect(
      emu.control.inventoryQuantity('stock', itemA, warehouse),
    ).toMatchObject({ available: 5 });
  });

  it('rejects a reused key with other parameters', async () => {
    const res = await call(SET, { input: input(1, 5), key: 'k-replay' });
    expect(pick(res.json.data, 'inventorySetQuantities.userErrors')).toEqual([
      {
        code: 'IDEMPOTENCY_KEY_PARAMETER_MISMATCH',
        field: null,
        message:
          'The same idempotency key cannot be used with different operation parameters.',
      },
    ]);
  });

  it('reports a stale changeFromQuantity and changes nothing', async () => {
    const res = await call(SET, { input: input(3, 99), key: 'k-stale' });
    expect(pick(res.json.data, 'inventorySetQuantities')).toEqual({
      inventoryAdjustmentGroup: null,
      userErrors: [
        {
          code: 'CHANGE_FROM_QUANTITY_STALE',
          field: ['input', 'quantities', '0', 'changeFromQuantity'],
          message:
            'The changeFromQuantity value does not match persisted value.',
        },
      ],
    });
    expect(
      emu.control.inventoryQuantity('stock', itemA, warehouse),
    ).toMatchObject({ available: 5 });
  });

  it('skips the check when changeFromQuantity is explicitly null', async () => {
    const res = await call(SET, { input: input(6, null), key: 'k-null' });
    expect(pick(res.json.data, 'inventorySetQuantities.userErrors')).toEqual(
      [],
    );
  });

  it('reports ITEM_NOT_STOCKED_AT_LOCATION', async () => {
    const res = await call(SET, {
      input: input(1, 0, itemA, store2),
      key: 'k-unstocked',
    });
    expect(
      pick(res.json.data, 'inventorySetQuantities.userErrors.0.code'),
    ).toBe('ITEM_NOT_STOCKED_AT_LOCATION');
  });

  it('requires changeFromQuantity and @idempotent from 2026-04', async () => {
    const missing = await call(SET, {
      input: {
        ...input(1, 0),
        quantities: [
          { inventoryItemId: itemA, locationId: warehouse, quantity: 1 },
        ],
      },
      key: 'k-missing',
    });
    expect(
      pick(missing.json.data, 'inventorySetQuantities.userErrors.0.field'),
    ).toEqual(['input', 'quantities', '0', 'changeFromQuantity']);
    const noKey = await call(
      'mutation($input: InventorySetQuantitiesInput!) { inventorySetQuantities(input: $input) { userErrors { code } } }',
      { input: input(1, 6) },
    );
    expect(noKey.json.errors?.[0]?.message).toMatch(/@idempotent/);
  });

  it('uses compareQuantity semantics on 2026-01', async () => {
    const old = adminClient(graphqlUrl.replace('2026-10', '2026-01'), token);
    const res = await old(
      'mutation($input: InventorySetQuantitiesInput!) { inventorySetQuantities(input: $input) { userErrors { code } } }',
      {
        input: {
          name: 'available',
          reason: 'correction',
          quantities: [
            {
              inventoryItemId: itemA,
              locationId: warehouse,
              quantity: 1,
              compareQuantity: 42,
            },
          ],
        },
      },
    );
    expect(
      pick(res.json.data, 'inventorySetQuantities.userErrors.0.code'),
    ).toBe('COMPARE_QUANTITY_STALE');
  });

  it('rejects more than 250 quantities in one call', async () => {
    const quantities = Array.from({ length: 251 }, () => ({
      inventoryItemId: itemA,
      locationId: warehouse,
      quantity: 1,
      changeFromQuantity: null,
    }));
    const res = await call(SET, {
      input: { ...input(1, null), quantities },
      key: 'k-big',
    });
    expect(res.json.errors?.[0]).toMatchObject({
      message:
        'The input array size of 251 is greater than the maximum allowed of 250.',
      extensions: { code: 'MAX_INPUT_SIZE_EXCEEDED' },
    });
  });

  it('needs write_inventory', async () => {
    const readOnly = emu.control.installApp('stock', {
      scopes: ['read_inventory'],
    });
    const res = await adminClient(graphqlUrl, readOnly.accessToken ?? '')(SET, {
      input: input(1, null),
      key: 'k-scope',
    });
    expect(res.json.errors?.[0]?.extensions?.['code']).toBe('ACCESS_DENIED');
  });
});
