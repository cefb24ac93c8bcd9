import { LocationLinksResponse, ProblemDetails } from '@ferry/contracts';
import { ConnectedTenant, ConnectedWorld, connectTenant, startConnectedWorld } from '../../testing/connected-tenant';
import { suggestWarehouse } from './location-links.service';

describe('location ↔ warehouse links (HTTP, both emulators)', () => {
  let world: ConnectedWorld;
  let acme: ConnectedTenant;
  let main: string;
  let east: string;
  let popup: string;
  const as = () => ({ session: acme.session, tenantId: acme.tenantId });

  beforeAll(async () => {
    world = await startConnectedWorld();
    acme = await connectTenant(world, 'Acme');
    main = world.shopify.control.addLocation(acme.shopName, { name: 'Main Warehouse' }).locationId;
    east = world.shopify.control.addLocation(acme.shopName, { name: 'East coast' }).locationId;
    popup = world.shopify.control.addLocation(acme.shopName, { name: 'Pop-up store' }).locationId;
    world.shopify.control.addLocation(acme.shopName, { name: 'Closed store', isActive: false });
    await world.t.request('POST', '/api/v1/erp-lists/refresh', { as: as() });
  });
  afterAll(() => world.close());

  it('suggests warehouses by name, ignoring case and punctuation', () => {
    const warehouses = [{ code: '000', description: 'Main warehouse' }, { code: 'EST', description: 'East' }];
    expect(suggestWarehouse('MAIN-Warehouse', warehouses)?.code).toBe('000');
    expect(suggestWarehouse('est', warehouses)?.code).toBe('EST');
    expect(suggestWarehouse('Pop-up store', warehouses)).toBeNull();
  });

  it('lists active locations with suggestions, and what is unmatched on either side', async () => {
    const links = await world.t.request<LocationLinksResponse>('GET', '/api/v1/location-links', { as: as() });
    expect(links.status).toBe(200);
    expect(links.body.links.map((l) => [l.locationName, l.warehouseCode, l.source])).toEqual([
      ['Main Warehouse', '000', 'suggested'],
      ['East coast', null, 'suggested'],
      ['Pop-up store', null, 'suggested'],
    ]);
    expect(links.body.unmatchedLocations.map((l) => l.locationName)).toEqual(['East coast', 'Pop-up store']);
    expect(links.body.unmatchedWarehouses).toEqual([{ code: '001', description: 'East coast warehouse' }]);
  });

  it('saves links a person chose, and keeps them over later suggestions', async () => {
    const saved = await world.t.request<LocationLinksResponse>('PUT', '/api/v1/location-links', {
      as: as(),
      body: { links: [{ locationId: east, warehouseCode: '001' }, { locationId: main, warehouseCode: null }] },
    });
    expect(saved.status).toBe(200);
    expect(saved.body.links.map((l) => [l.locationName, l.warehouseCode, l.source])).toEqual([
      ['Main Warehouse', null, 'manual'],
      ['East coast', '001', 'manual'],
      ['Pop-up store', null, 'suggested'],
    ]);
    expect(saved.body.unmatchedWarehouses.map((w) => w.code)).toEqual(['000']);
  });

  it('refuses unknown locations and warehouses, naming each', async () => {
    const refused = await world.t.request<ProblemDetails>('PUT', '/api/v1/location-links', {
      as: as(),
      body: { links: [{ locationId: 'gid://shopify/Location/999999', warehouseCode: '000' }, { locationId: popup, warehouseCode: 'ZZZ' }] },
    });
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([
      { field: 'links.0.locationId', message: 'is not a location of the connected Shopify store' },
      { field: 'links.1.warehouseCode', message: 'is not an ERP warehouse (known: 000, 001)' },
    ]);
    const malformed = await world.t.request<ProblemDetails>('PUT', '/api/v1/location-links', { as: as(), body: { links: [{ locationId: popup, warehouseCode: 'TOOLONG' }] } });
    expect(malformed.body.errors?.[0].field).toBe('links.0.warehouseCode');
    const missing = await world.t.request<ProblemDetails>('PUT', '/api/v1/location-links', { as: as(), body: {} });
    expect(missing.body.errors).toEqual([{ field: 'links', message: 'is required' }]);
  });

  it('needs a Shopify connection, and is the tenant’s own', async () => {
    const other = await world.t.seedTenant('Unconnected');
    await world.t.seedUser('admin@unconnected.test', 'unconnected-password', { memberOf: [[other, 'tenant_admin']] });
    const session = await world.t.login('admin@unconnected.test', 'unconnected-password');
    const refused = await world.t.request<ProblemDetails>('GET', '/api/v1/location-links', { as: { session, tenantId: other } });
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toContain('Connect Shopify first');
  });
});
