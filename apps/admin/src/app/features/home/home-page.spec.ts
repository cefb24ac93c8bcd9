import { HttpTestingController } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { TENANT_HEADER } from '@ferry/contracts';
import { TenantContext } from '../../core/tenant-context';
import { membership, onboardingStatus } from '../../testing/fixtures';
import { signedIn } from '../../testing/signed-in';
import { HomePage } from './home-page';

@Component({ template: '' })
class Blank {}

describe('HomePage', () => {
  let backend: HttpTestingController;
  let fixture: ComponentFixture<HomePage>;
  let element: HTMLElement;

  async function setUp(tenants = [membership('t-acme', 'tenant_admin', 'Acme')]): Promise<void> {
    backend = await signedIn(tenants, { routes: [{ path: '**', component: Blank }] });
    fixture = TestBed.createComponent(HomePage);
    element = fixture.nativeElement;
    await fixture.whenStable();
  }

  function flushStatus(status = onboardingStatus(), tenantId = 't-acme'): void {
    const request = backend.expectOne({ url: '/api/v1/onboarding', method: 'GET' });
    expect(request.request.headers.get(TENANT_HEADER)).toBe(tenantId);
    request.flush(status);
  }

  const step = (id: string) => element.querySelector<HTMLElement>(`[data-testid=onboarding-step-${id}]`);

  afterEach(() => backend.verify());

  it('lists each step with done or missing, its detail and a link to its page', async () => {
    await setUp();
    flushStatus(onboardingStatus({ shopify_connected: true, cimcloud_connected: true }));
    await fixture.whenStable();

    expect(step('shopify_connected')?.dataset['done']).toBe('true');
    expect(step('defaults_set')?.dataset['done']).toBe('false');
    expect(step('defaults_set')?.textContent).toContain('Set default order values: missing');
    expect(step('defaults_set')?.textContent).toContain('missing');
    expect(step('shopify_connected')?.textContent).toContain('done');
    expect(element.querySelector('[data-testid=onboarding-link-defaults_set]')?.getAttribute('href')).toBe('/defaults');
    expect(element.querySelector('[data-testid=onboarding-link-locations_linked]')?.getAttribute('href')).toBe('/locations');
    expect(element.querySelector('[data-testid=onboarding-progress]')?.textContent).toContain('2 of 5 steps done');
    expect(element.querySelector('[data-testid=onboarding-complete]')).toBeNull();
  });

  it('says "ready to sync" when every step is done', async () => {
    await setUp();
    flushStatus(
      onboardingStatus({ shopify_connected: true, cimcloud_connected: true, defaults_set: true, locations_linked: true, lookup_ship_via: true }),
    );
    await fixture.whenStable();
    expect(element.querySelector('[data-testid=onboarding-complete]')?.textContent).toContain('Ready to sync');
    expect(element.querySelectorAll('[data-done=true]')).toHaveLength(5);
    expect(element.querySelector('[data-testid=onboarding-progress]')).toBeNull();
  });

  it('checks again on request, and for the other tenant when switched', async () => {
    await setUp([membership('t-acme', 'tenant_admin'), membership('t-globex', 'tenant_viewer')]);
    flushStatus();
    await fixture.whenStable();
    element.querySelector<HTMLButtonElement>('[data-testid=onboarding-refresh]')?.click();
    flushStatus(onboardingStatus({ shopify_connected: true }));
    await fixture.whenStable();
    expect(step('shopify_connected')?.dataset['done']).toBe('true');

    TestBed.inject(TenantContext).select('t-globex');
    await fixture.whenStable();
    expect(step('shopify_connected')).toBeNull(); // never the previous tenant's checklist
    flushStatus(onboardingStatus(), 't-globex');
    await fixture.whenStable();
    expect(step('shopify_connected')?.dataset['done']).toBe('false');
  });

  it('shows the problem when the checklist cannot be read', async () => {
    await setUp();
    backend
      .expectOne('/api/v1/onboarding')
      .flush({ type: 'about:blank', title: 'Error', status: 503, detail: 'Try later.' }, { status: 503, statusText: 'Unavailable' });
    await fixture.whenStable();
    expect(element.querySelector('[role=alert]')?.textContent).toContain('Try later.');
  });

  it('asks for nothing without a tenant', async () => {
    await setUp([]);
    backend.expectNone('/api/v1/onboarding');
    expect(element.querySelector('[data-testid=no-tenant]')).not.toBeNull();
  });
});
