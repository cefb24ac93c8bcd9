import { provideHttpClient, withFetch, withInterceptors } from '@angular/common/http';
import { ApplicationConfig, provideBrowserGlobalErrorListeners } from '@angular/core';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { appRoutes } from './app.routes';
import { provideFerryIcons } from './core/icons';
import { sessionExpiryInterceptor } from './core/session-expiry-interceptor';
import { tenantInterceptor } from './core/tenant-interceptor';

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideRouter(appRoutes, withComponentInputBinding()),
    provideHttpClient(withFetch(), withInterceptors([tenantInterceptor, sessionExpiryInterceptor])),
    provideFerryIcons(),
  ],
};
