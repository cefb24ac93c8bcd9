import { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { HttpTestingController, TestRequest } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatDialogHarness } from '@angular/material/dialog/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { AddUserResponse, TENANT_HEADER, TenantMembershipSummary } from '@ferry/contracts';
import { firstValueFrom } from 'rxjs';
import { Session } from '../../core/session';
import { TenantContext } from '../../core/tenant-context';
import { membership, meResponse, tenantUser } from '../../testing/fixtures';
import { provideAdminTesting } from '../../testing/providers';
import { UsersPage } from './users-page';

describe('UsersPage', () => {
  let backend: HttpTestingController;
  let fixture: ComponentFixture<UsersPage>;
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
    fixture = TestBed.createComponent(UsersPage);
    element = fixture.nativeElement;
    loader = TestbedHarnessEnvironment.loader(fixture);
    documentLoader = TestbedHarnessEnvironment.documentRootLoader(fixture);
    await fixture.whenStable();
  }

  function expectList(tenantId: string, cursor?: string): TestRequest {
    const request = backend.expectOne(
      (r) => r.url === '/api/v1/users' && r.method === 'GET' && (r.params.get('cursor') ?? undefined) === cursor,
    );
    expect(request.request.headers.get(TENANT_HEADER)).toBe(tenantId);
    expect(request.request.params.get('limit')).toBe('50');
    return request;
  }

  /** Lets the dialog close (its afterClosed fires after a macrotask) and the view update. */
  async function settle(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
  }

  const rows = () => Array.from(element.querySelectorAll('[data-testid=users-table] tr[data-testid=user-row]'));

  afterEach(() => backend.verify());

  it('lists the users of the current tenant, with "load more" by cursor', async () => {
    await setUp();
    expectList('t-acme').flush({ items: [tenantUser('u1'), tenantUser('u2')], nextCursor: 'next-1' });
    await fixture.whenStable();
    expect(rows().map((r) => r.textContent)).toEqual([
      expect.stringContaining('u1@acme.test'),
      expect.stringContaining('u2@acme.test'),
    ]);

    await (await loader.getHarness(MatButtonHarness.with({ text: 'Load more' }))).click();
    expectList('t-acme', 'next-1').flush({ items: [tenantUser('u3')], nextCursor: null });
    await fixture.whenStable();
    expect(rows()).toHaveLength(3);
    expect(element.querySelector('[data-testid=load-more]')).toBeNull();
  });

  it('reloads for the other tenant when the tenant is switched', async () => {
    await setUp([membership('t-acme', 'tenant_admin'), membership('t-globex', 'tenant_admin')]);
    expectList('t-acme').flush({ items: [tenantUser('acme-user')], nextCursor: null });
    await fixture.whenStable();

    TestBed.inject(TenantContext).select('t-globex');
    await fixture.whenStable();
    expect(rows()).toHaveLength(0); // never shows the previous tenant's people meanwhile
    expectList('t-globex').flush({ items: [tenantUser('globex-user')], nextCursor: null });
    await fixture.whenStable();
    expect(rows().map((r) => r.textContent)).toEqual([expect.stringContaining('globex-user@acme.test')]);
  });

  it('asks for nothing and says so when the person has no tenant', async () => {
    await setUp([]);
    backend.expectNone('/api/v1/users');
    expect(element.querySelector('[data-testid=no-tenant]')?.textContent).toContain('not a member of any tenant');
    expect(element.querySelector('[data-testid=users-table]')).toBeNull();
  });

  it('is read-only for viewers', async () => {
    await setUp([membership('t-acme', 'tenant_viewer')]);
    expectList('t-acme').flush({ items: [tenantUser('u1', { role: 'tenant_admin' })], nextCursor: null });
    await fixture.whenStable();
    expect(element.querySelector('[data-testid=read-only]')).not.toBeNull();
    expect(element.querySelector('[data-testid=add-user]')).toBeNull();
    expect(element.querySelector('[data-testid=remove-user]')).toBeNull();
    expect(element.querySelector('[data-testid=user-role]')).toBeNull();
    expect(rows()[0].textContent).toContain('Tenant admin');
  });

  it('adds a user and shows the temporary password once', async () => {
    await setUp();
    expectList('t-acme').flush({ items: [], nextCursor: null });
    await fixture.whenStable();

    await (await loader.getHarness(MatButtonHarness.with({ text: /Add user/ }))).click();
    const dialog = await documentLoader.getHarness(MatDialogHarness);
    await (await dialog.getHarness(MatInputHarness.with({ selector: '[name=email]' }))).setValue('new@acme.test');
    await (await dialog.getHarness(MatInputHarness.with({ selector: '[name=displayName]' }))).setValue('New Person');
    const role = await dialog.getHarness(MatSelectHarness);
    await role.open();
    await role.clickOptions({ text: 'Tenant admin' });
    await (await dialog.getHarness(MatButtonHarness.with({ text: 'Add user' }))).click();

    const request = backend.expectOne({ url: '/api/v1/users', method: 'POST' });
    expect(request.request.body).toEqual({ email: 'new@acme.test', displayName: 'New Person', role: 'tenant_admin' });
    expect(request.request.headers.get(TENANT_HEADER)).toBe('t-acme');
    const response: AddUserResponse = {
      user: tenantUser('u9', { email: 'new@acme.test', displayName: 'New Person', role: 'tenant_admin' }),
      temporaryPassword: 'Tmp-Secret-123',
    };
    request.flush(response, { status: 201, statusText: 'Created' });
    await settle();

    expect(document.querySelector('[data-testid=temporary-password]')?.textContent).toBe('Tmp-Secret-123');
    expect(document.body.textContent).toContain("won't be shown again");
    expect(rows().map((r) => r.textContent)).toEqual([expect.stringContaining('new@acme.test')]);
  });

  it('shows the API\'s field errors when adding fails', async () => {
    await setUp();
    expectList('t-acme').flush({ items: [], nextCursor: null });
    await fixture.whenStable();

    await (await loader.getHarness(MatButtonHarness.with({ text: /Add user/ }))).click();
    const dialog = await documentLoader.getHarness(MatDialogHarness);
    await (await dialog.getHarness(MatInputHarness.with({ selector: '[name=email]' }))).setValue('x@acme.test');
    await (await dialog.getHarness(MatInputHarness.with({ selector: '[name=displayName]' }))).setValue('X');
    await (await dialog.getHarness(MatButtonHarness.with({ text: 'Add user' }))).click();
    backend.expectOne({ url: '/api/v1/users', method: 'POST' }).flush(
      {
        type: 'about:blank',
        title: 'Bad Request',
        status: 400,
        detail: 'The request has invalid fields.',
        errors: [{ field: 'email', message: 'is already a member' }],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await fixture.whenStable();
    const alert = document.querySelector('ferry-add-user-dialog [role=alert]')?.textContent ?? '';
    expect(alert).toContain('The request has invalid fields.');
    expect(alert).toContain('Email: is already a member');
  });

  it('changes a role with PATCH', async () => {
    await setUp();
    expectList('t-acme').flush({ items: [tenantUser('u1', { role: 'tenant_viewer' })], nextCursor: null });
    await fixture.whenStable();

    const select = await loader.getHarness(MatSelectHarness.with({ selector: '[data-testid=user-role]' }));
    await select.open();
    await select.clickOptions({ text: 'Tenant admin' });
    const request = backend.expectOne({ url: '/api/v1/users/u1', method: 'PATCH' });
    expect(request.request.body).toEqual({ role: 'tenant_admin' });
    request.flush(tenantUser('u1', { role: 'tenant_admin' }));
    await fixture.whenStable();
    expect(await select.getValueText()).toBe('Tenant admin');
  });

  it('puts the role back when the change is refused', async () => {
    await setUp();
    expectList('t-acme').flush({ items: [tenantUser('u1', { role: 'tenant_viewer' })], nextCursor: null });
    await fixture.whenStable();

    const select = await loader.getHarness(MatSelectHarness.with({ selector: '[data-testid=user-role]' }));
    await select.open();
    await select.clickOptions({ text: 'Tenant admin' });
    backend
      .expectOne({ url: '/api/v1/users/u1', method: 'PATCH' })
      .flush({ type: 'about:blank', title: 'Conflict', status: 409, detail: 'The last admin cannot be demoted.' }, { status: 409, statusText: 'Conflict' });
    await fixture.whenStable();
    expect(await select.getValueText()).toBe('Viewer');
    expect(document.body.textContent).toContain('The last admin cannot be demoted.');
  });

  it('removes a user only after confirmation', async () => {
    await setUp();
    expectList('t-acme').flush({ items: [tenantUser('u1'), tenantUser('u2')], nextCursor: null });
    await fixture.whenStable();

    const removeButtons = await loader.getAllHarnesses(MatButtonHarness.with({ selector: '[data-testid=remove-user]' }));
    await removeButtons[0].click();
    let dialog = await documentLoader.getHarness(MatDialogHarness);
    await (await dialog.getHarness(MatButtonHarness.with({ text: 'Cancel' }))).click();
    backend.expectNone('/api/v1/users/u1');

    await removeButtons[0].click();
    dialog = await documentLoader.getHarness(MatDialogHarness);
    expect(await dialog.getText()).toContain('u1@acme.test');
    await (await dialog.getHarness(MatButtonHarness.with({ text: 'Remove' }))).click();
    backend.expectOne({ url: '/api/v1/users/u1', method: 'DELETE' }).flush(null, { status: 204, statusText: 'No Content' });
    await fixture.whenStable();
    expect(rows().map((r) => r.textContent)).toEqual([expect.stringContaining('u2@acme.test')]);
  });
});
