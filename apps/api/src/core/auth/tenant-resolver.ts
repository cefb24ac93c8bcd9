import { Injectable } from '@nestjs/common';
import { EffectiveRole, ROLE_SCOPES, TENANT_HEADER } from '@ferry/contracts';
import { isUUID } from 'class-validator';
import { problems } from '../http/problem';
import { DbContextRunner } from '../tenancy/db-context-runner';
import { TenantContext } from '../tenancy/tenant-context';
import { FerryRequest, Principal } from './principal';

/** Establishes the TenantContext of a request: which tenant, and what the caller may do there. */
@Injectable()
export class TenantResolver {
  constructor(private readonly db: DbContextRunner) {}

  async resolve(request: FerryRequest, principal: Principal): Promise<TenantContext> {
    const header = request.header(TENANT_HEADER);
    const requestId = request.id === undefined ? null : String(request.id);
    const ip = request.ip ?? null;
    if (header !== undefined && !isUUID(header)) {
      throw problems.badRequest(`must be a tenant id (UUID), got "${header.slice(0, 60)}"`, TENANT_HEADER);
    }
    if (principal.kind === 'api_key') {
      // A key belongs to one tenant; naming another one is answered like any foreign id.
      if (header !== undefined && header !== principal.tenantId) throw problems.notFound('Tenant');
      return {
        tenantId: principal.tenantId,
        actor: { userId: null, apiKeyId: principal.apiKeyId },
        role: null,
        scopes: principal.scopes,
        requestId,
        ip,
      };
    }
    if (header === undefined) {
      throw problems.badRequest(`the ${TENANT_HEADER} header is required: the id of the tenant to act in`, TENANT_HEADER);
    }
    const role = await this.roleIn(header, principal.userId, principal.isPlatformOperator);
    if (!role) throw problems.notFound('Tenant');
    return {
      tenantId: header,
      actor: { userId: principal.userId, apiKeyId: null },
      role,
      scopes: ROLE_SCOPES[role],
      requestId,
      ip,
    };
  }

  private async roleIn(tenantId: string, userId: string, isPlatformOperator: boolean): Promise<EffectiveRole | null> {
    const rows = (await this.db.run({ tenantId, userId }, (m) =>
      m.query(
        `select t.id, m.role from tenants t left join memberships m on m.tenant_id = t.id and m.user_id = $2 where t.id = $1`,
        [tenantId, userId],
      ),
    )) as Array<{ id: string; role: EffectiveRole | null }>;
    const row = rows[0];
    if (!row) return null;
    if (row.role) return row.role;
    return isPlatformOperator ? 'platform_operator' : null;
  }
}
