import { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { HttpTestingController, TestRequest } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatDialogHarness } from '@angular/material/dialog/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { MatTabGroupHarness } from '@angular/material/tabs/testing';
import { Router } from '@angular/router';
import { InventoryPushSummary, PassThroughOrderDetail, TENANT_HEADER, TenantRole } from '@ferry/contracts';
import { POLL_INTERVAL_MS } from '../../core/polling';
import { membership } from '../../testing/fixtures';
import { eventualRequest, settle, signedIn } from '../../testing/signed-in';
import { orderDetail, orderSummary, recordError } from '../../testing/sync-fixtures';
import { nextDay } from './orders-api';
import { orderErrorLine, orderJourney, prettyJson } from './order-format';
import { OrderPage } from './order-page';
import { OrdersPage } from './orders-page';

@Component({ template: '' })
class Blank {}

const routes = [{ path: '**', component: Blank }];
const pollProviders = [{ provide: POLL_INTERVAL_MS, useValue: 10 }];

describe('OrdersPage', () => {
  let backend: HttpTestingController;
  let fixture: ComponentFixture<OrdersPage>;
  let element: HTMLElement;
  let loader: HarnessLoader;

  async function setUp(role: TenantRole = 'tenant_admin', tab?: string): Promise<void> {
    backend = await signedIn([membership('t-acme', role, 'Acme')], { routes });
    fixture = TestBed.createComponent(OrdersPage);
    if (tab) fixture.componentRef.setInput('tab', tab);
    element = fixture.nativeElement;
    loader = TestbedHarnessEnvironment.loader(fixture);
    await fixture.whenStable();
  }

  const isOrders = (r: { url: string; method: string }) => r.url === '/api/v1/orders' && r.method === 'GET';
  const isErrors = (r: { url: string; method: string }) => r.url === '/api/v1/errors' && r.method === 'GET';
  const rows = () => Array.from(element.querySelectorAll<HTMLElement>('[data-testid=orders-table] tr[data-testid=order-row]'));
  const errorRows = () => Array.from(element.querySelectorAll<HTMLElement>('[data-testid=errors-table] tr[data-testid=error-row]'));
  const button = (testId: string) => loader.getHarness(MatButtonHarness.with({ selector: `[data-testid=${testId}]` }));

  function firstOrdersPage(): TestRequest {
    const request = backend.expectOne(isOrders);
    expect(request.request.headers.get(TENANT_HEADER)).toBe('t-acme');
    expect(request.request.params.get('limit')).toBe('50');
    expect(request.request.params.keys().sort()).toEqual(['limit']);
    return request;
  }

  afterEach(() => backend.verify());

  it('lists the orders with status, ERP sales order, error and the "edited after import" flag, page by page', async () => {
    await setUp();
    firstOrdersPage().flush({
      items: [
        orderSummary('1001', { editedAfterImport: true }),
        orderSummary('1002', { status: 'import_failed', erpSalesOrderNo: null, erpError: 'Item WIDGET-9 not on file' }),
        orderSummary('1003', { status: 'failed', erpSalesOrderNo: null, openErrorId: 'e-1', sentAt: null }),
      ],
      nextCursor: 'c2',
    });
    await fixture.whenStable();
    expect(rows().map((r) => [r.dataset['name'], r.dataset['status']])).toEqual([
      ['#1001', 'imported'],
      ['#1002', 'import_failed'],
      ['#1003', 'failed'],
    ]);
    const [first, second, third] = rows();
    expect(first.querySelector('[data-testid=order-status]')?.textContent?.trim()).toBe('Imported');
    expect(first.querySelector('[data-testid=order-erp-number]')?.textContent).toBe('SO-1001');
    expect(first.querySelector('[data-testid=order-edited-after-import]')).not.toBeNull();
    expect(second.querySelector('[data-testid=order-edited-after-import]')).toBeNull();
    expect(second.querySelector('[data-testid=order-error-line]')?.textContent).toBe('Item WIDGET-9 not on file');
    expect(third.querySelector('[data-testid=order-status]')?.className).toContain('tone-bad');
    expect(element.querySelector('[data-testid="order-open-#1002"]')?.getAttribute('href')).toBe('/orders/1002');

    await (await button('load-more')).click();
    const more = backend.expectOne((r) => isOrders(r) && r.params.get('cursor') === 'c2');
    more.flush({ items: [orderSummary('1004', { status: 'skipped', skipReason: 'test order' })], nextCursor: null });
    await fixture.whenStable();
    expect(rows()).toHaveLength(4);
    expect(rows()[3].querySelector('[data-testid=order-error-line]')?.textContent).toBe('test order');
    expect(element.querySelector('[data-testid=load-more]')).toBeNull();
  });

  it('opens an order when its row is clicked', async () => {
    await setUp();
    firstOrdersPage().flush({ items: [orderSummary('1001')], nextCursor: null });
    await fixture.whenStable();
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    rows()[0].querySelector<HTMLElement>('[data-testid=order-erp-number]')?.click();
    expect(navigate).toHaveBeenCalledWith(['/orders', '1001']);
  });

  it('filters by status, error category and dates, and searches by name or SKU on the server', async () => {
    await setUp();
    firstOrdersPage().flush({ items: [orderSummary('1001')], nextCursor: 'c2' });
    await fixture.whenStable();

    const status = await loader.getHarness(MatSelectHarness.with({ selector: '[data-testid=orders-filter-status]' }));
    await status.clickOptions({ text: 'Import failed' });
    let request = backend.expectOne(isOrders);
    expect(request.request.params.get('status')).toBe('import_failed');
    expect(request.request.params.get('cursor')).toBeNull();
    request.flush({ items: [orderSummary('1002', { status: 'import_failed' })], nextCursor: null });
    await fixture.whenStable();
    expect(rows().map((r) => r.dataset['name'])).toEqual(['#1002']);

    const category = await loader.getHarness(MatSelectHarness.with({ selector: '[data-testid=orders-filter-category]' }));
    await category.clickOptions({ text: 'SKU not matched' });
    request = backend.expectOne(isOrders);
    expect(request.request.params.get('category')).toBe('sku_not_matched');
    expect(request.request.params.get('status')).toBe('import_failed');
    request.flush({ items: [], nextCursor: null });
    await fixture.whenStable();
    expect(element.querySelector('[data-testid=orders-table]')?.textContent).toContain('No orders match these filters.');

    for (const [testId, value] of [
      ['orders-filter-from', '2026-03-01'],
      ['orders-filter-to', '2026-03-31'],
    ]) {
      const input = element.querySelector<HTMLInputElement>(`[data-testid=${testId}]`) as HTMLInputElement;
      input.value = value;
      input.dispatchEvent(new Event('change'));
      await fixture.whenStable();
      backend.expectOne(isOrders).flush({ items: [], nextCursor: null });
      await fixture.whenStable();
    }

    const search = element.querySelector<HTMLInputElement>('[data-testid=orders-search]') as HTMLInputElement;
    search.value = ' WIDGET-9 ';
    search.dispatchEvent(new Event('input'));
    request = await eventualRequest(backend, isOrders);
    expect(request.request.params.get('q')).toBe('WIDGET-9');
    expect(request.request.params.get('from')).toBe('2026-03-01');
    expect(request.request.params.get('to')).toBe('2026-04-01'); // the end day is inclusive; the API's `to` is not
    request.flush({ items: [orderSummary('1009')], nextCursor: null });
    await fixture.whenStable();

    await (await button('orders-filter-clear')).click();
    firstOrdersPage().flush({ items: [], nextCursor: null });
    await fixture.whenStable();
    expect(search.value).toBe('');
  });

  describe('errors tab', () => {
    async function openErrors(role: TenantRole = 'tenant_admin'): Promise<void> {
      await setUp(role);
      firstOrdersPage().flush({ items: [], nextCursor: null });
      await fixture.whenStable();
      await (await loader.getHarness(MatTabGroupHarness)).selectTab({ label: 'Errors' });
      await fixture.whenStable();
    }

    function errorsPage(): TestRequest {
      const request = backend.expectOne(isErrors);
      expect(request.request.params.get('state')).toBe('open');
      return request;
    }

    it('lists the open errors and retries or skips one', async () => {
      await openErrors();
      errorsPage().flush({
        items: [recordError('e1'), recordError('e2', { category: 'validation_error', field: null, message: 'customerNo is required' })],
        nextCursor: null,
      });
      await fixture.whenStable();
      expect(errorRows().map((r) => r.dataset['category'])).toEqual(['sku_not_matched', 'validation_error']);
      expect(errorRows()[0].querySelector('[data-testid=error-field]')?.textContent).toBe('lines[0].itemNo');
      expect(errorRows()[1].querySelector('[data-testid=error-message]')?.textContent).toBe('customerNo is required');

      await (await loader.getAllHarnesses(MatButtonHarness.with({ selector: '[data-testid=error-retry]' })))[0].click();
      const retry = backend.expectOne({ url: '/api/v1/errors/e1/retry', method: 'POST' });
      retry.flush(recordError('e1', { state: 'retrying', attempts: 2 }));
      await fixture.whenStable();
      expect(errorRows()[0].dataset['state']).toBe('retrying');
      expect(errorRows()[0].querySelector<HTMLButtonElement>('[data-testid=error-retry]')?.disabled).toBe(true);

      await (await loader.getAllHarnesses(MatButtonHarness.with({ selector: '[data-testid=error-skip]' })))[1].click();
      backend.expectOne({ url: '/api/v1/errors/e2/skip', method: 'POST' }).flush(recordError('e2', { state: 'skipped' }));
      await fixture.whenStable();
      expect(errorRows()[1].dataset['state']).toBe('skipped');
    });

    it('bulk-retries every error matching the filter after showing how many there are', async () => {
      await openErrors();
      errorsPage().flush({ items: [recordError('e1')], nextCursor: null });
      await fixture.whenStable();

      await (await loader.getHarness(MatSelectHarness.with({ selector: '[data-testid=errors-filter-category]' }))).clickOptions({
        text: 'SKU not matched',
      });
      const filtered = errorsPage();
      expect(filtered.request.params.get('category')).toBe('sku_not_matched');
      filtered.flush({ items: [recordError('e1')], nextCursor: null });
      await fixture.whenStable();

      await (await button('errors-bulk-retry')).click();
      const dryRun = backend.expectOne({ url: '/api/v1/errors/retry', method: 'POST' });
      expect(dryRun.request.body).toEqual({ dryRun: true, category: 'sku_not_matched' });
      dryRun.flush({ matched: 17, changed: 0 });
      await settle(fixture);

      const dialog = await TestbedHarnessEnvironment.documentRootLoader(fixture).getHarness(MatDialogHarness);
      expect(document.querySelector('[data-testid=errors-bulk-count]')?.textContent).toBe('17');
      expect(await dialog.getText()).toContain('SKU not matched');
      await (await dialog.getHarness(MatButtonHarness.with({ selector: '[data-testid=confirm]' }))).click();
      await settle(fixture);

      const real = backend.expectOne({ url: '/api/v1/errors/retry', method: 'POST' });
      expect(real.request.body).toEqual({ dryRun: false, category: 'sku_not_matched' });
      real.flush({ matched: 17, changed: 17 });
      await fixture.whenStable();
      const reloaded = errorsPage();
      expect(reloaded.request.params.get('category')).toBe('sku_not_matched');
      reloaded.flush({ items: [], nextCursor: null });
      await fixture.whenStable();
      expect(element.querySelector('[data-testid=errors-table]')?.textContent).toContain('No open errors.');
    });

    it('does nothing when the bulk skip is cancelled, and cannot confirm when nothing matches', async () => {
      await openErrors();
      errorsPage().flush({ items: [], nextCursor: null });
      await fixture.whenStable();
      await (await button('errors-bulk-skip')).click();
      backend.expectOne({ url: '/api/v1/errors/skip', method: 'POST' }).flush({ matched: 0, changed: 0 });
      await settle(fixture);
      const dialog = await TestbedHarnessEnvironment.documentRootLoader(fixture).getHarness(MatDialogHarness);
      expect(document.querySelector('[data-testid=errors-bulk-count]')?.getAttribute('data-count')).toBe('0');
      expect(await (await dialog.getHarness(MatButtonHarness.with({ selector: '[data-testid=confirm]' }))).isDisabled()).toBe(true);
      await (await dialog.getHarness(MatButtonHarness.with({ text: 'Cancel' }))).click();
      await settle(fixture);
      // no real call: backend.verify() in afterEach
    });

    it('hides retry and skip from roles without orders:write', async () => {
      await openErrors('tenant_viewer');
      errorsPage().flush({ items: [recordError('e1')], nextCursor: null });
      await fixture.whenStable();
      expect(errorRows()).toHaveLength(1);
      expect(element.querySelector('[data-testid=error-retry]')).toBeNull();
      expect(element.querySelector('[data-testid=errors-bulk-retry]')).toBeNull();
      expect(element.querySelector('[data-testid=read-only]')).not.toBeNull();
    });
  });
  it('opens the errors tab from ?tab=errors', async () => {
    await setUp('tenant_admin', 'errors');
    backend.expectOne(isOrders).flush({ items: [], nextCursor: null });
    const errors = backend.expectOne(isErrors);
    expect(errors.request.params.get('state')).toBe('open');
    errors.flush({ items: [recordError('e1')], nextCursor: null });
    await fixture.whenStable();
    expect(errorRows()).toHaveLength(1);
  });

  it('opens the errors tab filtered to a category from ?tab=errors&category= (the dashboard links there)', async () => {
    backend = await signedIn([membership('t-acme', 'tenant_admin', 'Acme')], { routes });
    fixture = TestBed.createComponent(OrdersPage);
    fixture.componentRef.setInput('tab', 'errors');
    fixture.componentRef.setInput('category', 'validation_error');
    element = fixture.nativeElement;
    await fixture.whenStable();
    backend.expectOne(isOrders).flush({ items: [], nextCursor: null });
    const errors = backend.match(isErrors);
    // Only the filtered list is kept (a first unfiltered read may be cancelled by the filter).
    const last = errors[errors.length - 1];
    expect(last.request.params.get('category')).toBe('validation_error');
    last.flush({ items: [recordError('e2', { category: 'validation_error' })], nextCursor: null });
    await fixture.whenStable();
    expect(errorRows().map((r) => r.dataset['category'])).toEqual(['validation_error']);
  });

  it('lists inventory pushes and the unmatched SKUs and warehouses', async () => {
    await setUp('tenant_viewer', 'inventory');
    backend.expectOne(isOrders).flush({ items: [], nextCursor: null });
    const isPushes = (r: { url: string; method: string }) => r.url === '/api/v1/inventory-pushes' && r.method === 'GET';
    const push = (id: string, status: InventoryPushSummary['status'], error: string | null = null): InventoryPushSummary => ({
      id,
      itemCode: id.split('@')[0],
      warehouseCode: id.split('@')[1],
      inventoryItemId: null,
      locationId: null,
      available: 7,
      lastPushedAvailable: status === 'pushed' ? 7 : null,
      status,
      error,
      erpUpdatedAt: null,
      pushedAt: null,
      updatedAt: '2026-03-04T05:00:00.000Z',
    });
    backend.expectOne(isPushes).flush({ items: [push('W-1@MAIN', 'pushed'), push('W-9@MAIN', 'sku_not_matched', 'No Shopify variant has SKU W-9')], nextCursor: null });
    await fixture.whenStable();
    const pushRows = () => Array.from(element.querySelectorAll<HTMLElement>('[data-testid=inventory-table] tr[data-testid=inventory-row]'));
    expect(pushRows().map((r) => r.dataset['status'])).toEqual(['pushed', 'sku_not_matched']);
    expect(pushRows()[1].textContent).toContain('No Shopify variant has SKU W-9');

    await (await button('inventory-unmatched-warehouses')).click();
    const unmatched = backend.expectOne(isPushes);
    expect(unmatched.request.params.get('status')).toBe('location_not_matched');
    unmatched.flush({ items: [push('W-1@EAST', 'location_not_matched')], nextCursor: null });
    await fixture.whenStable();

    const search = element.querySelector<HTMLInputElement>('[data-testid=inventory-search]') as HTMLInputElement;
    search.value = 'W-1';
    search.dispatchEvent(new Event('input'));
    const searched = await eventualRequest(backend, isPushes);
    expect(searched.request.params.get('q')).toBe('W-1');
    expect(searched.request.params.get('status')).toBe('location_not_matched');
    searched.flush({ items: [], nextCursor: null });
    await fixture.whenStable();
    expect(element.querySelector('[data-testid=inventory-table]')?.textContent).toContain('No stock levels match.');
  });
});

