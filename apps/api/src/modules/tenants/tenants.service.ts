import { Injectable } from '@nestjs/common';
import { Page, TenantSummary } from '@ferry/contracts';
import { Principal } from '../../core/auth/principal';
import { cursorAtSql, PageQueryDto, readPage } from '../../core/http/cursor-page';
import { problems } from '../../core/http/problem';
import { DbContext } from '../../core/tenancy/db-context';
import { DbContextRunner } from '../../core/tenancy/db-context-runner';
import { TenantEntity } from './tenant.entity';

interface TenantRow {
  id: string;
  name: string;
  slug: string;
  created_at: Date;
  cursorAt: string;
}

@Injectable()
export class TenantsService {
  constructor(private readonly db: DbContextRunner) {}

  /** What the caller may see: an operator every tenant, a person their tenants, a key its tenant. */
  list(principal: Principal, query: PageQueryDto): Promise<Page<TenantSummary>> {
    return this.db.run(visibility(principal), (m) =>
      readPage<TenantRow, TenantSummary>(
        query,
        (after, take) =>
          m.query(
            `select id, name, slug, created_at, ${cursorAtSql('created_at')} as "cursorAt" from tenants
              where ($1::timestamptz is null or (created_at, id) > ($1::timestamptz, $2::uuid))
              order by created_at, id limit $3`,
            [after?.createdAt ?? null, after?.id ?? null, take],
          ),
        toSummary,
      ),
    );
  }

  async get(principal: Principal, id: string): Promise<TenantSummary> {
    const rows = (await this.db.run(visibility(principal), (m) =>
      m.query('select id, name, slug, created_at from tenants where id = $1', [id]),
    )) as TenantRow[];
    if (!rows[0]) throw problems.notFound('Tenant');
    return toSummary(rows[0]);
  }

  async create(name: string, slug: string): Promise<TenantSummary> {
    return this.db.run({ platformOperator: true }, async (m) => {
      const existing = await m.count(TenantEntity, { where: { slug } });
      if (existing) throw problems.conflict(`A tenant with the slug "${slug}" already exists.`);
      const tenant = await m.save(m.create(TenantEntity, { name, slug }));
      return { id: tenant.id, name: tenant.name, slug: tenant.slug, createdAt: tenant.createdAt.toISOString() };
    });
  }
}

function visibility(principal: Principal): DbContext {
  return principal.kind === 'api_key'
    ? { tenantId: principal.tenantId }
    : { userId: principal.userId, platformOperator: principal.isPlatformOperator };
}

function toSummary(row: TenantRow): TenantSummary {
  return { id: row.id, name: row.name, slug: row.slug, createdAt: row.created_at.toISOString() };
}
