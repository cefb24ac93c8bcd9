import { Injectable } from '@nestjs/common';
import { Flow, MappingDefinition, MappingVersionDetail, MappingVersionSummary } from '@ferry/contracts';
import { DEFAULT_MAPPINGS, mappingContentHash } from '@ferry/mapping';
import { EntityManager } from 'typeorm';
import { recordAudit } from '../../core/audit/audit-log';
import { problems } from '../../core/http/problem';
import { DbContextRunner } from '../../core/tenancy/db-context-runner';
import { TenantContext } from '../../core/tenancy/tenant-context';

interface VersionRow {
  id: string;
  flow: Flow;
  version: number;
  content_hash: string;
  definition: MappingDefinition;
  note: string;
  published_at: Date;
  published_by: string | null;
  /** The author's display name (or email), when the author is still visible to the tenant. */
  author: string | null;
  active: boolean;
}

/** The version a sync run maps with, as it loaded it. */
export interface ActiveMapping {
  id: string;
  version: number;
  definition: MappingDefinition;
}

/**
 * Mapping versions per tenant × flow. Published versions are immutable (a database trigger
 * refuses updates); publishing makes a new version active. A tenant that never published
 * maps with the shipped default, recorded as its version 1 the first time it is needed.
 */
@Injectable()
export class MappingVersionsService {
  constructor(private readonly db: DbContextRunner) {}

  /** Inside the caller's tenant transaction (sync runs record the version with the ledger rows). */
  async active(m: EntityManager, tenantId: string, flow: Flow): Promise<ActiveMapping> {
    const current = (await m.query(
      `select v.id, v.version, v.definition from mappings p join mapping_versions v on v.id = p.published_version_id where p.tenant_id = $1 and p.flow = $2`,
      [tenantId, flow],
    )) as ActiveMapping[];
    if (current[0]) return current[0];
    await this.insertVersion(m, tenantId, flow, DEFAULT_MAPPINGS[flow], 'Shipped default mapping', null);
    return this.active(m, tenantId, flow);
  }

  async get(tenant: TenantContext, flow: Flow, version?: number): Promise<MappingVersionDetail> {
    return this.db.forTenant(tenant, async (m) => {
      const active = await this.active(m, tenant.tenantId, flow);
      const rows = await this.rows(m, tenant.tenantId, flow, version ?? active.version);
      if (!rows[0]) throw problems.notFound(`Version ${version} of the ${flow} mapping`);
      return toDetail(rows[0]);
    });
  }

  list(tenant: TenantContext, flow: Flow): Promise<MappingVersionSummary[]> {
    return this.db.forTenant(tenant, async (m) => {
      await this.active(m, tenant.tenantId, flow);
      return (await this.rows(m, tenant.tenantId, flow)).map(toSummary);
    });
  }

  /**
   * Publishes a definition as the next version, inside the caller's transaction, and
   * audit-logs it. Callers check it first (flow, compile, tests). 409 when it is the
   * active version's content already.
   */
  async publishWithin(
    m: EntityManager,
    tenant: TenantContext,
    flow: Flow,
    definition: MappingDefinition,
    note: string,
    audit: { action: 'mapping.published' | 'mapping.rolled_back'; details?: Record<string, unknown> },
  ): Promise<MappingVersionDetail> {
    const active = await this.active(m, tenant.tenantId, flow);
    if (mappingContentHash(active.definition) === mappingContentHash(definition)) {
      throw problems.conflict(`This definition is identical to the active version ${active.version}.`);
    }
    const version = await this.insertVersion(m, tenant.tenantId, flow, definition, note, tenant.actor.userId);
    await recordAudit(m, tenant, { action: audit.action, targetType: 'mapping', targetId: flow, details: { version, note, ...audit.details } });
    return toDetail((await this.rows(m, tenant.tenantId, flow, version))[0]);
  }

  private async insertVersion(m: EntityManager, tenantId: string, flow: Flow, definition: MappingDefinition, note: string, userId: string | null): Promise<number> {
    // Serialises publishes of one tenant × flow: version numbers stay gap-free and unique.
    await m.query(`select pg_advisory_xact_lock(hashtext($1))`, [`mapping:${tenantId}:${flow}`]);
    const [{ next }] = (await m.query('select coalesce(max(version), 0) + 1 as next from mapping_versions where tenant_id = $1 and flow = $2', [tenantId, flow])) as Array<{ next: number }>;
    const [{ id }] = (await m.query(
      `insert into mapping_versions (tenant_id, flow, version, content_hash, definition, note, published_by) values ($1, $2, $3, $4, $5::jsonb, $6, $7) returning id`,
      [tenantId, flow, next, mappingContentHash(definition), JSON.stringify(definition), note, userId],
    )) as Array<{ id: string }>;
    await m.query(
      `insert into mappings (tenant_id, flow, published_version_id, updated_at) values ($1, $2, $3, now())
       on conflict (tenant_id, flow) do update set published_version_id = excluded.published_version_id, updated_at = now()`,
      [tenantId, flow, id],
    );
    return next;
  }

  private async rows(m: EntityManager, tenantId: string, flow: Flow, version?: number): Promise<VersionRow[]> {
    return (await m.query(
      `select v.id, v.flow, v.version, v.content_hash, v.definition, v.note, v.published_at, v.published_by,
              coalesce(nullif(u.display_name, ''), u.email) as author, (p.published_version_id = v.id) as active
         from mapping_versions v left join mappings p on p.tenant_id = v.tenant_id and p.flow = v.flow
         left join users u on u.id = v.published_by
        where v.tenant_id = $1 and v.flow = $2 and ($3::int is null or v.version = $3) order by v.version desc`,
      [tenantId, flow, version ?? null],
    )) as VersionRow[];
  }
}

function toSummary(row: VersionRow): MappingVersionSummary {
  return {
    id: row.id,
    flow: row.flow,
    version: row.version,
    contentHash: row.content_hash,
    note: row.note,
    publishedAt: row.published_at.toISOString(),
    publishedBy: row.author,
    publishedById: row.published_by,
    active: row.active,
  };
}

function toDetail(row: VersionRow): MappingVersionDetail {
  return { ...toSummary(row), definition: row.definition };
}