describe('OrderPage', () => {
  let backend: HttpTestingController;
  let fixture: ComponentFixture<OrderPage>;
  let element: HTMLElement;
  let loader: HarnessLoader;

  async function open(order: PassThroughOrderDetail, role: TenantRole = 'tenant_admin'): Promise<void> {
    backend = await signedIn([membership('t-acme', role, 'Acme')], { routes, providers: pollProviders });
    fixture = TestBed.createComponent(OrderPage);
    fixture.componentRef.setInput('orderId', order.id);
    element = fixture.nativeElement;
    loader = TestbedHarnessEnvironment.loader(fixture);
    await fixture.whenStable();
    const request = backend.expectOne({ url: `/api/v1/orders/${order.id}`, method: 'GET' });
    expect(request.request.headers.get(TENANT_HEADER)).toBe('t-acme');
    request.flush(order);
    await fixture.whenStable();
  }

  const steps = () =>
    Array.from(element.querySelectorAll<HTMLElement>('[data-testid=order-journey] [data-state]')).map((s) => [
      s.dataset['testid'],
      s.dataset['state'],
    ]);

  afterEach(() => backend.verify());

  it('shows the journey, both payloads and the mapping version of an imported order', async () => {
    await open(orderDetail('1001'));
    expect(element.querySelector('h1')?.textContent).toContain('Order #1001');
    expect(element.querySelector('[data-testid=order-status]')?.getAttribute('data-status')).toBe('imported');
    expect(steps()).toEqual([
      ['order-journey-shopify', 'done'],
      ['order-journey-mapped', 'done'],
      ['order-journey-sent', 'done'],
      ['order-journey-erp', 'done'],
    ]);
    expect(element.querySelector('[data-testid=order-journey-mapped]')?.textContent).toContain('Mapping version 3');
    expect(element.querySelector('[data-testid=order-journey-erp]')?.textContent).toContain('Sales order SO-1001');
    expect(JSON.parse(element.querySelector('[data-testid=order-source-json]')?.textContent ?? '')).toEqual({
      name: '#1001',
      lineItems: [{ sku: 'WIDGET-1', quantity: 2 }],
    });
    expect(element.querySelector('[data-testid=order-mapped-json]')?.textContent).toContain('"itemNo": "WIDGET-1"');
    expect(element.querySelector('[data-testid=order-mapping-version]')?.textContent).toBe('mapping v3');
    expect(element.querySelector('[data-testid=order-no-errors]')).not.toBeNull();
  });

  it('shows every error with its field, retries the open one and follows the order until it is imported', async () => {
    const failed = orderDetail('1002', {
      status: 'failed',
      mappedPayload: null,
      sentAt: null,
      importedAt: null,
      erpSalesOrderNo: null,
      openErrorId: 'e2',
      errors: [recordError('e1', { state: 'resolved', message: 'old problem' }), recordError('e2')],
    });
    await open(failed);
    expect(steps().map(([, state]) => state)).toEqual(['done', 'failed', 'pending', 'pending']);
    const errors = Array.from(element.querySelectorAll<HTMLElement>('[data-testid=order-error]'));
    expect(errors.map((e) => e.dataset['state'])).toEqual(['resolved', 'open']);
    expect(errors[1].querySelector('[data-testid=order-error-field]')?.textContent).toBe('lines[0].itemNo');
    expect(errors[1].querySelector('[data-testid=order-error-message]')?.textContent).toBe('SKU WIDGET-9 is not in the ERP item master');
    expect(errors[0].querySelector('[data-testid=error-retry]')).toBeNull();
    expect(element.querySelector('[data-testid=order-mapped-json]')?.textContent).toBe('—');

    await (await loader.getHarness(MatButtonHarness.with({ selector: '[data-testid=error-retry]' }))).click();
    backend.expectOne({ url: '/api/v1/errors/e2/retry', method: 'POST' }).flush(recordError('e2', { state: 'retrying', attempts: 2 }));
    await fixture.whenStable();
    expect(element.querySelectorAll('[data-testid=error-retry]')).toHaveLength(0);

    // While retrying, the page re-reads the order by itself.
    const sent = orderDetail('1002', { status: 'sent', importedAt: null, erpSalesOrderNo: null, errors: [recordError('e2', { state: 'resolved' })] });
    (await eventualRequest(backend, { url: '/api/v1/orders/1002', method: 'GET' })).flush(sent);
    await fixture.whenStable();
    expect(element.querySelector('[data-testid=order-status]')?.getAttribute('data-status')).toBe('sent');
    (await eventualRequest(backend, { url: '/api/v1/orders/1002', method: 'GET' })).flush(orderDetail('1002'));
    await fixture.whenStable();
    expect(element.querySelector('[data-testid=order-status]')?.getAttribute('data-status')).toBe('imported');
    expect(steps().map(([, state]) => state)).toEqual(['done', 'done', 'done', 'done']);
    // imported: no more polling (verify() finds no request)
  });

  it('skips an open error; viewers see no actions', async () => {
    await open(orderDetail('1003', { status: 'import_failed', erpError: 'Customer on hold', errors: [recordError('e3', { category: 'erp_import_failed' })] }));
    expect(steps().map(([, state]) => state)).toEqual(['done', 'done', 'done', 'failed']);
    expect(element.querySelector('[data-testid=order-journey-erp]')?.textContent).toContain('Customer on hold');
    await (await loader.getHarness(MatButtonHarness.with({ selector: '[data-testid=error-skip]' }))).click();
    backend.expectOne({ url: '/api/v1/errors/e3/skip', method: 'POST' }).flush(recordError('e3', { category: 'erp_import_failed', state: 'skipped' }));
    await fixture.whenStable();
    expect(element.querySelector<HTMLElement>('[data-testid=order-error]')?.dataset['state']).toBe('skipped');
    expect(element.querySelector('[data-testid=error-skip]')).toBeNull();
  });

  it('hides Retry and Skip without orders:write', async () => {
    await open(orderDetail('1004', { status: 'failed', mappedPayload: null, sentAt: null, errors: [recordError('e4')] }), 'tenant_viewer');
    expect(element.querySelector('[data-testid=order-error]')).not.toBeNull();
    expect(element.querySelector('[data-testid=error-retry]')).toBeNull();
    expect(element.querySelector('[data-testid=error-skip]')).toBeNull();
  });
});

