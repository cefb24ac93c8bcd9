import { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatCheckboxHarness } from '@angular/material/checkbox/testing';
import { MatDialogHarness } from '@angular/material/dialog/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { CreatedApiKey, TENANT_HEADER, TenantMembershipSummary } from '@ferry/contracts';
import { firstValueFrom } from 'rxjs';
import { Session } from '../../core/session';
import { apiKey, membership, meResponse } from '../../testing/fixtures';
import { provideAdminTesting } from '../../testing/providers';
import { ApiKeysPage } from './api-keys-page';
import { endOfDay } from './create-api-key-dialog';

describe('ApiKeysPage', () => {
  let backend: HttpTestingController;
  let fixture: ComponentFixture<ApiKeysPage>;
  let element: HTMLElement;
  let loader: HarnessLoader;
  let documentLoader: HarnessLoader;

  async function setUp(tenants: TenantMembershipSummary[] = [membership('t-acme', 'tenant_admin', 'Acme')]): Promise<void> {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: provideAdminTesting() });
    backend = TestBed.inject(HttpTestingController);
    const login = firstValueFrom(TestBed.inject(Session).login({ email: 'a@b.c', password: 'x' }));
    backend.expectOne('/api/v1/auth/login').flush(meResponse({ tenants }));
    await login;
    fixture = TestBed.createComponent(ApiKeysPage);
    element = fixture.nativeElement;
    loader = TestbedHarnessEnvironment.loader(fixture);
    documentLoader = TestbedHarnessEnvironment.documentRootLoader(fixture);
    await fixture.whenStable();
  }

  async function settle(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
  }

  function flushList(items = [apiKey('k1')]): void {
    const request = backend.expectOne({ url: '/api/v1/api-keys', method: 'GET' });
    expect(request.request.headers.get(TENANT_HEADER)).toBe('t-acme');
    request.flush({ items, nextCursor: null });
  }

  const rows = () => Array.from(element.querySelectorAll('[data-testid=api-keys-table] tr[data-testid=api-key-row]'));

  afterEach(() => backend.verify());

  it('shows prefix, scopes, dates and status of each key', async () => {
    await setUp();
    flushList([
      apiKey('live', { name: 'Partner sync', prefix: 'fk_live', scopes: ['orders:read', 'runs:read'], lastUsedAt: '2026-03-04T05:06:07Z' }),
      apiKey('old', { name: 'Old', expiresAt: '2020-01-01T00:00:00Z' }),
      apiKey('gone', { name: 'Gone', revokedAt: '2026-02-01T00:00:00Z' }),
    ]);
    await fixture.whenStable();
    const [live, old, gone] = rows().map((r) => r.textContent ?? '');
    expect(live).toContain('Partner sync');
    expect(live).toContain('fk_live');
    expect(live).toContain('orders:read');
    expect(live).toContain('runs:read');
    expect(live).toContain('Mar 4, 2026');
    expect(live).toContain('Active');
    expect(old).toContain('Expired');
    expect(gone).toContain('Revoked');
    // Revoked keys cannot be revoked again.
    expect(rows()[2].querySelector('[data-testid=revoke-api-key]')).toBeNull();
  });

  it('creates a key with the chosen scopes and shows the token once', async () => {
    await setUp();
    flushList([]);
    await fixture.whenStable();

    await (await loader.getHarness(MatButtonHarness.with({ selector: '[data-testid=create-api-key]' }))).click();
    const dialog = await documentLoader.getHarness(MatDialogHarness);
    await (await dialog.getHarness(MatInputHarness.with({ selector: '[name=name]' }))).setValue('CI robot');
    await (await dialog.getHarness(MatCheckboxHarness.with({ label: 'runs:read' }))).check();
    await (await dialog.getHarness(MatCheckboxHarness.with({ label: 'orders:read' }))).check();
    await (await dialog.getHarness(MatButtonHarness.with({ selector: '[data-testid=confirm-create-api-key]' }))).click();

    const request = backend.expectOne({ url: '/api/v1/api-keys', method: 'POST' });
    // In contract order, no expiry sent when none was chosen.
    expect(request.request.body).toEqual({ name: 'CI robot', scopes: ['orders:read', 'runs:read'] });
    const created: CreatedApiKey = { ...apiKey('new', { name: 'CI robot', scopes: ['orders:read', 'runs:read'] }), token: 'fk_new.s3cr3t' };
    request.flush(created, { status: 201, statusText: 'Created' });
    await settle();

    expect(document.querySelector('[data-testid=api-key-token]')?.textContent).toBe('fk_new.s3cr3t');
    expect(document.body.textContent).toContain("won't be shown again");
    expect(rows()).toHaveLength(1);
    // The token is not kept in the list.
    expect(rows()[0].textContent).not.toContain('s3cr3t');
  });

  it('sends the expiry as the end of the chosen day', async () => {
    await setUp();
    flushList([]);
    await fixture.whenStable();

    await (await loader.getHarness(MatButtonHarness.with({ selector: '[data-testid=create-api-key]' }))).click();
    const dialog = await documentLoader.getHarness(MatDialogHarness);
    await (await dialog.getHarness(MatInputHarness.with({ selector: '[name=name]' }))).setValue('Expiring');
    await (await dialog.getHarness(MatCheckboxHarness.with({ selector: '[data-scope="users:read"]' }))).check();
    await (await dialog.getHarness(MatInputHarness.with({ selector: '[name=expiresOn]' }))).setValue('12/31/2030');
    await (await dialog.getHarness(MatButtonHarness.with({ selector: '[data-testid=confirm-create-api-key]' }))).click();

    const request = backend.expectOne({ url: '/api/v1/api-keys', method: 'POST' });
    expect(request.request.body.expiresAt).toBe(endOfDay(new Date(2030, 11, 31)));
    request.flush({ ...apiKey('x'), token: 't' }, { status: 201, statusText: 'Created' });
    await settle();
  });

  it('requires a name and at least one scope before calling the API', async () => {
    await setUp();
    flushList([]);
    await fixture.whenStable();

    await (await loader.getHarness(MatButtonHarness.with({ selector: '[data-testid=create-api-key]' }))).click();
    const dialog = await documentLoader.getHarness(MatDialogHarness);
    await (await dialog.getHarness(MatButtonHarness.with({ selector: '[data-testid=confirm-create-api-key]' }))).click();
    backend.expectNone({ url: '/api/v1/api-keys', method: 'POST' });
    expect(await dialog.getText()).toContain('Choose at least one scope.');
  });

  it('revokes a key after confirmation', async () => {
    await setUp();
    flushList([apiKey('k1', { name: 'Partner sync' })]);
    await fixture.whenStable();

    await (await loader.getHarness(MatButtonHarness.with({ selector: '[data-testid=revoke-api-key]' }))).click();
    const dialog = await documentLoader.getHarness(MatDialogHarness);
    expect(await dialog.getText()).toContain('Partner sync');
    await (await dialog.getHarness(MatButtonHarness.with({ text: 'Revoke' }))).click();
    backend.expectOne({ url: '/api/v1/api-keys/k1', method: 'DELETE' }).flush(null, { status: 204, statusText: 'No Content' });
    await settle();
    expect(rows()[0].textContent).toContain('Revoked');
    expect(rows()[0].querySelector('[data-testid=revoke-api-key]')).toBeNull();
  });

  it('is read-only for roles without api_keys:write', async () => {
    await setUp([membership('t-acme', 'tenant_viewer')]);
    flushList([apiKey('k1')]);
    await fixture.whenStable();
    expect(rows()).toHaveLength(1);
    expect(element.querySelector('[data-testid=create-api-key]')).toBeNull();
    expect(element.querySelector('[data-testid=revoke-api-key]')).toBeNull();
    expect(element.querySelector('[data-testid=read-only]')).not.toBeNull();
  });

  it('shows the problem and a retry when the list fails', async () => {
    await setUp();
    backend
      .expectOne({ url: '/api/v1/api-keys', method: 'GET' })
      .flush({ type: 'about:blank', title: 'Forbidden', status: 403, detail: 'Missing scope api_keys:read.' }, { status: 403, statusText: 'Forbidden' });
    await fixture.whenStable();
    expect(element.textContent).toContain('Missing scope api_keys:read.');
    await (await loader.getHarness(MatButtonHarness.with({ text: /Try again/ }))).click();
    flushList([apiKey('k1')]);
    await fixture.whenStable();
    expect(rows()).toHaveLength(1);
  });
});
