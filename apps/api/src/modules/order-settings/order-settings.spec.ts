import { ErpListEntry, ErpListSummary, OrderDefaultsResponse, OrderFilters, ProblemDetails } from '@ferry/contracts';
import { ConnectedTenant, ConnectedWorld, connectTenant, startConnectedWorld } from '../../testing/connected-tenant';

describe('ERP lists, order defaults and filters (HTTP, both emulators)', () => {
  let world: ConnectedWorld;
  let acme: ConnectedTenant;
  const as = () => ({ session: acme.session, tenantId: acme.tenantId });

  beforeAll(async () => {
    world = await startConnectedWorld();
    acme = await connectTenant(world, 'Acme');
  });
  afterAll(() => world.close());

  it("refreshes the ERP's lists through CIMcloud and searches them", async () => {
    const refreshed = await world.t.request<ErpListSummary[]>('POST', '/api/v1/erp-lists/refresh', { as: as() });
    expect(refreshed.status).toBe(200);
    expect(Object.fromEntries(refreshed.body.map((l) => [l.kind, l.count]))).toEqual({ customers: 3, terms: 3, tax_schedules: 3, ship_vias: 4, warehouses: 2, items: 10 });
    const found = await world.t.request<ErpListEntry[]>('GET', '/api/v1/erp-lists/ship_vias?q=ups', { as: as() });
    expect(found.body).toEqual([{ code: 'UPS GROUND', description: 'UPS Ground' }]);
    const badKind = await world.t.request<ProblemDetails>('GET', '/api/v1/erp-lists/planets', { as: as() });
    expect(badKind.body.errors?.[0].field).toBe('kind');
  });

  it('saves valid defaults and flags values the ERP does not know', async () => {
    const saved = await world.t.request<OrderDefaultsResponse>('PUT', '/api/v1/order-defaults', {
      as: as(),
      body: { divisionNo: '01', customerNo: 'webshop', termsCode: '00', taxSchedule: 'DEFAULT', orderType: 'S', orderStatus: 'N', shipVia: 'DHL', warehouseCode: '000', printPickSheet: true },
    });
    expect(saved.status).toBe(200);
    expect(saved.body.values).toMatchObject({ customerNo: 'WEBSHOP', shipVia: 'DHL', printPickSheet: true });
    expect(saved.body.unknownToErp).toEqual([{ field: 'shipVia', value: 'DHL', list: 'ship_vias' }]);
  });

  it.each([
    ['divisionNo', '1', 'must be two digits, e.g. 01'],
    ['customerNo', 'C'.repeat(21), 'must be at most 20 characters (got 21)'],
    ['termsCode', 'NET30', 'must be at most 2 characters (got 5)'],
    ['salespersonDivisionNo', 'A1', 'must be two digits, e.g. 01'],
    ['salespersonNo', 'ABCDE', 'must be at most 4 characters (got 5)'],
    ['taxSchedule', 'TOOLONGTAX', 'must be at most 9 characters (got 10)'],
    ['orderType', 'Q', 'must be one of S, B'],
    ['orderStatus', 'X', 'must be one of N, O, H'],
    ['holdReasonCode', 'CR', 'is allowed only when the order status is H (hold)'],
    ['printPickSheet', 'Y', 'must be true or false'],
    ['printSalesOrder', 1, 'must be true or false'],
    ['shipVia', 'S'.repeat(16), 'must be at most 15 characters (got 16)'],
    ['warehouseCode', 'MAIN', 'must be at most 3 characters (got 4)'],
    ['noSkuItemCode', 'I'.repeat(31), 'must be at most 30 characters (got 31)'],
  ])('rejects a bad %s with a 400 naming it, and saves nothing', async (field, value, message) => {
    const before = await world.t.request<OrderDefaultsResponse>('GET', '/api/v1/order-defaults', { as: as() });
    const refused = await world.t.request<ProblemDetails>('PUT', '/api/v1/order-defaults', {
      as: as(),
      body: { divisionNo: '01', customerNo: 'WEBSHOP', orderStatus: 'N', [field]: value },
    });
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([{ field, message }]);
    const after = await world.t.request<OrderDefaultsResponse>('GET', '/api/v1/order-defaults', { as: as() });
    expect(after.body).toEqual(before.body);
  });

  it('requires the hold reason with status H, and refuses unknown fields and non-objects', async () => {
    const hold = await world.t.request<ProblemDetails>('PUT', '/api/v1/order-defaults', { as: as(), body: { divisionNo: '01', customerNo: 'WEBSHOP', orderStatus: 'H' } });
    expect(hold.body.errors).toEqual([{ field: 'holdReasonCode', message: 'is required when the order status is H (hold)' }]);
    const missing = await world.t.request<ProblemDetails>('PUT', '/api/v1/order-defaults', { as: as(), body: { customerNo: 'WEBSHOP' } });
    expect(missing.body.errors).toEqual([{ field: 'divisionNo', message: 'is required' }]);
    const unknown = await world.t.request<ProblemDetails>('PUT', '/api/v1/order-defaults', { as: as(), body: { divisionNo: '01', customerNo: 'A', discount: 5 } });
    expect(unknown.body.errors).toEqual([{ field: 'discount', message: 'is not a known field' }]);
    const notObject = await world.t.request<ProblemDetails>('PUT', '/api/v1/order-defaults', { as: as(), body: [1, 2] });
    expect(notObject.status).toBe(400);
  });

  it('saves order filters with clean tags and validates them', async () => {
    const defaults = await world.t.request<OrderFilters>('GET', '/api/v1/order-filters', { as: as() });
    expect(defaults.body).toEqual({ skipTestOrders: true, skipCancelled: true, skipUnpaid: false, skipTags: [] });
    const saved = await world.t.request<OrderFilters>('PUT', '/api/v1/order-filters', {
      as: as(),
      body: { skipTestOrders: true, skipCancelled: false, skipUnpaid: true, skipTags: [' wholesale ', 'wholesale', 'no-erp'] },
    });
    expect(saved.body).toEqual({ skipTestOrders: true, skipCancelled: false, skipUnpaid: true, skipTags: ['wholesale', 'no-erp'] });
    const bad = await world.t.request<ProblemDetails>('PUT', '/api/v1/order-filters', { as: as(), body: { skipTestOrders: 'yes', skipCancelled: true, skipUnpaid: true } });
    expect(bad.body.errors?.map((e) => e.field).sort()).toEqual(['skipTags', 'skipTestOrders']);
  });

  it('lets a viewer read but not change, and another tenant see none of it', async () => {
    await world.t.seedUser('viewer@acme.test', 'viewer-password-1', { memberOf: [[acme.tenantId, 'tenant_viewer']] });
    const viewer = await world.t.login('viewer@acme.test', 'viewer-password-1');
    expect((await world.t.request('GET', '/api/v1/order-defaults', { as: { session: viewer, tenantId: acme.tenantId } })).status).toBe(200);
    expect((await world.t.request('PUT', '/api/v1/order-defaults', { as: { session: viewer, tenantId: acme.tenantId }, body: { divisionNo: '01', customerNo: 'A' } })).status).toBe(403);
    expect((await world.t.request('POST', '/api/v1/erp-lists/refresh', { as: { session: viewer, tenantId: acme.tenantId } })).status).toBe(403);
    const other = await connectTenant(world, 'Other');
    const theirs = await world.t.request<OrderDefaultsResponse>('GET', '/api/v1/order-defaults', { as: { session: other.session, tenantId: other.tenantId } });
    expect(theirs.body).toEqual({ values: null, unknownToErp: [], updatedAt: null });
    const lists = await world.t.request<ErpListSummary[]>('GET', '/api/v1/erp-lists', { as: { session: other.session, tenantId: other.tenantId } });
    expect(lists.body.every((l) => l.count === 0)).toBe(true);
  });
});
