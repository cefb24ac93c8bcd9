import { HttpTestingController } from '@angular/common/http/testing';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { App } from './app';
import { appConfig } from './app.config';
import { meResponse } from './testing/fixtures';

const tick = () => new Promise((resolve) => setTimeout(resolve));

describe('App (routes and configuration of the real app)', () => {
  let backend: HttpTestingController;

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        ...appConfig.providers,
        provideHttpClientTesting(),
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      ],
    });
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    // The shell and the sign-in page ask once whether this is the demo.
    backend.match('/api/v1/health/live').forEach((request) => request.flush({ status: 'ok', demoMode: false }));
    backend.verify();
  });

  async function open(url: string, signedIn: boolean): Promise<RouterTestingHarness> {
    const harness = await RouterTestingHarness.create();
    const navigation = harness.navigateByUrl(url);
    await tick();
    const me = backend.expectOne('/api/v1/auth/me');
    if (signedIn) me.flush(meResponse());
    else me.flush({ status: 401 }, { status: 401, statusText: 'Unauthorized' });
    await navigation;
    await harness.fixture.whenStable();
    return harness;
  }

  it('renders only the router outlet at its root', () => {
    const fixture = TestBed.createComponent(App);
    expect(fixture.nativeElement.querySelector('router-outlet')).not.toBeNull();
  });

  it('sends people without a session from / to a plain /login', async () => {
    const harness = await open('/', false);
    expect(TestBed.inject(Router).url).toBe('/login');
    expect(harness.routeNativeElement?.querySelector('input[name=email]')).not.toBeNull();
  });

  it('redirects / to /home inside the shell, loading the onboarding checklist of the first tenant', async () => {
    const harness = await open('/', true);
    expect(TestBed.inject(Router).url).toBe('/home');
    const onboarding = backend.expectOne((r) => r.url === '/api/v1/onboarding');
    expect(onboarding.request.headers.get('x-ferry-tenant')).toBe('t-acme');
    onboarding.flush({ steps: [], complete: true });
    await harness.fixture.whenStable();
    const root = harness.fixture.nativeElement as HTMLElement;
    expect(root.querySelector('[data-testid=current-user]')?.textContent).toBe('ada@acme.test');
    expect(root.querySelector('[data-testid=onboarding-complete]')).not.toBeNull();
    expect(document.title).toBe('Home · Ferry');
  });

  it('opens the users page at /users', async () => {
    const harness = await open('/users', true);
    const users = backend.expectOne((r) => r.url === '/api/v1/users');
    users.flush({ items: [], nextCursor: null });
    await harness.fixture.whenStable();
    expect((harness.fixture.nativeElement as HTMLElement).querySelector('[data-testid=users-table]')).not.toBeNull();
    expect(document.title).toBe('Users · Ferry');
  });

  it.each([
    ['/connections', 'Connections', '/api/v1/connections'],
    ['/audit', 'Audit log', '/api/v1/audit-log'],
    ['/lookup-tables', 'Lookup tables', '/api/v1/lookup-tables'],
    ['/orders', 'Orders', '/api/v1/orders'],
    ['/orders/o-1', 'Order', '/api/v1/orders/o-1'],
    ['/runs', 'Runs', '/api/v1/runs'],
    ['/schedules', 'Schedules', '/api/v1/schedules'],
  ])('routes %s to its page (lazy), which loads from the API', async (url, heading, api) => {
    const harness = await open(url, true);
    const request = backend.expectOne((r) => r.url === api);
    expect(request.request.headers.get('x-ferry-tenant')).toBe('t-acme');
    await harness.fixture.whenStable();
    expect((harness.fixture.nativeElement as HTMLElement).querySelector('h1')?.textContent).toBe(heading);
  });

  it('sends people without a session from a deeper page to /login with the way back', async () => {
    await open('/api-keys', false);
    expect(TestBed.inject(Router).url).toBe('/login?returnUrl=%2Fapi-keys');
  });

  it('opens the orders mapping from /mappings', async () => {
    await open('/mappings', true);
    expect(TestBed.inject(Router).url).toBe('/mappings/orders');
    // The editor's own reads are its spec's business: leave them unanswered.
    backend.match((request) => request.url.startsWith('/api/v1/mappings'));
  });

  it('keeps non-operators out of /tenants', async () => {
    const harness = await open('/tenants', true);
    expect(TestBed.inject(Router).url).toBe('/home');
    backend.expectOne((r) => r.url === '/api/v1/onboarding').flush({ steps: [], complete: false });
    await harness.fixture.whenStable();
  });
});
