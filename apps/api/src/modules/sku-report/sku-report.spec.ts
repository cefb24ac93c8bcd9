import { SkuReport } from '@ferry/contracts';
import { ConnectedTenant, ConnectedWorld, connectTenant, startConnectedWorld } from '../../testing/connected-tenant';

describe('SKU match report (HTTP, both emulators)', () => {
  let world: ConnectedWorld;
  let acme: ConnectedTenant;
  const as = () => ({ session: acme.session, tenantId: acme.tenantId });

  beforeAll(async () => {
    world = await startConnectedWorld();
    acme = await connectTenant(world, 'Acme');
    const add = (title: string, skus: Array<string | null>) => world.shopify.control.addProduct(acme.shopName, { title, variants: skus.map((sku) => ({ sku })) });
    add('Widget', ['WIDGET-100', 'WIDGET-200']);
    add('Gadget', ['GADGET-1', 'GADGET-1']);
    add('Mystery box', [null, 'NOT-IN-ERP']);
  });
  afterAll(() => world.close());

  it('asks for the ERP lists first', async () => {
    const early = await world.t.request<{ detail: string }>('GET', '/api/v1/sku-report', { as: as() });
    expect(early.status).toBe(409);
    expect(early.body.detail).toContain('Refresh the ERP lists first');
  });

  it('counts matches, misses on both sides, duplicates and blanks, and downloads as CSV', async () => {
    await world.t.request('POST', '/api/v1/erp-lists/refresh', { as: as() });
    const report = await world.t.request<SkuReport>('GET', '/api/v1/sku-report', { as: as() });
    expect(report.body.counts).toEqual({ shopifyVariants: 6, erpItems: 10, matched: 3, shopifyOnly: 1, erpOnly: 7, duplicates: 1, blanks: 1 });
    expect(report.body.shopifyOnly).toEqual(['NOT-IN-ERP']);
    expect(report.body.duplicates).toEqual([{ sku: 'GADGET-1', variants: 2 }]);
    expect(report.body.erpOnly).toEqual(expect.arrayContaining(['BOLT-M6', 'PAINT-RED']));
    expect(report.body.blanks).toEqual([{ variantId: expect.stringMatching(/^gid:\/\/shopify\/ProductVariant\//), title: expect.stringContaining('Mystery box') }]);

    const csv = await world.t.request<string>('GET', '/api/v1/sku-report.csv', { as: as() });
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.headers.get('content-disposition')).toContain('sku-report.csv');
    const lines = csv.body.trim().split('\r\n');
    expect(lines[0]).toBe('problem,sku,detail');
    expect(lines).toContain('not in ERP item master,NOT-IN-ERP,');
    expect(lines).toContain('duplicate SKU in Shopify,GADGET-1,2 variants');
    expect(lines).toHaveLength(1 + 1 + 7 + 1 + 1);
  });
});
