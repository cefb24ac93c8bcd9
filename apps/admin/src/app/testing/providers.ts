import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { EnvironmentProviders, Provider } from '@angular/core';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { provideRouter, Routes, withComponentInputBinding } from '@angular/router';
import { provideFerryIcons } from '../core/icons';
import { sessionExpiryInterceptor } from '../core/session-expiry-interceptor';
import { tenantInterceptor } from '../core/tenant-interceptor';

/** What the app provides, with the HTTP backend replaced by HttpTestingController and animations off. */
export function provideAdminTesting(routes: Routes = []): (Provider | EnvironmentProviders)[] {
  return [
    provideRouter(routes, withComponentInputBinding()),
    provideHttpClient(withInterceptors([tenantInterceptor, sessionExpiryInterceptor])),
    provideHttpClientTesting(),
    provideFerryIcons(),
    { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
  ];
}
