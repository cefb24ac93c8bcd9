import { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { HttpTestingController } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatDialogHarness } from '@angular/material/dialog/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { Router } from '@angular/router';
import { LookupTableDetail, LookupTableSummary, TENANT_HEADER, TenantRole } from '@ferry/contracts';
import { readTextFile } from '../../core/text-files';
import { membership } from '../../testing/fixtures';
import { eventualRequest, settle, signedIn, validationProblem } from '../../testing/signed-in';
import { rowFieldOf } from './lookup-table-form';
import { LookupTableEditor } from './lookup-table-editor';
import { LookupTablesPage } from './lookup-tables-page';

@Component({ template: '' })
class Blank {}

const routes = [{ path: '**', component: Blank }];

function summary(id: string, name: string, rowCount = 2): LookupTableSummary {
  return { id, name, description: `${name} table`, rowCount, updatedAt: '2026-03-04T05:06:07.000Z' };
}

function detail(rows = [{ key: 'Standard', value: 'UPS GND' }, { key: 'Express', value: 'UPS 2DA' }]): LookupTableDetail {
  return { ...summary('lt-1', 'ship_via', rows.length), description: 'Shopify shipping method → ERP ship-via code', rows };
}

function mockDownloads(): { createObjectURL: jest.Mock; click: jest.SpyInstance } {
  const createObjectURL = jest.fn().mockReturnValue('blob:csv');
  Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
  const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
  return { createObjectURL, click };
}

describe('LookupTablesPage', () => {
  let backend: HttpTestingController;
  let fixture: ComponentFixture<LookupTablesPage>;
  let element: HTMLElement;
  let loader: HarnessLoader;

  async function setUp(tables: LookupTableSummary[], role: TenantRole = 'tenant_admin'): Promise<void> {
    backend = await signedIn([membership('t-acme', role, 'Acme')], { routes });
    fixture = TestBed.createComponent(LookupTablesPage);
    element = fixture.nativeElement;
    loader = TestbedHarnessEnvironment.loader(fixture);
    await fixture.whenStable();
    const request = backend.expectOne({ url: '/api/v1/lookup-tables', method: 'GET' });
    expect(request.request.headers.get(TENANT_HEADER)).toBe('t-acme');
    request.flush(tables);
    await fixture.whenStable();
  }

  afterEach(() => backend.verify());

  it('lists the tables with links to their editors, and offers the missing standard ones', async () => {
    await setUp([summary('lt-1', 'ship_via', 12)]);
    const rows = Array.from(element.querySelectorAll<HTMLElement>('[data-testid=lookup-table-row]'));
    expect(rows.map((r) => r.dataset['name'])).toEqual(['ship_via']);
    expect(rows[0].textContent).toContain('12');
    expect(element.querySelector('[data-testid=lookup-table-open-ship_via]')?.getAttribute('href')).toBe('/lookup-tables/lt-1');
    expect(element.querySelector('[data-testid=lookup-table-missing-carrier] a')?.getAttribute('href')).toBe('/lookup-tables/new?name=carrier');
    expect(element.querySelector('[data-testid=lookup-table-missing-ship_via]')).toBeNull();
    expect(element.querySelector('[data-testid=lookup-table-new]')?.getAttribute('href')).toBe('/lookup-tables/new');
  });

  it('exports a table as CSV', async () => {
    const { createObjectURL, click } = mockDownloads();
    await setUp([summary('lt-1', 'ship_via')]);
    await (await loader.getHarness(MatButtonHarness.with({ selector: '[data-testid=lookup-table-export]' }))).click();
    backend.expectOne({ url: '/api/v1/lookup-tables/lt-1/csv', method: 'GET' }).flush('key,value\nStandard,UPS GND\n');
    expect(await readTextFile(createObjectURL.mock.calls[0][0] as Blob)).toBe('key,value\nStandard,UPS GND\n');
    expect((click.mock.contexts[0] as HTMLAnchorElement).download).toBe('ship_via.csv');
    click.mockRestore();
  });

  it('deletes a table after confirmation', async () => {
    await setUp([summary('lt-1', 'ship_via'), summary('lt-2', 'carrier')]);
    await (await loader.getAllHarnesses(MatButtonHarness.with({ selector: '[data-testid=lookup-table-delete]' })))[1].click();
    const dialog = await TestbedHarnessEnvironment.documentRootLoader(fixture).getHarness(MatDialogHarness);
    await (await dialog.getHarness(MatButtonHarness.with({ text: 'Delete' }))).click();
    backend.expectOne({ url: '/api/v1/lookup-tables/lt-2', method: 'DELETE' }).flush(null, { status: 204, statusText: 'No Content' });
    await settle(fixture);
    expect(Array.from(element.querySelectorAll<HTMLElement>('[data-testid=lookup-table-row]')).map((r) => r.dataset['name'])).toEqual([
      'ship_via',
    ]);
  });

  it('is read-only for viewers (export only)', async () => {
    await setUp([summary('lt-1', 'ship_via')], 'tenant_viewer');
    expect(element.querySelector('[data-testid=lookup-table-new]')).toBeNull();
    expect(element.querySelector('[data-testid=lookup-table-delete]')).toBeNull();
    expect(element.querySelector('[data-testid=lookup-table-export]')).not.toBeNull();
    expect(element.querySelector('[data-testid=read-only]')).not.toBeNull();
  });
});

