import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import { membership, meResponse } from '../testing/fixtures';
import { provideAdminTesting } from '../testing/providers';
import { Session } from './session';
import { TENANT_STORAGE_KEY, TenantContext } from './tenant-context';

async function signIn(tenants = meResponse().tenants): Promise<TenantContext> {
  const session = TestBed.inject(Session);
  const login = firstValueFrom(session.login({ email: 'a@b.c', password: 'x' }));
  TestBed.inject(HttpTestingController).expectOne('/api/v1/auth/login').flush(meResponse({ tenants }));
  await login;
  return TestBed.inject(TenantContext);
}

describe('TenantContext', () => {
  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: provideAdminTesting() });
  });

  it('has no tenant before sign-in', () => {
    const context = TestBed.inject(TenantContext);
    expect(context.current()).toBeNull();
    expect(context.currentId()).toBeNull();
    expect(context.can('users:read')).toBe(false);
  });

  it('defaults to the first tenant', async () => {
    const context = await signIn();
    expect(context.currentId()).toBe('t-acme');
    expect(context.role()).toBe('tenant_admin');
  });

  it('remembers the chosen tenant in localStorage', async () => {
    const context = await signIn();
    context.select('t-globex');
    expect(context.currentId()).toBe('t-globex');
    expect(localStorage.getItem(TENANT_STORAGE_KEY)).toBe('t-globex');
  });

  it('starts from the remembered tenant when the person can still act in it', async () => {
    localStorage.setItem(TENANT_STORAGE_KEY, 't-globex');
    const context = await signIn();
    expect(context.currentId()).toBe('t-globex');
  });

  it('falls back to the first tenant when the remembered one is not available', async () => {
    localStorage.setItem(TENANT_STORAGE_KEY, 't-gone');
    const context = await signIn();
    expect(context.currentId()).toBe('t-acme');
  });

  it('answers scopes from the role in the current tenant', async () => {
    const context = await signIn([membership('t-a', 'tenant_admin'), membership('t-v', 'tenant_viewer'), membership('t-p', 'pro_services')]);
    expect(context.can('users:write')).toBe(true);
    context.select('t-v');
    expect(context.can('users:read')).toBe(true);
    expect(context.can('users:write')).toBe(false);
    expect(context.can('api_keys:write')).toBe(false);
    context.select('t-p');
    expect(context.can('mappings:write')).toBe(true);
    expect(context.can('users:write')).toBe(false);
  });

  it('gives platform operators every scope', async () => {
    const context = await signIn([membership('t-x', 'platform_operator')]);
    expect(context.can('api_keys:write')).toBe(true);
    expect(context.can('users:write')).toBe(true);
  });
});
