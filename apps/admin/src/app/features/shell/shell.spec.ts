import { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { HttpTestingController } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { Router } from '@angular/router';
import { TENANT_HEADER } from '@ferry/contracts';
import { firstValueFrom } from 'rxjs';
import { Session } from '../../core/session';
import { TenantContext } from '../../core/tenant-context';
import { membership, meResponse } from '../../testing/fixtures';
import { provideAdminTesting } from '../../testing/providers';
import { Shell } from './shell';

@Component({ template: '' })
class Blank {}

describe('Shell', () => {
  let backend: HttpTestingController;
  let fixture: ComponentFixture<Shell>;
  let element: HTMLElement;
  let loader: HarnessLoader;

  async function setUp(isPlatformOperator = false, mustChangePassword = false, demoMode = false): Promise<void> {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: provideAdminTesting([
        { path: 'login', component: Blank },
        { path: '**', component: Blank },
      ]),
    });
    backend = TestBed.inject(HttpTestingController);
    const login = firstValueFrom(TestBed.inject(Session).login({ email: 'a@b.c', password: 'x' }));
    backend.expectOne('/api/v1/auth/login').flush(
      meResponse({
        isPlatformOperator,
        mustChangePassword,
        tenants: [membership('t-acme', 'tenant_admin', 'Acme'), membership('t-globex', 'tenant_viewer', 'Globex')],
      }),
    );
    await login;
    fixture = TestBed.createComponent(Shell);
    element = fixture.nativeElement;
    loader = TestbedHarnessEnvironment.loader(fixture);
    await fixture.whenStable();
    backend.expectOne({ url: '/api/v1/health/live', method: 'GET' }).flush({ status: 'ok', demoMode });
    await fixture.whenStable();
  }

  afterEach(() => backend.verify());

  it('shows the product and the signed-in person', async () => {
    await setUp();
    expect(element.querySelector('.brand')?.textContent).toBe('Ferry');
    expect(element.querySelector('[data-testid=current-user]')?.textContent).toBe('ada@acme.test');
  });

  it('links every section, each with what it does as its tooltip', async () => {
    await setUp();
    const links = Array.from(element.querySelectorAll<HTMLAnchorElement>('a[data-testid^=nav-]'));
    expect(links.map((a) => a.dataset['testid'])).toEqual([
      'nav-home',
      'nav-connections',
      'nav-defaults',
      'nav-locations',
      'nav-lookup-tables',
      'nav-mappings',
      'nav-schedules',
      'nav-dashboard',
      'nav-orders',
      'nav-runs',
      'nav-users',
      'nav-api-keys',
      'nav-audit',
    ]);
    expect(element.querySelector('[data-testid=nav-users]')?.getAttribute('href')).toBe('/users');
    expect(element.querySelector('[data-testid=nav-api-keys]')?.getAttribute('href')).toBe('/api-keys');
    expect(element.querySelector('[data-testid=nav-mappings]')?.getAttribute('href')).toBe('/mappings');
    expect(element.querySelector('[data-testid=nav-mappings]')?.getAttribute('title')).toContain('publish the field mappings');
    expect(element.querySelector('[data-testid=nav-audit]')?.getAttribute('href')).toBe('/audit');
  });

  it('hides the audit log from roles without audit:read', async () => {
    await setUp();
    const tenant = TestBed.inject(TenantContext);
    const spy = jest.spyOn(tenant, 'can').mockImplementation((scope) => scope !== 'audit:read');
    // A new shell reads the role afresh.
    fixture = TestBed.createComponent(Shell);
    await fixture.whenStable();
    expect(fixture.nativeElement.querySelector('[data-testid=nav-audit]')).toBeNull();
    expect(fixture.nativeElement.querySelector('[data-testid=nav-home]')).not.toBeNull();
    spy.mockRestore();
  });

  it('shows the Tenants page link to platform operators only', async () => {
    await setUp(true);
    expect(element.querySelector('[data-testid=nav-tenants]')?.getAttribute('href')).toBe('/tenants');
  });

  it('switches the tenant from the toolbar', async () => {
    await setUp();
    const switcher = await loader.getHarness(MatSelectHarness.with({ selector: '[data-testid=tenant-switcher]' }));
    expect(await switcher.getValueText()).toBe('Acme');
    await switcher.open();
    expect((await switcher.getOptions()).length).toBe(2);
    await switcher.clickOptions({ text: /Globex/ });
    expect(TestBed.inject(TenantContext).currentId()).toBe('t-globex');
    expect(await switcher.getValueText()).toBe('Globex');
  });

  it('asks people with a temporary password to choose their own first', async () => {
    await setUp(false, true);
    expect(document.querySelector('[data-testid=password-change-required]')).not.toBeNull();
  });

  it('does not ask others to change their password', async () => {
    await setUp();
    expect(document.querySelector('mat-dialog-container')).toBeNull();
  });

  it('labels the npm start demo on every page, and nothing else', async () => {
    await setUp(false, false, true);
    expect(element.querySelector('[data-testid=demo-mode]')?.textContent?.trim()).toBe('Demo mode — emulated Shopify and CIMcloud');
    TestBed.resetTestingModule();
    await setUp();
    expect(element.querySelector('[data-testid=demo-mode]')).toBeNull();
  });

  it('signs out and goes to the login page', async () => {
    await setUp();
    element.querySelector<HTMLButtonElement>('[data-testid=logout]')?.click();
    const request = backend.expectOne('/api/v1/auth/logout');
    expect(request.request.method).toBe('POST');
    expect(request.request.headers.get(TENANT_HEADER)).toBe('t-acme');
    request.flush(null, { status: 204, statusText: 'No Content' });
    await fixture.whenStable();
    expect(TestBed.inject(Session).isSignedIn()).toBe(false);
    expect(TestBed.inject(Router).url).toBe('/login');
  });
});
