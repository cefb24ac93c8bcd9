import { HttpTestingController, TestRequest } from '@angular/common/http/testing';
import { EnvironmentProviders, Provider } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Routes } from '@angular/router';
import { TenantMembershipSummary } from '@ferry/contracts';
import { firstValueFrom } from 'rxjs';
import { Session } from '../core/session';
import { membership, meResponse } from './fixtures';
import { provideAdminTesting } from './providers';

/**
 * Configures TestBed like the app, signs in as a member of `tenants` (by default an admin of
 * "Acme", `t-acme`) and returns the HTTP testing controller.
 */
export async function signedIn(
  tenants: TenantMembershipSummary[] = [membership('t-acme', 'tenant_admin', 'Acme')],
  options: { routes?: Routes; providers?: (Provider | EnvironmentProviders)[] } = {},
): Promise<HttpTestingController> {
  localStorage.clear();
  TestBed.configureTestingModule({ providers: [...provideAdminTesting(options.routes ?? []), ...(options.providers ?? [])] });
  const backend = TestBed.inject(HttpTestingController);
  const login = firstValueFrom(TestBed.inject(Session).login({ email: 'a@b.c', password: 'x' }));
  backend.expectOne('/api/v1/auth/login').flush(meResponse({ tenants }));
  await login;
  return backend;
}

/** An RFC 9457 validation answer (400) with field errors. */
export function validationProblem(errors: { field: string; message: string }[], detail = 'The request has invalid fields.') {
  return {
    body: { type: 'about:blank', title: 'Bad Request', status: 400, detail, errors },
    options: { status: 400, statusText: 'Bad Request' },
  };
}

/** Lets dialogs close (afterClosed fires after a macrotask) and the view update. */
export async function settle(fixture: { whenStable(): Promise<unknown> }): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve));
  await fixture.whenStable();
}

/**
 * The one request matching `match`, waiting for it up to `timeoutMs` (for requests sent
 * after a debounce or a file read, so the tests don't depend on the machine's speed).
 */
export async function eventualRequest(
  backend: HttpTestingController,
  match: Parameters<HttpTestingController['match']>[0],
  timeoutMs = 3000,
): Promise<TestRequest> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = backend.match(match);
    if (found.length > 1) throw new Error(`Expected one matching request, found ${found.length}.`);
    if (found.length === 1) return found[0];
    if (Date.now() > deadline) throw new Error('Expected a matching request, found none in time.');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
