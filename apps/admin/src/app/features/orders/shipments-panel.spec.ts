import { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { HttpTestingController } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { MatTabGroupHarness } from '@angular/material/tabs/testing';
import { ShipmentPushSummary, TENANT_HEADER } from '@ferry/contracts';
import { membership } from '../../testing/fixtures';
import { eventualRequest, signedIn } from '../../testing/signed-in';
import { OrdersPage } from './orders-page';

@Component({ template: '' })
class Blank {}

const routes = [{ path: '**', component: Blank }];

function shipment(id: string, overrides: Partial<ShipmentPushSummary> = {}): ShipmentPushSummary {
  return {
    id,
    orderNumber: '1000001',
    shopifyOrderName: '#1001',
    orderId: 'o-1001',
    invoiceNo: '0100001',
    packageNo: '0001',
    shipVia: 'UPS GROUND',
    trackingNumber: `1Z999AA1${id}`,
    trackingCompany: 'UPS',
    trackingUrl: `https://www.ups.com/track?tracknum=1Z999AA1${id}`,
    lines: [{ itemCode: 'WIDGET-100', quantity: 2 }],
    status: 'fulfilled',
    fulfillmentId: `gid://shopify/Fulfillment/${id}`,
    error: null,
    readAt: '2026-03-04T05:00:00.000Z',
    pushedAt: '2026-03-04T05:01:00.000Z',
    ...overrides,
  };
}

/** The Shipments tab of the orders monitor (/orders?tab=shipments). */
describe('ShipmentsPanel', () => {
  let backend: HttpTestingController;
  let fixture: ComponentFixture<OrdersPage>;
  let element: HTMLElement;
  let loader: HarnessLoader;

  const isOrders = (r: { url: string; method: string }) => r.url === '/api/v1/orders' && r.method === 'GET';
  const isShipments = (r: { url: string; method: string }) => r.url === '/api/v1/shipment-pushes' && r.method === 'GET';
  const rows = () => Array.from(element.querySelectorAll<HTMLElement>('[data-testid=shipments-table] tr[data-testid=shipment-row]'));
  const cell = (row: HTMLElement, testId: string) => row.querySelector<HTMLElement>(`[data-testid=${testId}]`);

  async function open(tab = 'shipments'): Promise<void> {
    backend = await signedIn([membership('t-acme', 'tenant_viewer', 'Acme')], { routes });
    fixture = TestBed.createComponent(OrdersPage);
    fixture.componentRef.setInput('tab', tab);
    element = fixture.nativeElement;
    loader = TestbedHarnessEnvironment.loader(fixture);
    await fixture.whenStable();
    backend.expectOne(isOrders).flush({ items: [], nextCursor: null });
  }

  afterEach(() => backend.verify());

  it('opens from ?tab=shipments, between Errors and Inventory, and lists the packages with order, tracking link, carrier and error', async () => {
    await open();
    const tabs = await (await loader.getHarness(MatTabGroupHarness)).getTabs();
    expect(await Promise.all(tabs.map((t) => t.getLabel()))).toEqual(['Orders', 'Errors', 'Shipments', 'Inventory']);
    expect(await (await (await loader.getHarness(MatTabGroupHarness)).getSelectedTab()).getLabel()).toBe('Shipments');

    const first = backend.expectOne(isShipments);
    expect(first.request.headers.get(TENANT_HEADER)).toBe('t-acme');
    expect(first.request.params.keys().sort()).toEqual(['limit']);
    expect(first.request.params.get('limit')).toBe('50');
    first.flush({
      items: [
        shipment('1'),
        shipment('2', { trackingUrl: null, trackingCompany: null, shipVia: 'FEDEX', invoiceNo: '0100002', packageNo: '0002' }),
        shipment('3', {
          orderNumber: '1000099',
          shopifyOrderName: null,
          orderId: null,
          status: 'failed',
          fulfillmentId: null,
          pushedAt: null,
          error: 'No Shopify order was sent to CIMcloud as order 1000099.',
        }),
      ],
      nextCursor: null,
    });
    await fixture.whenStable();

    expect(rows().map((r) => [r.dataset['id'], r.dataset['status']])).toEqual([
      ['1', 'fulfilled'],
      ['2', 'fulfilled'],
      ['3', 'failed'],
    ]);
    const [linked, noUrl, failed] = rows();
    expect(cell(linked, 'shipment-status')?.textContent?.trim()).toBe('Fulfilled in Shopify');
    expect(cell(linked, 'shipment-status')?.className).toContain('tone-ok');
    expect(cell(linked, 'shipment-order')?.textContent?.trim()).toBe('#1001');
    expect(cell(linked, 'shipment-order')?.getAttribute('href')).toBe('/orders/o-1001');
    const tracking = cell(linked, 'shipment-tracking') as HTMLAnchorElement;
    expect([tracking.tagName, tracking.textContent?.trim(), tracking.getAttribute('href'), tracking.getAttribute('rel')]).toEqual([
      'A',
      '1Z999AA11',
      'https://www.ups.com/track?tracknum=1Z999AA11',
      'noopener',
    ]);
    expect(cell(linked, 'shipment-carrier')?.textContent?.trim()).toBe('UPS');
    expect(cell(linked, 'shipment-package')?.textContent?.trim()).toBe('0100001 / 0001');
    expect(linked.textContent).toContain('2026');

    // No tracking URL: the number as text; no carrier mapped: the ERP ship-via.
    expect(cell(noUrl, 'shipment-tracking')?.tagName).toBe('SPAN');
    expect(cell(noUrl, 'shipment-carrier')?.textContent?.trim()).toBe('FEDEX');
    expect(cell(noUrl, 'shipment-package')?.textContent?.trim()).toBe('0100002 / 0002');

    // An ERP order Ferry did not send: no link, the error shown.
    expect(cell(failed, 'shipment-status')?.className).toContain('tone-bad');
    expect(cell(failed, 'shipment-order')?.tagName).toBe('SPAN');
    expect(failed.textContent).toContain('1000099');
    expect(cell(failed, 'shipment-error')?.textContent?.trim()).toBe('No Shopify order was sent to CIMcloud as order 1000099.');
    expect(element.querySelector('[data-testid=load-more]')).toBeNull();
  });

  it('filters by status and searches on the server, keeping both, and pages with "load more"', async () => {
    await open();
    backend.expectOne(isShipments).flush({ items: [shipment('1')], nextCursor: null });
    await fixture.whenStable();

    const status = await loader.getHarness(MatSelectHarness.with({ selector: '[data-testid=shipments-filter-status]' }));
    await status.clickOptions({ text: 'Failed' });
    const filtered = backend.expectOne(isShipments);
    expect(filtered.request.params.get('status')).toBe('failed');
    filtered.flush({ items: [shipment('3', { status: 'failed', error: 'boom' })], nextCursor: null });
    await fixture.whenStable();
    expect(rows().map((r) => r.dataset['status'])).toEqual(['failed']);

    const search = element.querySelector<HTMLInputElement>('[data-testid=shipments-search]') as HTMLInputElement;
    search.value = ' 1Z999AA13 ';
    search.dispatchEvent(new Event('input'));
    const searched = await eventualRequest(backend, isShipments);
    expect(searched.request.params.get('search')).toBe('1Z999AA13');
    expect(searched.request.params.get('status')).toBe('failed');
    expect(searched.request.params.get('cursor')).toBeNull();
    searched.flush({ items: [shipment('4', { status: 'failed' })], nextCursor: 'c2' });
    await fixture.whenStable();

    await (await loader.getHarness(MatButtonHarness.with({ selector: '[data-testid=load-more]' }))).click();
    const more = backend.expectOne((r) => isShipments(r) && r.params.get('cursor') === 'c2');
    expect(more.request.params.get('search')).toBe('1Z999AA13');
    expect(more.request.params.get('status')).toBe('failed');
    more.flush({ items: [shipment('5', { status: 'failed' })], nextCursor: null });
    await fixture.whenStable();
    expect(rows().map((r) => r.dataset['id'])).toEqual(['4', '5']);
    expect(element.querySelector('[data-testid=load-more]')).toBeNull();

    await status.clickOptions({ text: 'Any status' });
    const cleared = backend.expectOne(isShipments);
    expect(cleared.request.params.get('status')).toBeNull();
    cleared.flush({ items: [], nextCursor: null });
    await fixture.whenStable();
    expect(element.querySelector('[data-testid=shipments-table]')?.textContent).toContain('No shipments match.');
  });

  it('shows the problem and reloads with "Refresh"', async () => {
    await open();
    backend.expectOne(isShipments).flush({ title: 'Unavailable', status: 503, detail: 'Database unavailable' }, { status: 503, statusText: 'Unavailable' });
    await fixture.whenStable();
    expect(element.textContent).toContain('Database unavailable');
    await (await loader.getHarness(MatButtonHarness.with({ selector: '[data-testid=shipments-refresh]' }))).click();
    backend.expectOne(isShipments).flush({ items: [shipment('1')], nextCursor: null });
    await fixture.whenStable();
    expect(rows()).toHaveLength(1);
  });

  it('leaves the other tabs alone: ?tab=inventory still opens Inventory', async () => {
    await open('inventory');
    backend.expectOne((r) => r.url === '/api/v1/inventory-pushes').flush({ items: [], nextCursor: null });
    backend.expectNone(isShipments);
    expect(await (await (await loader.getHarness(MatTabGroupHarness)).getSelectedTab()).getLabel()).toBe('Inventory');
  });
});
