import { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { LocationLinksResponse, SkuReport, TENANT_HEADER, TenantRole } from '@ferry/contracts';
import { membership } from '../../testing/fixtures';
import { signedIn } from '../../testing/signed-in';
import { WAREHOUSE_CHOICES_LIMIT } from './location-links-panel';
import { LocationsPage } from './locations-page';

const LINKS: LocationLinksResponse = {
  links: [
    { locationId: 'gid://shopify/Location/1', locationName: 'Main', warehouseCode: '000', source: 'suggested' },
    { locationId: 'gid://shopify/Location/2', locationName: 'East', warehouseCode: 'E01', source: 'manual' },
  ],
  unmatchedLocations: [{ locationId: 'gid://shopify/Location/3', locationName: 'Popup' }],
  unmatchedWarehouses: [{ code: 'W02', description: 'West' }],
};

const REPORT: SkuReport = {
  generatedAt: '2026-03-04T05:06:07.000Z',
  counts: { shopifyVariants: 12, erpItems: 11, matched: 9, shopifyOnly: 2, erpOnly: 2, duplicates: 1, blanks: 1 },
  shopifyOnly: ['TSHIRT-XL', 'MUG-01'],
  erpOnly: ['BOLT-5', 'NUT-9'],
  duplicates: [{ sku: 'CAP-1', variants: 2 }],
  blanks: [{ variantId: 'gid://shopify/ProductVariant/7', title: 'Gift card / 10' }],
};

describe('LocationsPage', () => {
  let backend: HttpTestingController;
  let fixture: ComponentFixture<LocationsPage>;
  let element: HTMLElement;
  let loader: HarnessLoader;

  async function setUp(role: TenantRole = 'tenant_admin', links = LINKS): Promise<void> {
    backend = await signedIn([membership('t-acme', role, 'Acme')]);
    fixture = TestBed.createComponent(LocationsPage);
    element = fixture.nativeElement;
    loader = TestbedHarnessEnvironment.loader(fixture);
    await fixture.whenStable();
    const linksRequest = backend.expectOne({ url: '/api/v1/location-links', method: 'GET' });
    expect(linksRequest.request.headers.get(TENANT_HEADER)).toBe('t-acme');
    linksRequest.flush(links);
    const warehouses = backend.expectOne((r) => r.url === '/api/v1/erp-lists/warehouses');
    expect(warehouses.request.params.get('limit')).toBe(String(WAREHOUSE_CHOICES_LIMIT));
    warehouses.flush([
      { code: '000', description: 'Main warehouse' },
      { code: 'E01', description: 'East' },
      { code: 'W02', description: 'West' },
    ]);
    backend.expectOne({ url: '/api/v1/sku-report', method: 'GET' }).flush(REPORT);
    await fixture.whenStable();
  }

  const linkSelect = (name: string) => loader.getHarness(MatSelectHarness.with({ selector: `[data-testid="location-link-${name}"]` }));
  const button = (testId: string) => loader.getHarness(MatButtonHarness.with({ selector: `[data-testid=${testId}]` }));
  const text = (testId: string) => element.querySelector(`[data-testid="${testId}"]`)?.textContent?.trim() ?? '';

  afterEach(() => backend.verify());

  it('lists every location with its warehouse, marks suggested links, and lists the unmatched', async () => {
    await setUp();
    const rows = Array.from(element.querySelectorAll<HTMLElement>('[data-testid=location-link-row]'));
    expect(rows.map((r) => r.dataset['location'])).toEqual(['Main', 'East', 'Popup']);
    expect(await (await linkSelect('Main')).getValueText()).toContain('000');
    expect(await (await linkSelect('Popup')).getValueText()).toBe('Not linked');
    expect(text('location-suggested-Main')).toBe('suggested');
    expect(element.querySelector('[data-testid=location-suggested-East]')).toBeNull();
    expect(text('unmatched-locations')).toContain('Popup');
    expect(text('unmatched-warehouses')).toContain('W02');
    expect(text('location-links-save')).toBe('Confirm suggested links');
  });

  it('links a location to a warehouse and saves every link', async () => {
    await setUp();
    const popup = await linkSelect('Popup');
    await popup.open();
    await popup.clickOptions({ text: /W02/ });
    expect(text('location-links-save')).toBe('Save links');
    await (await button('location-links-save')).click();
    const request = backend.expectOne({ url: '/api/v1/location-links', method: 'PUT' });
    expect(request.request.body).toEqual({
      links: [
        { locationId: 'gid://shopify/Location/1', warehouseCode: '000' },
        { locationId: 'gid://shopify/Location/2', warehouseCode: 'E01' },
        { locationId: 'gid://shopify/Location/3', warehouseCode: 'W02' },
      ],
    });
    request.flush({
      links: [
        { ...LINKS.links[0], source: 'manual' },
        LINKS.links[1],
        { locationId: 'gid://shopify/Location/3', locationName: 'Popup', warehouseCode: 'W02', source: 'manual' },
      ],
      unmatchedLocations: [],
      unmatchedWarehouses: [],
    });
    await fixture.whenStable();
    expect(text('location-links-saved')).toBe('Saved');
    expect(element.querySelector('[data-testid=location-suggested-Main]')).toBeNull();
    expect(text('unmatched-locations')).toContain('every location is linked');
    expect(await (await button('location-links-save')).isDisabled()).toBe(true);
  });

  it('shows the SKU report counts and lists, and downloads the CSV with the tenant header', async () => {
    const createObjectURL = jest.fn().mockReturnValue('blob:report');
    const revokeObjectURL = jest.fn();
    Object.assign(URL, { createObjectURL, revokeObjectURL });
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    await setUp();
    expect(element.querySelector('[data-testid=sku-count-matched]')?.getAttribute('data-count')).toBe('9');
    expect(text('sku-count-shopifyOnly')).toContain('2');
    expect(text('sku-count-erpOnly')).toContain('2');
    expect(text('sku-count-duplicates')).toContain('1');
    expect(text('sku-count-blanks')).toContain('1');
    expect(text('sku-list-shopifyOnly')).toContain('TSHIRT-XL');
    expect(text('sku-list-erpOnly')).toContain('BOLT-5');
    expect(text('sku-list-duplicates')).toContain('on 2 variants');
    expect(text('sku-list-blanks')).toContain('Gift card / 10');

    await (await button('sku-report-download')).click();
    const csv = backend.expectOne({ url: '/api/v1/sku-report.csv', method: 'GET' });
    expect(csv.request.headers.get(TENANT_HEADER)).toBe('t-acme');
    expect(csv.request.responseType).toBe('text');
    csv.flush('kind,sku\nshopify_only,TSHIRT-XL\n');
    await fixture.whenStable();
    const blob = createObjectURL.mock.calls[0][0] as Blob;
    expect(blob.type).toContain('text/csv');
    expect(click).toHaveBeenCalled();
    const link = click.mock.contexts[0] as HTMLAnchorElement;
    expect(link.download).toBe('sku-report-t-acme.csv');
    click.mockRestore();
  });

  it('lets viewers see the links but not change them', async () => {
    await setUp('tenant_viewer');
    expect(element.querySelector('[data-testid=read-only]')).not.toBeNull();
    expect(element.querySelector('[data-testid=location-links-save]')).toBeNull();
    expect(await (await linkSelect('Main')).isDisabled()).toBe(true);
  });
});
