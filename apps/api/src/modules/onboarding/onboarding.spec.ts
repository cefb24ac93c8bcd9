import { AuditEntry, LookupTableSummary, OnboardingStatus, Page } from '@ferry/contracts';
import { ConnectedWorld, connectTenant, startConnectedWorld } from '../../testing/connected-tenant';

describe('onboarding checklist and audit log (HTTP, both emulators)', () => {
  let world: ConnectedWorld;
  beforeAll(async () => {
    world = await startConnectedWorld();
  });
  afterAll(() => world.close());

  it('starts with everything missing', async () => {
    const tenantId = await world.t.seedTenant('Fresh');
    await world.t.seedUser('admin@fresh.test', 'fresh-password-1', { memberOf: [[tenantId, 'tenant_admin']] });
    const session = await world.t.login('admin@fresh.test', 'fresh-password-1');
    const status = await world.t.request<OnboardingStatus>('GET', '/api/v1/onboarding', { as: { session, tenantId } });
    expect(status.body.complete).toBe(false);
    expect(status.body.steps.map((s) => [s.id, s.done])).toEqual([
      ['shopify_connected', false],
      ['cimcloud_connected', false],
      ['defaults_set', false],
      ['locations_linked', false],
      ['lookup_ship_via', false],
    ]);
  });

  it('turns complete as a tenant admin sets up, and records every change in the audit log without secrets', async () => {
    const acme = await connectTenant(world, 'Acme');
    const as = { session: acme.session, tenantId: acme.tenantId };
    const location = world.shopify.control.addLocation(acme.shopName, { name: 'Main warehouse' }).locationId;
    await world.t.request('POST', '/api/v1/erp-lists/refresh', { as });
    await world.t.request('PUT', '/api/v1/order-defaults', { as, body: { divisionNo: '01', customerNo: 'WEBSHOP' } });
    await world.t.request('PUT', '/api/v1/location-links', { as, body: { links: [{ locationId: location, warehouseCode: '000' }] } });
    let status = await world.t.request<OnboardingStatus>('GET', '/api/v1/onboarding', { as });
    expect(status.body.steps.filter((s) => !s.done).map((s) => s.id)).toEqual(['lookup_ship_via']);
    const tables = await world.t.request<LookupTableSummary[]>('GET', '/api/v1/lookup-tables', { as });
    const shipVia = tables.body.find((x) => x.name === 'ship_via') as LookupTableSummary;
    await world.t.request('PUT', `/api/v1/lookup-tables/${shipVia.id}`, { as, body: { name: 'ship_via', rows: [{ key: 'Standard', value: 'UPS GROUND' }] } });
    status = await world.t.request<OnboardingStatus>('GET', '/api/v1/onboarding', { as });
    expect(status.body.complete).toBe(true);

    const audit = await world.t.request<Page<AuditEntry>>('GET', '/api/v1/audit-log?limit=50', { as });
    expect(audit.body.items.map((e) => e.action)).toEqual([
      'lookup_table.saved',
      'location_links.saved',
      'order_defaults.saved',
      'erp_lists.refreshed',
      'connection.saved',
      'connection.saved',
    ]);
    expect(audit.body.items[0].actor.email).toBe('admin@acme.test');
    expect(JSON.stringify(audit.body)).not.toContain(acme.shop.app.accessToken as string);
    expect(JSON.stringify(audit.body)).not.toContain('demo-password');
  });
});
