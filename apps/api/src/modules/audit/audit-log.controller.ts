import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuditEntry, Page } from '@ferry/contracts';
import { RequireScope } from '../../core/auth/access-rule';
import { CurrentTenant } from '../../core/auth/current-tenant.decorator';
import { cursorAtSql, PageQueryDto, readPage } from '../../core/http/cursor-page';
import { DbContextRunner } from '../../core/tenancy/db-context-runner';
import { TenantContext } from '../../core/tenancy/tenant-context';

interface AuditRow {
  id: string;
  created_at: Date;
  action: string;
  target_type: string;
  target_id: string | null;
  actor_user_id: string | null;
  actor_api_key_id: string | null;
  email: string | null;
  details: Record<string, unknown>;
  ip: string | null;
  cursorAt: string;
}

@ApiTags('audit')
@Controller('audit-log')
export class AuditLogController {
  constructor(private readonly db: DbContextRunner) {}

  @Get()
  @RequireScope('audit:read')
  @ApiOperation({ summary: 'Who changed what in the tenant, newest first (never secrets)' })
  list(@CurrentTenant() tenant: TenantContext, @Query() query: PageQueryDto): Promise<Page<AuditEntry>> {
    return this.db.forTenant(tenant, (m) =>
      readPage<AuditRow, AuditEntry>(
        query,
        (after, take) =>
          m.query(
            `select a.id::text as id, a.created_at, a.action, a.target_type, a.target_id, a.actor_user_id, a.actor_api_key_id, a.details, a.ip, u.email,
                    ${cursorAtSql('a.created_at')} as "cursorAt"
               from audit_log a left join users u on u.id = a.actor_user_id
              where a.tenant_id = $1 and ($2::timestamptz is null or (a.created_at, a.id) < ($2::timestamptz, $3::bigint))
              order by a.created_at desc, a.id desc limit $4`,
            [tenant.tenantId, after?.createdAt ?? null, after?.id ?? null, take],
          ),
        (row) => ({
          id: row.id,
          at: row.created_at.toISOString(),
          action: row.action,
          targetType: row.target_type,
          targetId: row.target_id,
          actor: { userId: row.actor_user_id, email: row.email, apiKeyId: row.actor_api_key_id },
          details: row.details,
          ip: row.ip,
        }),
      ),
    );
  }
}
