import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { TenantContext } from '../tenancy/tenant-context';
import { FerryRequest, Principal } from './principal';

/** The TenantContext the guard established (routes with @RequireScope only). */
export const CurrentTenant = createParamDecorator((_: unknown, context: ExecutionContext): TenantContext => {
  const tenant = context.switchToHttp().getRequest<FerryRequest>().tenantContext;
  if (!tenant) throw new Error('CurrentTenant used on a route without @RequireScope');
  return tenant;
});

export const CurrentPrincipal = createParamDecorator((_: unknown, context: ExecutionContext): Principal => {
  const principal = context.switchToHttp().getRequest<FerryRequest>().principal;
  if (!principal) throw new Error('CurrentPrincipal used on a public route');
  return principal;
});
