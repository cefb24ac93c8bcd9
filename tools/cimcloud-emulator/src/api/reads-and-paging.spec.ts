import { DEMO_CREDENTIALS, demoSiteSeed } from '../demo/demo-site';
import { startCimcloudEmulator, type RunningCimcloudEmulator } from '../start-emulator';
import { ApiClient } from '../testing/api-client';

describe('GET reads: pages of 50 and searchstrings', () => {
  let emulator: RunningCimcloudEmulator;
  let client: ApiClient;

  beforeAll(async () => {
    const seed = demoSiteSeed('acme');
    seed.masterData = {
      ...seed.masterData,
      items: Array.from({ length: 120 }, (_, i) => ({ itemCode: `ITEM-${String(i).padStart(3, '0')}`, description: `Item ${i}`, price: i })),
      customers: Array.from({ length: 60 }, (_, i) => ({ divisionNo: i < 30 ? '01' : '02', customerNo: `C${i}`, name: i % 10 === 0 ? `Manufacturing ${i}` : `Shop ${i}` })),
    };
    emulator = await startCimcloudEmulator({ sites: [seed], rateLimits: null });
    client = new ApiClient(emulator.url, 'acme');
    await client.authenticate(DEMO_CREDENTIALS);
  });
  afterAll(() => emulator.close());

  it('pages products 50 at a time; page 0 and no page mean page 1', async () => {
    const sizes = [];
    for (const page of [1, 2, 3, 4]) sizes.push((await client.rows(`products/${page}`)).length);
    expect(sizes).toEqual([50, 50, 20, 0]);
    expect((await client.rows('products/'))[0]['sku']).toBe('ITEM-000');
    expect((await client.rows('products/0'))[0]['sku']).toBe('ITEM-000');
    expect((await client.rows('products/2'))[0]['sku']).toBe('ITEM-050');
  });

  it('reads customers with division and number, filtered and paged', async () => {
    const all = await client.rows('customers/2');
    expect(all).toHaveLength(10);
    const division2 = await client.rows('customers/searchequal~division_no~02');
    expect(division2).toHaveLength(30);
    expect(division2[0]).toMatchObject({ customer_no: 'C30', division_no: '02' });
    const like = await client.rows('customers/searchlike~name~manufacturing');
    expect(like.map((c) => c['customer_no'])).toEqual(['C0', 'C10', 'C20', 'C30', 'C40', 'C50']);
    const paged = await client.rows('customers/searchlike~name~shop/2');
    expect(paged).toHaveLength(4);
  });

  it('supports and/or with parentheses, comparisons and between', async () => {
    const rows = await client.rows(
      'products/searchbetween~price~10~12|or|(searchgreaterthanequal~price~118|and|searchlike~name~Item)',
    );
    expect(rows.map((r) => r['price'])).toEqual([10, 11, 12, 118, 119]);
    const dated = await client.rows('product_qty_in_stock/searchgreaterthan~updated_at~<<dateadd:days:-1>>');
    expect(dated.length).toBeGreaterThan(0);
    // CIMcloud's documented example puts a slashed date in the path
    const slashed = await client.rows('product_qty_in_stock/(searchlike~sku~PAINT|and|searchgreaterthanequal~updated_at~1/1/2021)/1');
    expect(slashed.map((r) => r['sku'])).toEqual(['PAINT-RED', 'PAINT-RED', 'PAINT-BLUE', 'PAINT-BLUE']);
  });

  it('answers 400 to an unknown command or column', async () => {
    expect((await client.get('products/searchfuzzy~name~x')).status).toBe(400);
    expect((await client.get('products/searchequal~colour~red')).status).toBe(400);
  });

  it('reads the ERP lists: warehouses, ship-via codes, terms codes, tax schedules', async () => {
    expect((await client.rows('erp_warehouses')).map((r) => r['warehouse_code'])).toEqual(['000', '001']);
    expect((await client.rows('erp_ship_vias')).map((r) => r['ship_via'])).toContain('UPS GROUND');
    expect((await client.rows('erp_terms_codes')).map((r) => r['terms_code'])).toEqual(['00', '01', '02']);
    expect((await client.rows('erp_tax_schedules')).map((r) => r['tax_schedule'])).toContain('NY');
  });

  it('answers 404 for an unknown resource and 401 before anything without a token', async () => {
    expect((await client.get('widgets')).status).toBe(404);
    expect((await client.call('GET', 'products', undefined, '')).status).toBe(401);
  });
});
