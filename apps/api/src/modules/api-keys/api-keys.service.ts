import { Injectable } from '@nestjs/common';
import { ApiKeySummary, CreatedApiKey, Page, Scope } from '@ferry/contracts';
import { IsNull } from 'typeorm';
import { recordAudit } from '../../core/audit/audit-log';
import { newApiKeyToken } from '../../core/auth/api-key-token';
import { sha256 } from '../../core/auth/secret-token';
import { cursorAtSql, PageQueryDto, readPage } from '../../core/http/cursor-page';
import { problems } from '../../core/http/problem';
import { DbContextRunner } from '../../core/tenancy/db-context-runner';
import { TenantContext } from '../../core/tenancy/tenant-context';
import { ApiKeyEntity } from './api-key.entity';

type ApiKeyRow = ApiKeyEntity & { cursorAt: string };

@Injectable()
export class ApiKeysService {
  constructor(private readonly db: DbContextRunner) {}

  list(tenant: TenantContext, query: PageQueryDto): Promise<Page<ApiKeySummary>> {
    return this.db.forTenant(tenant, (m) =>
      readPage<ApiKeyRow, ApiKeySummary>(
        query,
        (after, take) =>
          m
            .createQueryBuilder(ApiKeyEntity, 'k')
            .addSelect(cursorAtSql('k.created_at'), 'cursorAt')
            .where('k.tenant_id = :tenantId', { tenantId: tenant.tenantId })
            .andWhere(after ? '(k.created_at, k.id) > (:at::timestamptz, :id::uuid)' : 'true', { at: after?.createdAt, id: after?.id })
            .orderBy('k.created_at')
            .addOrderBy('k.id')
            .limit(take)
            .getRawAndEntities()
            .then(({ entities, raw }) => entities.map((e, i) => Object.assign(e, { cursorAt: (raw[i] as { cursorAt: string }).cursorAt }))),
        toSummary,
      ),
    );
  }

  /** Creates a key; the token is in this answer only and is stored as a hash. */
  async create(tenant: TenantContext, name: string, scopes: Scope[], expiresAt: string | undefined): Promise<CreatedApiKey> {
    const expires = expiresAt ? new Date(expiresAt) : null;
    if (expires && expires.getTime() <= Date.now()) throw problems.badRequest('must be in the future', 'expiresAt');
    if (tenant.actor.apiKeyId) {
      // A key may only hand out what it holds itself.
      const extra = scopes.filter((s) => !tenant.scopes.includes(s));
      if (extra.length) throw problems.forbidden(`This API key cannot grant scopes it lacks: ${extra.join(', ')}.`);
    }
    const { prefix, secret, token } = newApiKeyToken();
    return this.db.forTenant(tenant, async (m) => {
      const key = await m.save(
        m.create(ApiKeyEntity, {
          tenantId: tenant.tenantId,
          name,
          prefix,
          secretHash: sha256(secret),
          scopes,
          createdBy: tenant.actor.userId,
          expiresAt: expires,
        }),
      );
      await recordAudit(m, tenant, { action: 'api_key.created', targetType: 'api_key', targetId: key.id, details: { name, prefix, scopes } });
      return { ...toSummary(key), token };
    });
  }

  async revoke(tenant: TenantContext, id: string): Promise<void> {
    await this.db.forTenant(tenant, async (m) => {
      const key = await m.findOne(ApiKeyEntity, { where: { id, tenantId: tenant.tenantId } });
      if (!key) throw problems.notFound('API key');
      await m.update(ApiKeyEntity, { id, tenantId: tenant.tenantId, revokedAt: IsNull() }, { revokedAt: () => 'now()' });
      await recordAudit(m, tenant, { action: 'api_key.revoked', targetType: 'api_key', targetId: id, details: { prefix: key.prefix } });
    });
  }
}

function toSummary(key: ApiKeyEntity): ApiKeySummary {
  return {
    id: key.id,
    name: key.name,
    prefix: key.prefix,
    scopes: key.scopes,
    createdAt: key.createdAt.toISOString(),
    createdBy: key.createdBy,
    expiresAt: key.expiresAt?.toISOString() ?? null,
    lastUsedAt: key.lastUsedAt?.toISOString() ?? null,
    revokedAt: key.revokedAt?.toISOString() ?? null,
  };
}
