import { HttpClient } from '@angular/common/http';
import { HttpTestingController } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { meResponse } from '../testing/fixtures';
import { provideAdminTesting } from '../testing/providers';
import { Session } from './session';

@Component({ template: '' })
class Blank {}

describe('sessionExpiryInterceptor', () => {
  let http: HttpClient;
  let backend: HttpTestingController;
  let session: Session;
  let router: Router;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: provideAdminTesting([
        { path: 'login', component: Blank },
        { path: 'users', component: Blank },
        { path: 'api-keys', component: Blank },
      ]),
    });
    http = TestBed.inject(HttpClient);
    backend = TestBed.inject(HttpTestingController);
    session = TestBed.inject(Session);
    router = TestBed.inject(Router);
    const login = firstValueFrom(session.login({ email: 'a@b.c', password: 'x' }));
    backend.expectOne('/api/v1/auth/login').flush(meResponse());
    await login;
    await router.navigateByUrl('/api-keys');
  });

  it('on a 401 from an API call, forgets the session and goes to login with the way back', async () => {
    const failed = firstValueFrom(http.get('/api/v1/users'));
    backend.expectOne('/api/v1/users').flush({ status: 401, detail: 'expired' }, { status: 401, statusText: 'Unauthorized' });
    await expect(failed).rejects.toMatchObject({ status: 401 });
    await new Promise((resolve) => setTimeout(resolve));
    expect(session.isSignedIn()).toBe(false);
    expect(router.url).toBe('/login?returnUrl=%2Fapi-keys');
  });

  it('leaves 401s of /auth/* to their callers (e.g. a wrong current password)', async () => {
    const failed = firstValueFrom(http.post('/api/v1/auth/password', {}));
    backend.expectOne('/api/v1/auth/password').flush({ status: 401, detail: 'wrong' }, { status: 401, statusText: 'Unauthorized' });
    await expect(failed).rejects.toMatchObject({ status: 401 });
    await new Promise((resolve) => setTimeout(resolve));
    expect(session.isSignedIn()).toBe(true);
    expect(router.url).toBe('/api-keys');
  });

  it('does not touch other errors', async () => {
    const failed = firstValueFrom(http.get('/api/v1/users'));
    backend.expectOne('/api/v1/users').flush({ status: 403, detail: 'no' }, { status: 403, statusText: 'Forbidden' });
    await expect(failed).rejects.toMatchObject({ status: 403 });
    await new Promise((resolve) => setTimeout(resolve));
    expect(session.isSignedIn()).toBe(true);
    expect(router.url).toBe('/api-keys');
  });
});
