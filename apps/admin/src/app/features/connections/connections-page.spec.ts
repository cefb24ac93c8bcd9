import { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { HttpTestingController, TestRequest } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatButtonToggleHarness } from '@angular/material/button-toggle/testing';
import { MatDialogHarness } from '@angular/material/dialog/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { ConnectionsResponse, TENANT_HEADER } from '@ferry/contracts';
import { cimcloudConnection, membership, shopifyConnection, testResult } from '../../testing/fixtures';
import { settle, signedIn, validationProblem } from '../../testing/signed-in';
import { ConnectionsPage } from './connections-page';

describe('ConnectionsPage', () => {
  let backend: HttpTestingController;
  let fixture: ComponentFixture<ConnectionsPage>;
  let element: HTMLElement;
  let loader: HarnessLoader;
  let documentLoader: HarnessLoader;

  async function setUp(
    connections: ConnectionsResponse = { shopify: null, cimcloud: null },
    role: 'tenant_admin' | 'tenant_viewer' = 'tenant_admin',
  ): Promise<void> {
    backend = await signedIn([membership('t-acme', role, 'Acme')]);
    fixture = TestBed.createComponent(ConnectionsPage);
    element = fixture.nativeElement;
    loader = TestbedHarnessEnvironment.loader(fixture);
    documentLoader = TestbedHarnessEnvironment.documentRootLoader(fixture);
    await fixture.whenStable();
    const request = backend.expectOne({ url: '/api/v1/connections', method: 'GET' });
    expect(request.request.headers.get(TENANT_HEADER)).toBe('t-acme');
    request.flush(connections);
    await fixture.whenStable();
  }

  const input = (testId: string) => loader.getHarness(MatInputHarness.with({ selector: `[data-testid=${testId}]` }));
  const button = (testId: string) => loader.getHarness(MatButtonHarness.with({ selector: `[data-testid=${testId}]` }));
  const text = (testId: string) => element.querySelector(`[data-testid=${testId}]`)?.textContent?.trim() ?? '';
  const expectPut = (kind: string): TestRequest => backend.expectOne({ url: `/api/v1/connections/${kind}`, method: 'PUT' });

  afterEach(() => backend.verify());

  it('starts with both systems not connected and a Dev Dashboard app as the default way', async () => {
    await setUp();
    expect(text('shopify-status')).toBe('Not connected');
    expect(text('cimcloud-status')).toBe('Not connected');
    expect(await (await loader.getHarness(MatButtonToggleHarness.with({ selector: '[data-testid=shopify-auth-mode-client_credentials]' }))).isChecked()).toBe(true);
    expect(element.querySelector('[data-testid=shopify-client-id]')).not.toBeNull();
    expect(element.querySelector('[data-testid=shopify-access-token]')).toBeNull();
    // Nothing to test or disconnect yet.
    expect(element.querySelector('[data-testid=shopify-test]')).toBeNull();
    expect(element.querySelector('[data-testid=shopify-disconnect]')).toBeNull();
  });

  it('has a step-by-step guide for both kinds of app, with every scope to grant', async () => {
    await setUp();
    const guide = text('shopify-guide-custom-app');
    expect(guide).toContain('Settings › Apps and sales channels › Develop apps');
    expect(text('shopify-guide-dev-dashboard')).toContain('Dev Dashboard');
    const scopes = text('shopify-guide-scopes');
    for (const scope of [
      'read_orders',
      'read_all_orders',
      'read_customers',
      'read_products',
      'read_locations',
      'read_inventory',
      'write_inventory',
      'read_merchant_managed_fulfillment_orders',
      'write_merchant_managed_fulfillment_orders',
      'write_fulfillments',
    ]) {
      expect(scopes).toContain(scope);
    }
  });

  it('connects Shopify with a Dev Dashboard app and shows the test: shop, plan, currency, missing scopes', async () => {
    await setUp();
    await (await input('shopify-shop-domain')).setValue('https://Acme.myshopify.com/');
    await (await input('shopify-shop-domain')).blur();
    await (await input('shopify-client-id')).setValue('client-123');
    await (await input('shopify-client-secret')).setValue('s3cret');
    await (await input('shopify-admin-base-url')).setValue('http://127.0.0.1:4010');
    await (await button('shopify-save')).click();

    const request = expectPut('shopify');
    expect(request.request.body).toEqual({
      shopDomain: 'acme.myshopify.com',
      authMode: 'client_credentials',
      clientId: 'client-123',
      clientSecret: 's3cret',
      adminBaseUrl: 'http://127.0.0.1:4010',
    });
    request.flush(
      shopifyConnection({
        adminBaseUrl: 'http://127.0.0.1:4010',
        lastTest: testResult({
          ok: true,
          message: 'Connected to Acme Store, but 1 scope is missing.',
          shopify: {
            shopName: 'Acme Store',
            plan: 'Advanced',
            currency: 'EUR',
            grantedScopes: ['read_orders', 'read_products'],
            missingScopes: [{ scope: 'write_fulfillments', breaks: 'Shipments cannot be sent to Shopify.' }],
          },
        }),
      }),
    );
    await fixture.whenStable();

    const result = element.querySelector<HTMLElement>('[data-testid=shopify-test-result]');
    expect(result?.dataset['ok']).toBe('true');
    expect(text('shopify-test-shop-name')).toBe('Acme Store');
    expect(text('shopify-test-plan')).toBe('Advanced');
    expect(text('shopify-test-currency')).toBe('EUR');
    expect(text('shopify-missing-scope-write_fulfillments')).toContain('Shipments cannot be sent to Shopify.');
    expect(element.querySelector('[data-testid=shopify-scope-write_fulfillments]')?.getAttribute('data-granted')).toBe('false');
    expect(element.querySelector('[data-testid=shopify-scope-read_orders]')?.getAttribute('data-granted')).toBe('true');
    expect(text('shopify-granted-scopes')).toContain('read_orders, read_products');
    expect(text('shopify-status')).toBe('Connected, scopes missing');
    // The secret went in and is gone from the form; only the hint is shown.
    expect(await (await input('shopify-client-secret')).getValue()).toBe('');
    expect(text('shopify-client-secret-hint')).toContain('••••••••9f3c');
    expect(text('shopify-client-secret-hint')).toContain('leave empty to keep');
  });

  it('connects with an admin token, and asks for it before calling the API', async () => {
    await setUp();
    await (await loader.getHarness(MatButtonToggleHarness.with({ selector: '[data-testid=shopify-auth-mode-admin_token]' }))).check();
    await (await input('shopify-shop-domain')).setValue('acme.myshopify.com');
    await (await button('shopify-save')).click();
    backend.expectNone({ url: '/api/v1/connections/shopify', method: 'PUT' });
    expect(text('shopify-error-accessToken')).toContain('Admin API access token');

    await (await input('shopify-access-token')).setValue('shpat_abc');
    await (await input('shopify-webhook-secret')).setValue('whsec');
    await (await button('shopify-save')).click();
    const request = expectPut('shopify');
    expect(request.request.body).toEqual({
      shopDomain: 'acme.myshopify.com',
      authMode: 'admin_token',
      accessToken: 'shpat_abc',
      webhookSecret: 'whsec',
    });
    request.flush(
      shopifyConnection({
        authMode: 'admin_token',
        clientId: null,
        clientSecret: null,
        accessToken: { hint: '••••_abc' },
        webhookSecret: { hint: '••••whsec' },
        lastTest: testResult({ ok: false, message: 'Shopify answered 401: the token is wrong or the app was uninstalled.' }),
      }),
    );
    await fixture.whenStable();
    expect(element.querySelector<HTMLElement>('[data-testid=shopify-test-result]')?.dataset['ok']).toBe('false');
    expect(text('shopify-test-message')).toContain('the token is wrong');
    expect(text('shopify-status')).toContain('last test failed');
  });

  it('keeps stored secrets when their inputs stay empty', async () => {
    await setUp({ shopify: shopifyConnection(), cimcloud: null });
    expect(await (await input('shopify-shop-domain')).getValue()).toBe('acme.myshopify.com');
    expect(await (await input('shopify-client-id')).getValue()).toBe('client-123');
    expect(text('shopify-status')).toContain('not tested');
    await (await button('shopify-save')).click();
    const request = expectPut('shopify');
    expect(request.request.body).toEqual({ shopDomain: 'acme.myshopify.com', authMode: 'client_credentials', clientId: 'client-123' });
    request.flush(shopifyConnection());
  });

  it("shows the API's field errors next to their fields", async () => {
    await setUp();
    await (await input('shopify-shop-domain')).setValue('acme.example.com');
    await (await input('shopify-client-id')).setValue('c');
    await (await input('shopify-client-secret')).setValue('s');
    await (await button('shopify-save')).click();
    const { body, options } = validationProblem([{ field: 'shopDomain', message: 'must end in .myshopify.com' }]);
    expectPut('shopify').flush(body, options);
    await fixture.whenStable();
    expect(text('shopify-error-shopDomain')).toBe('must end in .myshopify.com');
    expect(text('shopify-status')).toBe('Not connected');
  });

  it('tests the saved connection again', async () => {
    await setUp({ shopify: shopifyConnection(), cimcloud: null });
    await (await button('shopify-test')).click();
    const request = backend.expectOne({ url: '/api/v1/connections/shopify/test', method: 'POST' });
    request.flush(testResult({ ok: true, message: 'Works.' }));
    await fixture.whenStable();
    expect(text('shopify-test-message')).toBe('Works.');
    expect(text('shopify-status')).toBe('Connected');
  });

  it('disconnects only after confirmation', async () => {
    await setUp({ shopify: shopifyConnection(), cimcloud: null });
    await (await button('shopify-disconnect')).click();
    const dialog = await documentLoader.getHarness(MatDialogHarness);
    expect(await dialog.getText()).toContain('acme.myshopify.com');
    await (await dialog.getHarness(MatButtonHarness.with({ text: 'Disconnect' }))).click();
    backend.expectOne({ url: '/api/v1/connections/shopify', method: 'DELETE' }).flush(null, { status: 204, statusText: 'No Content' });
    await settle(fixture);
    expect(text('shopify-status')).toBe('Not connected');
    expect(await (await input('shopify-shop-domain')).getValue()).toBe('');
  });

  it('connects CIMcloud and shows a failed validate clearly', async () => {
    await setUp();
    await (await button('cimcloud-save')).click();
    backend.expectNone({ url: '/api/v1/connections/cimcloud', method: 'PUT' });
    expect(text('cimcloud-error-siteName')).toContain('site name');
    expect(text('cimcloud-error-authKey')).toContain('AuthKey');

    await (await input('cimcloud-site-name')).setValue('acme');
    await (await input('cimcloud-auth-user-name')).setValue('ferry');
    await (await input('cimcloud-auth-key')).setValue('key');
    await (await input('cimcloud-auth-password')).setValue('pw');
    await (await input('cimcloud-base-url')).setValue('not a url');
    await (await button('cimcloud-save')).click();
    backend.expectNone({ url: '/api/v1/connections/cimcloud', method: 'PUT' });
    expect(text('cimcloud-error-baseUrl')).toContain('http://');

    await (await input('cimcloud-base-url')).setValue('http://localhost:4020');
    await (await button('cimcloud-save')).click();
    const request = expectPut('cimcloud');
    expect(request.request.body).toEqual({
      siteName: 'acme',
      authUserName: 'ferry',
      authKey: 'key',
      authPassword: 'pw',
      baseUrl: 'http://localhost:4020',
    });
    request.flush(
      cimcloudConnection({
        baseUrl: 'http://localhost:4020',
        lastTest: testResult({ ok: false, message: 'CIMcloud refused the credentials (401): check AuthKey, AuthUserName and AuthPassword.' }),
      }),
    );
    await fixture.whenStable();
    expect(element.querySelector<HTMLElement>('[data-testid=cimcloud-test-result]')?.dataset['ok']).toBe('false');
    expect(text('cimcloud-test-message')).toContain('refused the credentials');
    expect(text('cimcloud-auth-key-hint')).toContain('••••••••k3y1');
    expect(element.querySelector('[data-testid=shopify-test-shop-name]')).toBeNull();

    await (await button('cimcloud-test')).click();
    backend.expectOne({ url: '/api/v1/connections/cimcloud/test', method: 'POST' }).flush(testResult({ ok: true, message: 'validate answered 200.' }));
    await fixture.whenStable();
    expect(text('cimcloud-status')).toBe('Connected');
  });

  it('lets viewers see but not change or test anything', async () => {
    await setUp({ shopify: shopifyConnection({ lastTest: testResult() }), cimcloud: cimcloudConnection() }, 'tenant_viewer');
    expect(element.querySelector('[data-testid=read-only]')).not.toBeNull();
    for (const id of ['shopify-save', 'shopify-test', 'shopify-disconnect', 'cimcloud-save', 'cimcloud-test', 'cimcloud-disconnect']) {
      expect(element.querySelector(`[data-testid=${id}]`)).toBeNull();
    }
    expect(await (await input('shopify-shop-domain')).isDisabled()).toBe(true);
    expect(await (await input('cimcloud-site-name')).isDisabled()).toBe(true);
    expect(text('shopify-test-message')).toBe('Connected to Acme Store.');
  });
});
