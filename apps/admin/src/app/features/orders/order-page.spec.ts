import { HttpTestingController } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { OrderShipment, PassThroughOrderDetail } from '@ferry/contracts';
import { POLL_INTERVAL_MS } from '../../core/polling';
import { eventualRequest, signedIn } from '../../testing/signed-in';
import { orderDetail } from '../../testing/sync-fixtures';
import { OrderPage, shippingJourney } from './order-page';

@Component({ template: '' })
class Blank {}

function shipment(id: string, overrides: Partial<OrderShipment> = {}): OrderShipment {
  return {
    id,
    invoiceNo: `INV-${id}`,
    packageNo: '1',
    shipVia: 'UPS GROUND',
    trackingNumber: `1Z${id}`,
    trackingCompany: 'UPS',
    trackingUrl: `https://www.ups.com/track?tracknum=1Z${id}`,
    lines: [{ itemCode: 'WIDGET-1', quantity: 2 }],
    status: 'fulfilled',
    fulfillmentId: `gid://shopify/Fulfillment/${id}`,
    error: null,
    readAt: '2026-03-05T08:00:00.000Z',
    pushedAt: '2026-03-05T08:00:02.000Z',
    ...overrides,
  };
}

/** The journey's last legs on the order page: ERP shipments and the Shopify fulfillments made of them. */
describe('OrderPage shipments and fulfillments', () => {
  let backend: HttpTestingController;
  let fixture: ComponentFixture<OrderPage>;
  let element: HTMLElement;

  async function open(order: PassThroughOrderDetail): Promise<void> {
    backend = await signedIn(undefined, { routes: [{ path: '**', component: Blank }], providers: [{ provide: POLL_INTERVAL_MS, useValue: 10 }] });
    fixture = TestBed.createComponent(OrderPage);
    fixture.componentRef.setInput('orderId', order.id);
    element = fixture.nativeElement;
    await fixture.whenStable();
    backend.expectOne({ url: `/api/v1/orders/${order.id}`, method: 'GET' }).flush(order);
    await fixture.whenStable();
  }

  const step = (key: string) => element.querySelector<HTMLElement>(`[data-testid=order-shipping-journey] [data-testid=order-journey-${key}]`);
  const shipments = () => Array.from(element.querySelectorAll<HTMLElement>('[data-testid=order-shipment]'));

  afterEach(() => backend.verify());

  it('shows each package with its tracking, carrier, lines and when it was pushed, and follows a pending one until it is fulfilled', async () => {
    await open(orderDetail('1001', { shipments: [shipment('a'), shipment('b', { status: 'pending', fulfillmentId: null, pushedAt: null, trackingUrl: null, packageNo: '2' })] }));
    expect(step('shipments')?.dataset['state']).toBe('done');
    expect(step('shipments')?.textContent).toContain('2 packages shipped');
    expect(step('fulfillments')?.dataset['state']).toBe('pending');
    expect(step('fulfillments')?.textContent).toContain('1 of 2 in Shopify');

    const [fulfilled, pending] = shipments();
    expect(fulfilled.dataset['status']).toBe('fulfilled');
    const link = fulfilled.querySelector<HTMLAnchorElement>('a[data-testid=order-shipment-tracking]');
    expect(link?.textContent).toBe('1Za');
    expect(link?.href).toBe('https://www.ups.com/track?tracknum=1Za');
    expect(fulfilled.querySelector('[data-testid=order-shipment-carrier]')?.textContent).toBe('(UPS)');
    expect(fulfilled.querySelector('[data-testid=order-shipment-lines]')?.textContent).toContain('WIDGET-1 × 2');
    expect(fulfilled.querySelector('[data-testid=order-shipment-pushed-at]')).not.toBeNull();
    expect(fulfilled.textContent).toContain('Fulfilled in Shopify');
    expect(pending.dataset['status']).toBe('pending');
    expect(pending.querySelector('a[data-testid=order-shipment-tracking]')).toBeNull();
    expect(pending.querySelector('[data-testid=order-shipment-tracking]')?.textContent).toBe('1Zb');
    expect(pending.querySelector('[data-testid=order-shipment-pushed-at]')).toBeNull();

    // A package still on its way to Shopify: the page re-reads the order by itself.
    (await eventualRequest(backend, { url: '/api/v1/orders/1001', method: 'GET' })).flush(
      orderDetail('1001', { shipments: [shipment('a'), shipment('b', { packageNo: '2', pushedAt: '2026-03-05T09:00:00.000Z' })] }),
    );
    await fixture.whenStable();
    expect(step('fulfillments')?.dataset['state']).toBe('done');
    expect(step('fulfillments')?.textContent).toContain('2 fulfillments in Shopify');
    expect(shipments().map((s) => s.dataset['status'])).toEqual(['fulfilled', 'fulfilled']);
    // everything settled: no more polling (verify() finds no request)
  });

  it('says when the ERP has shipped nothing yet', async () => {
    await open(orderDetail('1002', { shipments: [] }));
    expect(step('shipments')?.dataset['state']).toBe('pending');
    expect(step('shipments')?.textContent).toContain('Not shipped yet');
    expect(step('fulfillments')?.dataset['state']).toBe('pending');
    expect(element.querySelector('[data-testid=order-no-shipments]')).not.toBeNull();
    expect(shipments()).toHaveLength(0);
  });

  it('shows why a package could not be pushed to Shopify', async () => {
    await open(orderDetail('1003', { shipments: [shipment('c', { status: 'failed', fulfillmentId: null, pushedAt: null, error: 'Fulfillment order is closed' })] }));
    expect(step('fulfillments')?.dataset['state']).toBe('failed');
    expect(step('fulfillments')?.textContent).toContain('1 failed');
    expect(shipments()[0].querySelector('[data-testid=order-shipment-error]')?.textContent).toBe('Fulfillment order is closed');
  });
});

describe('shippingJourney', () => {
  it('marks the last legs skipped for orders that never reached the ERP, and pending before the import', () => {
    expect(shippingJourney(orderDetail('1', { status: 'skipped', shipments: [] })).map((s) => [s.state, s.detail])).toEqual([
      ['skipped', 'Not in the ERP'],
      ['skipped', 'None yet'],
    ]);
    expect(shippingJourney(orderDetail('2', { status: 'sent' })).map((s) => [s.state, s.detail])).toEqual([
      ['pending', 'After the ERP import'],
      ['pending', 'None yet'],
    ]);
  });

  it('dates the fulfillments step by the latest push', () => {
    const steps = shippingJourney(orderDetail('3', { shipments: [shipment('a'), shipment('b', { pushedAt: '2026-03-06T10:00:00.000Z' })] }));
    expect(steps[0].at).toBe('2026-03-05T08:00:00.000Z');
    expect(steps[1].at).toBe('2026-03-06T10:00:00.000Z');
  });
});
