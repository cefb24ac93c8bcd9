import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { SESSION_COOKIE } from '@ferry/contracts';
import { problems } from '../http/problem';
import { ACCESS_RULE, AccessRule } from './access-rule';
import { ApiKeyAuthenticator } from './api-key-authenticator';
import { FerryRequest, Principal } from './principal';
import { SessionService } from './session.service';
import { TenantResolver } from './tenant-resolver';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Global guard: every route is authenticated and checked unless it opts out with @Public().
 * A route with no access rule at all is refused (fail closed).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionService,
    private readonly apiKeys: ApiKeyAuthenticator,
    private readonly tenants: TenantResolver,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [context.getHandler(), context.getClass()]);
    if (!rule) throw problems.forbidden('This route declares no access rule.');
    if (rule.kind === 'public') return true;

    const request = context.switchToHttp().getRequest<FerryRequest>();
    const principal = await this.authenticate(request);
    request.principal = principal;

    switch (rule.kind) {
      case 'signed_in':
        return true;
      case 'platform_operator':
        if (principal.kind === 'user' && principal.isPlatformOperator) return true;
        throw problems.forbidden('Only platform operators may do this.');
      case 'tenant_scope': {
        const tenant = await this.tenants.resolve(request, principal);
        if (!tenant.scopes.includes(rule.scope)) {
          throw problems.forbidden(
            principal.kind === 'api_key'
              ? `This API key lacks the scope ${rule.scope}.`
              : `Your role (${tenant.role}) does not allow ${rule.scope}.`,
          );
        }
        request.tenantContext = tenant;
        return true;
      }
    }
  }

  private async authenticate(request: FerryRequest): Promise<Principal> {
    const authorization = request.header('authorization');
    if (authorization !== undefined) {
      const [scheme, token] = authorization.split(' ');
      if (scheme?.toLowerCase() !== 'bearer' || !token) throw problems.unauthenticated('Use "Authorization: Bearer <API key>".');
      return this.apiKeys.authenticate(token);
    }
    const cookie: unknown = request.cookies?.[SESSION_COOKIE];
    if (typeof cookie !== 'string' || cookie === '') throw problems.unauthenticated();
    if (!SAFE_METHODS.has(request.method)) assertSameOrigin(request);
    const principal = await this.sessions.resolve(cookie);
    if (!principal) throw problems.unauthenticated('Your session has expired. Sign in again.');
    return principal;
  }
}

/**
 * Cookies are SameSite=Strict already; checking Origin on state-changing requests is a
 * second line against cross-site request forgery from older browsers.
 */
function assertSameOrigin(request: FerryRequest): void {
  const origin = request.header('origin');
  if (origin === undefined) return;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    throw problems.forbidden('Cross-site request refused.');
  }
  if (originHost !== request.header('host')) throw problems.forbidden('Cross-site request refused.');
}
