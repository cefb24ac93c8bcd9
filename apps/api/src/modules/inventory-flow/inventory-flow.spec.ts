import { InventoryPushSummary, Page, ProblemDetails } from '@ferry/contracts';
import { ShopifyGraphqlClient } from '@ferry/shopify';
import { ConnectedTenant, ConnectedWorld, connectTenant, startConnectedWorld } from '../../testing/connected-tenant';
import { ConnectorClients } from '../connections/connector-clients';
import { SyncWorker } from '../sync/sync-worker';

/** End to end: ERP stock (CIMcloud emulator) → Ferry → Shopify available quantities (Shopify emulator). */
describe('inventory flow, ERP → Shopify', () => {
  let world: ConnectedWorld;
  let acme: ConnectedTenant;
  let main: string;
  let east: string;
  /** SKU → inventory item id of the single-variant products. */
  const items = new Map<string, string>();
  let job = 0;
  const as = () => ({ session: acme.session, tenantId: acme.tenantId });

  /** One inventory run, as the queue would start it. */
  const runInventory = () =>
    world.t.app
      .get(SyncWorker)
      .handle({ id: `test-${++job}`, queue: 'sync.inventory', retryCount: 0, payload: { tenantId: acme.tenantId, flow: 'inventory', trigger: 'manual' } });
  const available = (sku: string, locationId = main) => world.shopify.control.inventoryQuantity(acme.shopName, items.get(sku) ?? '', locationId)?.available;
  const ledgerRow = async (itemCode: string, warehouseCode: string) =>
    (
      await world.t.owner.query(
        `select status, available, last_pushed_available, inventory_item_id, location_id, error from inventory_pushes where tenant_id = $1 and item_code = $2 and warehouse_code = $3`,
        [acme.tenantId, itemCode, warehouseCode],
      )
    ).rows[0];
  const lastRun = async () =>
    (await world.t.owner.query(`select status, counts, error from sync_runs where tenant_id = $1 and flow = 'inventory' order by started_at desc limit 1`, [acme.tenantId])).rows[0];
  const addItem = (sku: string, quantity: number | null) => {
    const product = world.shopify.control.addProduct(acme.shopName, { title: sku, variants: [{ sku }] });
    const itemId = product.variants[0].inventoryItemId;
    if (quantity !== null) world.shopify.control.stock(acme.shopName, { inventoryItemId: itemId, locationId: main, quantities: { available: quantity } });
    return itemId;
  };

  beforeAll(async () => {
    world = await startConnectedWorld();
    acme = await connectTenant(world, 'Acme');
    main = world.shopify.control.addLocation(acme.shopName, { name: 'Main warehouse' }).locationId;
    east = world.shopify.control.addLocation(acme.shopName, { name: 'East coast' }).locationId;
    // The demo ERP site stocks ten items in warehouses 000 and 001; Shopify sells four of them.
    items.set('WIDGET-100', addItem('WIDGET-100', 3));
    items.set('WIDGET-200', addItem('WIDGET-200', 0));
    items.set('GADGET-1', addItem('GADGET-1', 70)); // already what the ERP says
    addItem('GADGET-2', 0);
    addItem('GADGET-2', 0); // a second variant with the same SKU
    // Only warehouse 000 is linked; 001 stays unlinked.
    const linked = await world.t.request('PUT', '/api/v1/location-links', { as: as(), body: { links: [{ locationId: main, warehouseCode: '000' }, { locationId: east, warehouseCode: null }] } });
    expect(linked.status).toBe(200);
    world.cimcloud.control.setStock(acme.siteName, [{ itemCode: 'WIDGET-200', warehouseCode: '000', onHand: 60, committed: 15 }]);
  }, 60000);
  afterAll(() => world.close());

  it('sets ERP available quantities (on hand − committed) at the linked location, and pushes nothing Shopify already shows', async () => {
    await runInventory();
    expect(await lastRun()).toMatchObject({ status: 'succeeded', error: null });
    expect(available('WIDGET-100')).toBe(50);
    expect(available('WIDGET-200')).toBe(45);
    expect(available('GADGET-1')).toBe(70);
    expect(await ledgerRow('WIDGET-100', '000')).toEqual({
      status: 'pushed',
      available: 50,
      last_pushed_available: 50,
      inventory_item_id: items.get('WIDGET-100'),
      location_id: main,
      error: null,
    });
    expect(await ledgerRow('WIDGET-200', '000')).toMatchObject({ status: 'pushed', last_pushed_available: 45 });
    expect(await ledgerRow('GADGET-1', '000')).toMatchObject({ status: 'unchanged', last_pushed_available: 70 });
    expect((await lastRun()).counts).toMatchObject({ read: 20, written: 2 });
  }, 60000);

  it('records unmatched SKUs, duplicate SKUs and unlinked warehouses with their reasons and error-queue categories', async () => {
    expect(await ledgerRow('BOLT-M6', '000')).toMatchObject({ status: 'sku_not_matched', last_pushed_available: null, error: 'No Shopify variant has SKU "BOLT-M6".' });
    expect(await ledgerRow('GADGET-2', '000')).toMatchObject({ status: 'duplicate_sku', error: expect.stringContaining('2 Shopify variants share SKU "GADGET-2"') });
    expect(await ledgerRow('WIDGET-100', '001')).toMatchObject({
      status: 'location_not_matched',
      inventory_item_id: items.get('WIDGET-100'),
      error: 'ERP warehouse "001" is not linked to a Shopify location.',
    });
    expect(available('WIDGET-100', east)).toBeUndefined();
    const errors = (
      await world.t.owner.query(`select record_key, category, state from record_errors where tenant_id = $1 and flow = 'inventory' and record_key = any($2::text[]) order by record_key`, [
        acme.tenantId,
        ['BOLT-M6@000', 'GADGET-2@000', 'WIDGET-100@001'],
      ])
    ).rows;
    expect(errors).toEqual([
      { record_key: 'BOLT-M6@000', category: 'sku_not_matched', state: 'open' },
      { record_key: 'GADGET-2@000', category: 'sku_not_matched', state: 'open' },
      { record_key: 'WIDGET-100@001', category: 'location_not_matched', state: 'open' },
    ]);
    const statuses = (await world.t.owner.query(`select status, count(*)::int as n from inventory_pushes where tenant_id = $1 group by status order by status`, [acme.tenantId])).rows;
    // Ten items × two warehouses, none dropped: 3 matched at 000; GADGET-2 twice; six unknown SKUs twice; three known SKUs at 001.
    expect(statuses).toEqual([
      { status: 'duplicate_sku', n: 2 },
      { status: 'location_not_matched', n: 3 },
      { status: 'pushed', n: 2 },
      { status: 'sku_not_matched', n: 12 },
      { status: 'unchanged', n: 1 },
    ]);
  });

  it('pushes nothing when nothing changed in the ERP, even where Shopify was changed by hand', async () => {
    world.shopify.control.stock(acme.shopName, { inventoryItemId: items.get('WIDGET-100') ?? '', locationId: main, quantities: { available: 7 } });
    await runInventory();
    expect(await lastRun()).toMatchObject({ status: 'succeeded', counts: expect.objectContaining({ written: 0, failed: 0 }) });
    expect(available('WIDGET-100')).toBe(7);
    expect(await ledgerRow('WIDGET-100', '000')).toMatchObject({ status: 'pushed', last_pushed_available: 50 });
  }, 60000);

  it('pushes a changed level (from the quantity Shopify holds now), and records a level that changed back to the same value as unchanged', async () => {
    world.cimcloud.control.adjustStock(acme.siteName, { itemCode: 'WIDGET-100', warehouseCode: '000', onHandDelta: 5 });
    // Touched in the ERP, same available: not pushed again (Shopify's hand-made 44 stays).
    world.cimcloud.control.setStock(acme.siteName, [{ itemCode: 'WIDGET-200', warehouseCode: '000', onHand: 61, committed: 16 }]);
    world.shopify.control.stock(acme.shopName, { inventoryItemId: items.get('WIDGET-200') ?? '', locationId: main, quantities: { available: 44 } });
    await runInventory();
    expect(available('WIDGET-100')).toBe(55);
    expect(available('WIDGET-200')).toBe(44);
    expect(await ledgerRow('WIDGET-100', '000')).toMatchObject({ status: 'pushed', available: 55, last_pushed_available: 55 });
    expect(await ledgerRow('WIDGET-200', '000')).toMatchObject({ status: 'unchanged', last_pushed_available: 45 });
    expect((await lastRun()).counts).toMatchObject({ written: 1, failed: 0 });
  }, 60000);

  it('re-reads a quantity changed in Shopify between read and write (CHANGE_FROM_QUANTITY_STALE) and retries once', async () => {
    const { client } = (await world.t.app.get(ConnectorClients).shopify(acme.tenantId)) as { client: ShopifyGraphqlClient };
    const original = client.request.bind(client);
    let mutations = 0;
    const spy = jest.spyOn(client, 'request').mockImplementation((query, variables, options) => {
      // A sale in Shopify just before Ferry's first write makes its changeFromQuantity stale.
      if (query.includes('inventorySetQuantities') && ++mutations === 1) {
        world.shopify.control.stock(acme.shopName, { inventoryItemId: items.get('WIDGET-100') ?? '', locationId: main, quantities: { available: 54 } });
      }
      return original(query, variables, options);
    });
    try {
      world.cimcloud.control.adjustStock(acme.siteName, { itemCode: 'WIDGET-100', warehouseCode: '000', onHandDelta: 10 });
      await runInventory();
    } finally {
      spy.mockRestore();
    }
    expect(mutations).toBe(2);
    expect(available('WIDGET-100')).toBe(65);
    expect(await ledgerRow('WIDGET-100', '000')).toMatchObject({ status: 'pushed', last_pushed_available: 65 });
  }, 60000);

  it('pushes a level once its SKU exists in Shopify and a person retries its error', async () => {
    items.set('BOLT-M6', addItem('BOLT-M6', 0));
    const open = await world.t.request<{ items: Array<{ id: string; recordKey: string; category: string }> }>('GET', '/api/v1/errors?category=sku_not_matched&limit=200', { as: as() });
    const bolt = open.body.items.find((e) => e.recordKey === 'BOLT-M6@000');
    expect(bolt).toBeDefined();
    expect((await world.t.request('POST', `/api/v1/errors/${bolt?.id}/retry`, { as: as() })).status).toBe(200);
    await runInventory();
    expect(available('BOLT-M6')).toBe(90);
    expect(await ledgerRow('BOLT-M6', '000')).toMatchObject({ status: 'pushed', last_pushed_available: 90, error: null });
    const state = await world.t.owner.query(`select state from record_errors where tenant_id = $1 and flow = 'inventory' and record_key = 'BOLT-M6@000'`, [acme.tenantId]);
    expect(state.rows.map((r) => r.state)).toEqual(['resolved']);
  }, 60000);

  it('re-reads everything on the periodic reconcile: a SKU created since is matched, and what Shopify already shows is not pushed again', async () => {
    items.set('NUT-M6', addItem('NUT-M6', 0));
    // As if a crash had lost the ledger write of the last WIDGET-100 push: Shopify already shows 65.
    await world.t.owner.query(`update inventory_pushes set last_pushed_available = 55, erp_updated_at = erp_updated_at - interval '1 hour' where tenant_id = $1 and item_code = 'WIDGET-100' and warehouse_code = '000'`, [
      acme.tenantId,
    ]);
    await world.t.owner.query(`delete from checkpoints where tenant_id = $1 and flow = 'inventory.reconcile'`, [acme.tenantId]);
    const { client } = (await world.t.app.get(ConnectorClients).shopify(acme.tenantId)) as { client: ShopifyGraphqlClient };
    const spy = jest.spyOn(client, 'request');
    try {
      await runInventory();
      const pushed = spy.mock.calls.filter(([query]) => query.includes('inventorySetQuantities')).map(([, variables]) => variables);
      expect(pushed).toHaveLength(1);
      expect(JSON.stringify(pushed)).toContain(items.get('NUT-M6'));
      expect(JSON.stringify(pushed)).not.toContain(items.get('WIDGET-100'));
    } finally {
      spy.mockRestore();
    }
    expect(available('NUT-M6')).toBe(100);
    expect(await ledgerRow('NUT-M6', '000')).toMatchObject({ status: 'pushed', last_pushed_available: 100 });
    expect(await ledgerRow('WIDGET-100', '000')).toMatchObject({ status: 'unchanged', last_pushed_available: 65 });
    expect((await lastRun()).counts).toMatchObject({ read: 20 });
    // The next run is incremental again.
    await runInventory();
    expect((await lastRun()).counts.read).toBeLessThan(5);
  }, 60000);

  it('lists the ledger with status and item filters, pages it by cursor, and refuses bad filters', async () => {
    const duplicates = await world.t.request<Page<InventoryPushSummary>>('GET', '/api/v1/inventory-pushes?status=duplicate_sku', { as: as() });
    expect(duplicates.status).toBe(200);
    expect(duplicates.body.items.map((p) => [p.itemCode, p.warehouseCode, p.status]).sort()).toEqual([
      ['GADGET-2', '000', 'duplicate_sku'],
      ['GADGET-2', '001', 'duplicate_sku'],
    ]);
    const widget = await world.t.request<Page<InventoryPushSummary>>('GET', '/api/v1/inventory-pushes?q=widget-100', { as: as() });
    expect(widget.body.items.map((p) => p.id).sort()).toEqual(['WIDGET-100@000', 'WIDGET-100@001']);
    expect(widget.body.items.find((p) => p.id === 'WIDGET-100@000')).toMatchObject({ status: 'unchanged', available: 65, lastPushedAvailable: 65, locationId: main, pushedAt: expect.any(String) });

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: Page<InventoryPushSummary> } = await world.t.request<Page<InventoryPushSummary>>('GET', `/api/v1/inventory-pushes?limit=6${cursor ? `&cursor=${cursor}` : ''}`, { as: as() });
      expect(page.body.items.length).toBeLessThanOrEqual(6);
      seen.push(...page.body.items.map((p) => p.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(20);
    expect(new Set(seen).size).toBe(20);

    const bad = await world.t.request<ProblemDetails>('GET', '/api/v1/inventory-pushes?status=lost&limit=0', { as: as() });
    expect(bad.status).toBe(400);
    expect(bad.body.errors?.map((e) => e.field).sort()).toEqual(['limit', 'status']);
  }, 60000);

  it('is the tenant’s own: another tenant sees none of its rows, and a tenant without connections gets a failed run', async () => {
    const beta = await connectTenant(world, 'Beta');
    const theirs = await world.t.request<Page<InventoryPushSummary>>('GET', '/api/v1/inventory-pushes?q=WIDGET', { as: { session: beta.session, tenantId: beta.tenantId } });
    expect(theirs.status).toBe(200);
    expect(theirs.body.items).toEqual([]);

    const lonely = await world.t.seedTenant('Unconnected');
    await world.t.app.get(SyncWorker).handle({ id: `test-${++job}`, queue: 'sync.inventory', retryCount: 0, payload: { tenantId: lonely, flow: 'inventory', trigger: 'manual' } });
    const run = await world.t.owner.query(`select status, error from sync_runs where tenant_id = $1`, [lonely]);
    expect(run.rows).toEqual([{ status: 'failed', error: 'Shopify is not connected.' }]);
  }, 60000);
});
