import { HttpClient } from '@angular/common/http';
import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { TENANT_HEADER } from '@ferry/contracts';
import { firstValueFrom } from 'rxjs';
import { meResponse } from '../testing/fixtures';
import { provideAdminTesting } from '../testing/providers';
import { Session } from './session';
import { TenantContext } from './tenant-context';

describe('tenantInterceptor', () => {
  let http: HttpClient;
  let backend: HttpTestingController;

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: provideAdminTesting() });
    http = TestBed.inject(HttpClient);
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  async function signIn(): Promise<void> {
    const login = firstValueFrom(TestBed.inject(Session).login({ email: 'a@b.c', password: 'x' }));
    const request = backend.expectOne('/api/v1/auth/login');
    expect(request.request.headers.has(TENANT_HEADER)).toBe(false);
    request.flush(meResponse());
    await login;
  }

  it('sends no tenant header while no tenant is selected', () => {
    http.get('/api/v1/auth/me').subscribe();
    const request = backend.expectOne('/api/v1/auth/me');
    expect(request.request.headers.has(TENANT_HEADER)).toBe(false);
    request.flush(meResponse());
  });

  it('sends the selected tenant on every API request', async () => {
    await signIn();
    http.get('/api/v1/users').subscribe();
    expect(backend.expectOne('/api/v1/users').request.headers.get(TENANT_HEADER)).toBe('t-acme');

    TestBed.inject(TenantContext).select('t-globex');
    http.delete('/api/v1/api-keys/k1').subscribe();
    expect(backend.expectOne('/api/v1/api-keys/k1').request.headers.get(TENANT_HEADER)).toBe('t-globex');
  });

  it('does not send the tenant to other origins or paths', async () => {
    await signIn();
    http.get('https://elsewhere.example/api/v1/users').subscribe();
    expect(backend.expectOne('https://elsewhere.example/api/v1/users').request.headers.has(TENANT_HEADER)).toBe(false);
    http.get('/assets/x.json').subscribe();
    expect(backend.expectOne('/assets/x.json').request.headers.has(TENANT_HEADER)).toBe(false);
  });
});
