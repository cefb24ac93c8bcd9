import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import { meResponse } from '../testing/fixtures';
import { provideAdminTesting } from '../testing/providers';
import { Session } from './session';

describe('Session', () => {
  let session: Session;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: provideAdminTesting() });
    session = TestBed.inject(Session);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('logs in with email and password and keeps the person', async () => {
    const result = firstValueFrom(session.login({ email: 'ada@acme.test', password: 'pw' }));
    const request = http.expectOne('/api/v1/auth/login');
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({ email: 'ada@acme.test', password: 'pw' });
    request.flush(meResponse());
    await result;
    expect(session.isSignedIn()).toBe(true);
    expect(session.user()?.email).toBe('ada@acme.test');
    expect(session.tenants().map((t) => t.tenantId)).toEqual(['t-acme', 't-globex']);
  });

  it('restore() asks /auth/me once, even for concurrent callers', async () => {
    const first = firstValueFrom(session.restore());
    const second = firstValueFrom(session.restore());
    http.expectOne('/api/v1/auth/me').flush(meResponse());
    await expect(first).resolves.toBe(true);
    await expect(second).resolves.toBe(true);
    // Known now: no further request.
    await expect(firstValueFrom(session.restore())).resolves.toBe(true);
  });

  it('restore() answers false on 401 and does not ask again until a login', async () => {
    const restored = firstValueFrom(session.restore());
    http.expectOne('/api/v1/auth/me').flush({ status: 401, detail: 'no session' }, { status: 401, statusText: 'Unauthorized' });
    await expect(restored).resolves.toBe(false);
    await expect(firstValueFrom(session.restore())).resolves.toBe(false);
    http.expectNone('/api/v1/auth/me');
  });

  it('restore() passes on failures other than 401', async () => {
    const restored = firstValueFrom(session.restore());
    http.expectOne('/api/v1/auth/me').flush('down', { status: 503, statusText: 'Service Unavailable' });
    await expect(restored).rejects.toMatchObject({ status: 503 });
  });

  it('logout() posts and forgets the person', async () => {
    const login = firstValueFrom(session.login({ email: 'a@b.c', password: 'x' }));
    http.expectOne('/api/v1/auth/login').flush(meResponse());
    await login;

    const done = firstValueFrom(session.logout(), { defaultValue: undefined });
    const request = http.expectOne('/api/v1/auth/logout');
    expect(request.request.method).toBe('POST');
    request.flush(null, { status: 204, statusText: 'No Content' });
    await done;
    expect(session.isSignedIn()).toBe(false);
    await expect(firstValueFrom(session.restore())).resolves.toBe(false);
  });

  it('logout() forgets the person even when the server call fails', async () => {
    const login = firstValueFrom(session.login({ email: 'a@b.c', password: 'x' }));
    http.expectOne('/api/v1/auth/login').flush(meResponse());
    await login;

    const done = firstValueFrom(session.logout());
    http.expectOne('/api/v1/auth/logout').flush('x', { status: 500, statusText: 'Server Error' });
    await expect(done).rejects.toBeTruthy();
    expect(session.isSignedIn()).toBe(false);
  });

  it('changePassword() posts both passwords', async () => {
    const done = firstValueFrom(session.changePassword({ currentPassword: 'old', newPassword: 'new-password' }), {
      defaultValue: undefined,
    });
    const request = http.expectOne('/api/v1/auth/password');
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({ currentPassword: 'old', newPassword: 'new-password' });
    request.flush(null, { status: 204, statusText: 'No Content' });
    await done;
  });
});
