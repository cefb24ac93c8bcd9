import { HttpTestingController } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { meResponse } from '../testing/fixtures';
import { provideAdminTesting } from '../testing/providers';
import { authGuard } from './auth-guard';
import { guestGuard } from './guest-guard';
import { operatorGuard } from './operator-guard';

const tick = () => new Promise((resolve) => setTimeout(resolve));

@Component({ template: 'page' })
class Page {}

describe('route guards', () => {
  let backend: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: provideAdminTesting([
        { path: 'login', component: Page, canActivate: [guestGuard] },
        { path: 'home', component: Page, canActivate: [authGuard] },
        { path: 'users', component: Page, canActivate: [authGuard] },
        { path: 'api-keys', component: Page, canActivate: [authGuard] },
        { path: 'tenants', component: Page, canActivate: [authGuard, operatorGuard] },
        { path: '', component: Page },
      ]),
    });
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  async function navigate(url: string, me: 'signed-out' | 'error' | ReturnType<typeof meResponse>): Promise<string> {
    const harness = await RouterTestingHarness.create();
    const navigation = harness.navigateByUrl(url);
    await tick();
    const request = backend.expectOne('/api/v1/auth/me');
    if (me === 'signed-out') request.flush({ status: 401 }, { status: 401, statusText: 'Unauthorized' });
    else if (me === 'error') request.flush('down', { status: 503, statusText: 'Unavailable' });
    else request.flush(me);
    if (me === 'error') {
      // The login page's guest guard asks once more; the server is still down.
      await tick();
      backend.expectOne('/api/v1/auth/me').flush('down', { status: 503, statusText: 'Unavailable' });
    }
    await navigation;
    return TestBed.inject(Router).url;
  }

  it('authGuard sends people without a session to /login with the way back', async () => {
    expect(await navigate('/api-keys', 'signed-out')).toBe('/login?returnUrl=%2Fapi-keys');
  });

  it('authGuard leaves the way back out when it is just the start page', async () => {
    expect(await navigate('/home', 'signed-out')).toBe('/login');
  });

  it('authGuard lets signed-in people through', async () => {
    expect(await navigate('/users', meResponse())).toBe('/users');
  });

  it('authGuard goes to /login when the session cannot be checked', async () => {
    expect(await navigate('/api-keys', 'error')).toBe('/login?returnUrl=%2Fapi-keys');
  });

  it('operatorGuard keeps non-operators out of operator pages', async () => {
    expect(await navigate('/tenants', meResponse({ isPlatformOperator: false }))).toBe('/');
  });

  it('operatorGuard lets platform operators in', async () => {
    expect(await navigate('/tenants', meResponse({ isPlatformOperator: true }))).toBe('/tenants');
  });

  it('guestGuard sends signed-in people from /login to the start page', async () => {
    expect(await navigate('/login', meResponse())).toBe('/');
  });

  it('guestGuard shows /login to people without a session', async () => {
    expect(await navigate('/login', 'signed-out')).toBe('/login');
  });
});
