import { HarnessLoader, TestKey } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MatAutocompleteHarness } from '@angular/material/autocomplete/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatChipGridHarness } from '@angular/material/chips/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { MatSlideToggleHarness } from '@angular/material/slide-toggle/testing';
import {
  ErpListSummary,
  ORDER_DEFAULT_FIELDS,
  OrderDefaults,
  OrderDefaultsResponse,
  OrderFilters,
  TENANT_HEADER,
  TenantRole,
} from '@ferry/contracts';
import { membership } from '../../testing/fixtures';
import { eventualRequest, signedIn, validationProblem } from '../../testing/signed-in';
import { DefaultsPage } from './defaults-page';
import { ERP_SEARCH_DEBOUNCE_MS } from './order-defaults-form';

const SAVED: OrderDefaults = {
  divisionNo: '01',
  customerNo: 'SHOPIFY',
  termsCode: 'N3',
  orderType: 'S',
  orderStatus: 'N',
  printPickSheet: true,
  printSalesOrder: false,
  warehouseCode: '000',
};

const LISTS: ErpListSummary[] = [
  { kind: 'customers', count: 120, refreshedAt: '2026-03-01T10:00:00.000Z' },
  { kind: 'warehouses', count: 3, refreshedAt: null },
];

describe('DefaultsPage', () => {
  let backend: HttpTestingController;
  let fixture: ComponentFixture<DefaultsPage>;
  let element: HTMLElement;
  let loader: HarnessLoader;

  async function setUp(
    defaults: OrderDefaultsResponse = { values: SAVED, unknownToErp: [], updatedAt: '2026-03-02T10:00:00.000Z' },
    filters: OrderFilters = { skipTestOrders: true, skipCancelled: true, skipUnpaid: false, skipTags: ['wholesale'] },
    role: TenantRole = 'tenant_admin',
  ): Promise<void> {
    backend = await signedIn([membership('t-acme', role, 'Acme')]);
    fixture = TestBed.createComponent(DefaultsPage);
    element = fixture.nativeElement;
    loader = TestbedHarnessEnvironment.loader(fixture);
    await fixture.whenStable();
    for (const [url, body] of [
      ['/api/v1/erp-lists', LISTS],
      ['/api/v1/order-defaults', defaults],
      ['/api/v1/order-filters', filters],
    ] as const) {
      const request = backend.expectOne({ url, method: 'GET' });
      expect(request.request.headers.get(TENANT_HEADER)).toBe('t-acme');
      request.flush(body);
    }
    await fixture.whenStable();
  }

  const input = (key: string) => loader.getHarness(MatInputHarness.with({ selector: `[data-testid=defaults-input-${key}]` }));
  const select = (key: string) => loader.getHarness(MatSelectHarness.with({ selector: `[data-testid=defaults-input-${key}]` }));
  const toggle = (testId: string) => loader.getHarness(MatSlideToggleHarness.with({ selector: `[data-testid=${testId}]` }));
  const button = (testId: string) => loader.getHarness(MatButtonHarness.with({ selector: `[data-testid=${testId}]` }));
  const text = (testId: string) => element.querySelector(`[data-testid=${testId}]`)?.textContent?.trim() ?? '';
  const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  afterEach(() => backend.verify());

  it('has one field per default value, filled with the saved values', async () => {
    await setUp();
    for (const field of ORDER_DEFAULT_FIELDS) {
      const container = element.querySelector(`[data-testid=defaults-field-${field.key}]`);
      expect(container?.textContent).toContain(field.label);
    }
    expect(await (await input('customerNo')).getValue()).toBe('SHOPIFY');
    expect(await (await input('divisionNo')).getValue()).toBe('01');
    expect(await (await select('orderType')).getValueText()).toBe('S');
    expect(await (await toggle('defaults-input-printPickSheet')).isChecked()).toBe(true);
    expect(await (await toggle('defaults-input-printSalesOrder')).isChecked()).toBe(false);
    // Hold reason applies only to orders on hold.
    expect(await (await input('holdReasonCode')).isDisabled()).toBe(true);
  });

  it('applies the rules before saving: nothing is sent while a value is bad, each error under its field', async () => {
    await setUp();
    await (await input('divisionNo')).setValue('1');
    await (await input('customerNo')).setValue('');
    await (await input('warehouseCode')).setValue('0001');
    await (await button('defaults-save')).click();
    backend.expectNone({ url: '/api/v1/order-defaults', method: 'PUT' });
    expect(text('defaults-error-divisionNo')).toBe('Must be two digits, e.g. 01.');
    expect(text('defaults-error-customerNo')).toBe('Customer number is required.');
    expect(text('defaults-error-warehouseCode')).toBe('At most 3 characters.');
    expect(element.querySelector('[data-testid=defaults-field-divisionNo] [data-testid=defaults-error-divisionNo]')).not.toBeNull();
  });

  it('requires a hold reason when the status is H', async () => {
    await setUp();
    const status = await select('orderStatus');
    await status.open();
    await status.clickOptions({ text: 'H' });
    expect(await (await input('holdReasonCode')).isDisabled()).toBe(false);
    await (await button('defaults-save')).click();
    backend.expectNone({ url: '/api/v1/order-defaults', method: 'PUT' });
    expect(text('defaults-error-holdReasonCode')).toBe('Required when the order status is H (hold).');

    await (await input('holdReasonCode')).setValue('cred');
    await (await button('defaults-save')).click();
    const request = backend.expectOne({ url: '/api/v1/order-defaults', method: 'PUT' });
    expect(request.request.body).toEqual(expect.objectContaining({ orderStatus: 'H', holdReasonCode: 'CRED' }));
    request.flush({ values: request.request.body, unknownToErp: [], updatedAt: '2026-03-03T10:00:00.000Z' });
    await fixture.whenStable();

    // Back to N: the hold reason is cleared and not sent.
    await status.open();
    await status.clickOptions({ text: 'N' });
    expect(await (await input('holdReasonCode')).getValue()).toBe('');
    await (await button('defaults-save')).click();
    const next = backend.expectOne({ url: '/api/v1/order-defaults', method: 'PUT' });
    expect(next.request.body.holdReasonCode).toBeUndefined();
    next.flush({ values: next.request.body, unknownToErp: [], updatedAt: '2026-03-03T10:01:00.000Z' });
  });

  it('upper-cases codes on blur and saves the values, flagging what the ERP does not know', async () => {
    await setUp();
    const customer = await input('customerNo');
    await customer.setValue('  web01 ');
    await customer.blur();
    expect(await customer.getValue()).toBe('WEB01');
    await (await toggle('defaults-input-printSalesOrder')).check();
    await (await button('defaults-save')).click();

    const request = backend.expectOne({ url: '/api/v1/order-defaults', method: 'PUT' });
    expect(request.request.headers.get(TENANT_HEADER)).toBe('t-acme');
    expect(request.request.body).toEqual({ ...SAVED, customerNo: 'WEB01', printSalesOrder: true });
    request.flush({
      values: request.request.body,
      unknownToErp: [{ field: 'customerNo', value: 'WEB01', list: 'customers' }],
      updatedAt: '2026-03-03T10:00:00.000Z',
    });
    await fixture.whenStable();
    expect(text('defaults-saved')).toContain('Saved');
    expect(text('defaults-unknown-customerNo')).toContain("WEB01 is not in the ERP's customers");
    expect(element.querySelector('[data-testid=defaults-unknown-termsCode]')).toBeNull();

    // The warning is about that value: it goes once the value changes.
    await customer.setValue('SHOPIFY');
    expect(element.querySelector('[data-testid=defaults-unknown-customerNo]')).toBeNull();
  });

  it('shows a value the API rejects under its field, and saves nothing else', async () => {
    await setUp();
    await (await input('taxSchedule')).setValue('avatax');
    await (await button('defaults-save')).click();
    const { body, options } = validationProblem([{ field: 'taxSchedule', message: 'TaxSchedule AVATAX is not allowed here.' }]);
    backend.expectOne({ url: '/api/v1/order-defaults', method: 'PUT' }).flush(body, options);
    await fixture.whenStable();
    expect(text('defaults-error-taxSchedule')).toBe('TaxSchedule AVATAX is not allowed here.');
    expect(element.querySelector('[data-testid=defaults-saved]')).toBeNull();
    // Editing the value clears the API's message.
    await (await input('taxSchedule')).setValue('NONTAX');
    expect(element.querySelector('[data-testid=defaults-error-taxSchedule]')).toBeNull();
  });

  it("offers the ERP's own codes as the person types", async () => {
    await setUp();
    const customer = await input('customerNo');
    const autocomplete = await loader.getHarness(MatAutocompleteHarness.with({ selector: '[data-testid=defaults-input-customerNo]' }));
    await autocomplete.clear();
    await autocomplete.enterText('ac');
    await wait(ERP_SEARCH_DEBOUNCE_MS);
    const request = await eventualRequest(backend, (r) => r.url === '/api/v1/erp-lists/customers');
    expect(request.request.params.get('q')).toBe('ac');
    expect(request.request.params.get('limit')).toBe('20');
    request.flush([
      { code: 'ACME', description: 'Acme Corp' },
      { code: 'ACE', description: 'Ace Hardware' },
    ]);
    await fixture.whenStable();
    await wait(0); // the panel shows the new options a tick after they render
    await fixture.whenStable();
    const options = await autocomplete.getOptions();
    expect(await Promise.all(options.map((o) => o.getText()))).toEqual(['ACMEAcme Corp', 'ACEAce Hardware']);
    await autocomplete.selectOption({ text: /Acme Corp/ });
    expect(await customer.getValue()).toBe('ACME');
  });

  it('refreshes the ERP lists and checks the saved values against them again', async () => {
    await setUp();
    expect(element.querySelector('[data-testid=erp-list-customers]')?.getAttribute('data-count')).toBe('120');
    expect(text('erp-list-warehouses')).toContain('never read');
    await (await button('erp-lists-refresh')).click();
    backend.expectOne({ url: '/api/v1/erp-lists/refresh', method: 'POST' }).flush([
      { kind: 'customers', count: 121, refreshedAt: '2026-03-05T10:00:00.000Z' },
      { kind: 'warehouses', count: 4, refreshedAt: '2026-03-05T10:00:00.000Z' },
    ]);
    await fixture.whenStable();
    expect(element.querySelector('[data-testid=erp-list-customers]')?.getAttribute('data-count')).toBe('121');
    expect(text('erp-list-warehouses')).not.toContain('never read');
    backend.expectOne({ url: '/api/v1/order-defaults', method: 'GET' }).flush({
      values: SAVED,
      unknownToErp: [{ field: 'warehouseCode', value: '000', list: 'warehouses' }],
      updatedAt: '2026-03-02T10:00:00.000Z',
    });
    await fixture.whenStable();
    expect(text('defaults-unknown-warehouseCode')).toContain("000 is not in the ERP's warehouses");
  });

  it('starts a new tenant with an empty form and the documented defaults', async () => {
    await setUp({ values: null, unknownToErp: [], updatedAt: null });
    expect(element.querySelector('[data-testid=defaults-not-set]')).not.toBeNull();
    expect(await (await input('customerNo')).getValue()).toBe('');
    expect(await (await select('orderType')).getValueText()).toBe('S');
    expect(await (await select('orderStatus')).getValueText()).toBe('N');
  });

  it('saves the order filters: toggles and tags', async () => {
    await setUp();
    expect(await (await toggle('order-filters-skipTestOrders')).isChecked()).toBe(true);
    expect(text('order-filters-tag-wholesale')).toContain('wholesale');
    await (await toggle('order-filters-skipUnpaid')).check();
    const tags = await (await loader.getHarness(MatChipGridHarness)).getInput();
    await tags?.setValue('no-sync');
    await tags?.sendSeparatorKey(TestKey.ENTER);
    await (await button('order-filters-save')).click();
    const request = backend.expectOne({ url: '/api/v1/order-filters', method: 'PUT' });
    expect(request.request.body).toEqual({ skipTestOrders: true, skipCancelled: true, skipUnpaid: true, skipTags: ['wholesale', 'no-sync'] });
    request.flush(request.request.body);
    await fixture.whenStable();
    expect(text('order-filters-saved')).toBe('Saved');
  });

  it('lets viewers read but not change the defaults', async () => {
    await setUp(undefined, undefined, 'tenant_viewer');
    expect(element.querySelector('[data-testid=read-only]')).not.toBeNull();
    expect(element.querySelector('[data-testid=defaults-save]')).toBeNull();
    expect(element.querySelector('[data-testid=order-filters-save]')).toBeNull();
    expect(element.querySelector('[data-testid=erp-lists-refresh]')).toBeNull();
    expect(await (await input('customerNo')).isDisabled()).toBe(true);
    expect(await (await toggle('order-filters-skipUnpaid')).isDisabled()).toBe(true);
  });
});
