import { HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { TENANT_HEADER } from '@ferry/contracts';
import { isApiRequest } from './api-url';
import { TenantContext } from './tenant-context';

/** Sends the selected tenant with every API request, once one is selected. */
export const tenantInterceptor: HttpInterceptorFn = (request, next) => {
  const tenantId = inject(TenantContext).currentId();
  if (!tenantId || !isApiRequest(request.url) || request.headers.has(TENANT_HEADER)) {
    return next(request);
  }
  return next(request.clone({ setHeaders: { [TENANT_HEADER]: tenantId } }));
};