describe('order formatting', () => {
  it('tells each step of a skipped order and of an order waiting for the ERP', () => {
    const skipped = orderJourney(orderDetail('1', { status: 'skipped', skipReason: 'test order', mappedPayload: null, sentAt: null }));
    expect(skipped.map((s) => s.state)).toEqual(['done', 'skipped', 'skipped', 'skipped']);
    expect(skipped[1].detail).toBe('test order');
    const waiting = orderJourney(orderDetail('2', { status: 'sent', importedAt: null, erpSalesOrderNo: null }));
    expect(waiting.map((s) => s.state)).toEqual(['done', 'done', 'done', 'pending']);
    expect(waiting[3].detail).toBe('Waiting for the ERP import');
    const rejected = orderJourney(orderDetail('3', { status: 'failed', sentAt: null }));
    expect(rejected.map((s) => s.state)).toEqual(['done', 'done', 'failed', 'pending']);
  });

  it('writes error lines, pretty JSON and the exclusive end day', () => {
    expect(orderErrorLine(orderSummary('1'))).toBe('');
    expect(orderErrorLine(orderSummary('1', { status: 'failed', openErrorId: 'e' }))).toBe('Open error: see the order');
    expect(prettyJson(null)).toBe('—');
    expect(prettyJson({ a: 1 })).toBe('{\n  "a": 1\n}');
    expect(nextDay('2026-02-28')).toBe('2026-03-01');
    expect(nextDay('2026-12-31')).toBe('2027-01-01');
  });
});