describe('LookupTableEditor', () => {
  let backend: HttpTestingController;
  let fixture: ComponentFixture<LookupTableEditor>;
  let element: HTMLElement;
  let loader: HarnessLoader;

  async function open(tableId: string, options: { role?: TenantRole; name?: string; table?: LookupTableDetail } = {}): Promise<void> {
    backend = await signedIn([membership('t-acme', options.role ?? 'tenant_admin', 'Acme')], { routes });
    fixture = TestBed.createComponent(LookupTableEditor);
    fixture.componentRef.setInput('tableId', tableId);
    if (options.name) fixture.componentRef.setInput('name', options.name);
    element = fixture.nativeElement;
    loader = TestbedHarnessEnvironment.loader(fixture);
    await fixture.whenStable();
    if (tableId !== 'new') {
      backend.expectOne({ url: `/api/v1/lookup-tables/${tableId}`, method: 'GET' }).flush(options.table ?? detail());
      await fixture.whenStable();
    }
  }

  const input = (testId: string) => loader.getHarness(MatInputHarness.with({ selector: `[data-testid=${testId}]` }));
  const button = (testId: string) => loader.getHarness(MatButtonHarness.with({ selector: `[data-testid=${testId}]` }));
  const text = (testId: string) => element.querySelector(`[data-testid=${testId}]`)?.textContent?.trim() ?? '';

  afterEach(() => backend.verify());

  it('edits rows (change, add, remove) and saves them', async () => {
    await open('lt-1');
    expect(await (await input('lookup-table-name')).getValue()).toBe('ship_via');
    expect(await (await input('lookup-row-key-0')).getValue()).toBe('Standard');
    expect(await (await input('lookup-row-value-1')).getValue()).toBe('UPS 2DA');

    await (await input('lookup-row-value-0')).setValue('FEDEX GND');
    await (await button('lookup-row-remove-1')).click();
    await (await button('lookup-row-add')).click();
    await (await input('lookup-row-key-1')).setValue(' Overnight ');
    await (await input('lookup-row-value-1')).setValue('UPS NDA');
    await (await button('lookup-table-save')).click();

    const request = backend.expectOne({ url: '/api/v1/lookup-tables/lt-1', method: 'PUT' });
    expect(request.request.body).toEqual({
      name: 'ship_via',
      description: 'Shopify shipping method → ERP ship-via code',
      rows: [
        { key: 'Standard', value: 'FEDEX GND' },
        { key: 'Overnight', value: 'UPS NDA' },
      ],
    });
    request.flush(detail(request.request.body.rows));
    await fixture.whenStable();
    expect(element.querySelectorAll('[data-testid=lookup-row]')).toHaveLength(2);
  });

  it('refuses empty and duplicate keys (keys ignore case and blanks) before calling the API', async () => {
    await open('lt-1');
    await (await button('lookup-row-add')).click();
    await (await button('lookup-table-save')).click();
    expect(text('lookup-row-error-2')).toBe('Enter a key.');
    await (await input('lookup-row-key-2')).setValue(' standard');
    await (await button('lookup-table-save')).click();
    expect(text('lookup-row-error-2')).toContain('already in the table');
    backend.expectNone({ url: '/api/v1/lookup-tables/lt-1', method: 'PUT' });
  });

  it("shows the API's row errors on their rows", async () => {
    await open('lt-1');
    await (await button('lookup-table-save')).click();
    const { body, options } = validationProblem([{ field: 'rows.1.value', message: 'is longer than 15 characters' }]);
    backend.expectOne({ url: '/api/v1/lookup-tables/lt-1', method: 'PUT' }).flush(body, options);
    await fixture.whenStable();
    expect(element.querySelectorAll('[data-testid=lookup-row]')[1].textContent).toContain('is longer than 15 characters');
  });

  it('creates a new table (a missing standard one) and opens it', async () => {
    await open('new', { name: 'carrier' });
    expect(await (await input('lookup-table-name')).getValue()).toBe('carrier');
    expect(await (await input('lookup-table-description')).getValue()).toBe('ERP ship-via code → Shopify tracking company');
    await (await input('lookup-row-key-0')).setValue('UPS GND');
    await (await input('lookup-row-value-0')).setValue('UPS');
    await (await button('lookup-table-save')).click();
    const request = backend.expectOne({ url: '/api/v1/lookup-tables', method: 'POST' });
    expect(request.request.body).toEqual({
      name: 'carrier',
      description: 'ERP ship-via code → Shopify tracking company',
      rows: [{ key: 'UPS GND', value: 'UPS' }],
    });
    request.flush({ ...summary('lt-9', 'carrier', 1), rows: request.request.body.rows }, { status: 201, statusText: 'Created' });
    await fixture.whenStable();
    expect(TestBed.inject(Router).url).toBe('/lookup-tables/lt-9');
  });

  it('checks the table name', async () => {
    await open('new');
    await (await input('lookup-table-name')).setValue('Ship Via');
    await (await input('lookup-row-key-0')).setValue('a');
    await (await button('lookup-table-save')).click();
    expect(text('lookup-table-error-name')).toContain('lower-case letters');
    backend.expectNone({ url: '/api/v1/lookup-tables', method: 'POST' });
  });

  it('imports a CSV file as text/csv and shows the rows it made', async () => {
    await open('lt-1');
    const fileInput = element.querySelector<HTMLInputElement>('[data-testid=lookup-table-import]');
    if (!fileInput) throw new Error('no file input');
    const csv = 'key,value\nPickup,WILL CALL\n';
    const file = new File([csv], 'ship_via.csv', { type: 'text/csv' });
    Object.defineProperty(fileInput, 'files', { value: [file], configurable: true });
    fileInput.dispatchEvent(new Event('change'));
    const request = await eventualRequest(backend, { url: '/api/v1/lookup-tables/lt-1/csv', method: 'PUT' });
    expect(request.request.body).toBe(csv);
    expect(request.request.headers.get('content-type')).toBe('text/csv');
    expect(request.request.headers.get(TENANT_HEADER)).toBe('t-acme');
    request.flush(detail([{ key: 'Pickup', value: 'WILL CALL' }]));
    await fixture.whenStable();
    expect(element.querySelectorAll('[data-testid=lookup-row]')).toHaveLength(1);
    expect(await (await input('lookup-row-value-0')).getValue()).toBe('WILL CALL');
  });

  it('exports the saved table as CSV', async () => {
    const { click } = mockDownloads();
    await open('lt-1');
    await (await button('lookup-table-export')).click();
    backend.expectOne({ url: '/api/v1/lookup-tables/lt-1/csv', method: 'GET' }).flush('key,value\n');
    expect((click.mock.contexts[0] as HTMLAnchorElement).download).toBe('ship_via.csv');
    click.mockRestore();
  });

  it('is read-only for viewers', async () => {
    await open('lt-1', { role: 'tenant_viewer' });
    expect(await (await input('lookup-row-key-0')).isDisabled()).toBe(true);
    for (const id of ['lookup-table-save', 'lookup-row-add', 'lookup-row-remove-0', 'lookup-table-import', 'lookup-table-delete']) {
      expect(element.querySelector(`[data-testid=${id}]`)).toBeNull();
    }
  });
});

describe('rowFieldOf', () => {
  it('reads the row of an API field path', () => {
    expect(rowFieldOf('rows.3.key')).toEqual({ index: 3, key: 'key' });
    expect(rowFieldOf('rows[0].value')).toEqual({ index: 0, key: 'value' });
    expect(rowFieldOf('name')).toBeNull();
  });
});
