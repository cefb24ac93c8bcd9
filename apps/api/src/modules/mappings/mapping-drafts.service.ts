import { Injectable } from '@nestjs/common';
import { Flow, MappingDefinition, MappingDraft } from '@ferry/contracts';
import { mappingContentHash } from '@ferry/mapping';
import { EntityManager } from 'typeorm';
import { problems } from '../../core/http/problem';
import { DbContextRunner } from '../../core/tenancy/db-context-runner';
import { TenantContext } from '../../core/tenancy/tenant-context';
import { assertDefinitionFitsFlow } from './mapping-definition-check';
import { MappingVersionsService } from './mapping-versions.service';

/** A saved draft as stored. */
export interface StoredDraft {
  definition: MappingDefinition;
  baseVersion: number;
  revision: number;
  updatedAt: Date;
  updatedBy: string | null;
}

/**
 * The editor's work in progress, one per tenant × flow. Saves carry the revision the editor
 * last saw, so that an older tab cannot silently overwrite a newer save. A draft may be
 * broken (it is saved as typed); publishing checks it.
 */
@Injectable()
export class MappingDraftsService {
  constructor(
    private readonly db: DbContextRunner,
    private readonly versions: MappingVersionsService,
  ) {}

  get(tenant: TenantContext, flow: Flow): Promise<MappingDraft> {
    return this.db.forTenant(tenant, (m) => this.current(m, tenant.tenantId, flow));
  }

  /** The draft, or (when there is none) the active version as an unchanged draft of revision 0. */
  async current(m: EntityManager, tenantId: string, flow: Flow): Promise<MappingDraft> {
    const active = await this.versions.active(m, tenantId, flow);
    const stored = await this.stored(m, tenantId, flow);
    if (!stored) {
      const [{ published_at }] = (await m.query('select published_at from mapping_versions where id = $1', [active.id])) as Array<{ published_at: Date }>;
      return { flow, definition: active.definition, baseVersion: active.version, revision: 0, updatedAt: published_at.toISOString(), updatedBy: null, unchanged: true };
    }
    return {
      flow,
      definition: stored.definition,
      baseVersion: stored.baseVersion,
      revision: stored.revision,
      updatedAt: stored.updatedAt.toISOString(),
      updatedBy: stored.updatedBy,
      unchanged: mappingContentHash(stored.definition) === mappingContentHash(active.definition),
    };
  }

  async stored(m: EntityManager, tenantId: string, flow: Flow, forUpdate = false): Promise<StoredDraft | null> {
    const rows = (await m.query(
      `select d.definition, d.base_version, d.revision, d.updated_at, coalesce(nullif(u.display_name, ''), u.email) as author
         from mapping_drafts d left join users u on u.id = d.updated_by
        where d.tenant_id = $1 and d.flow = $2 ${forUpdate ? 'for update of d' : ''}`,
      [tenantId, flow],
    )) as Array<{ definition: MappingDefinition; base_version: number; revision: number; updated_at: Date; author: string | null }>;
    const row = rows[0];
    return row ? { definition: row.definition, baseVersion: row.base_version, revision: row.revision, updatedAt: row.updated_at, updatedBy: row.author } : null;
  }

  /**
   * Saves (autosaves) the draft. `revision`: the one the editor last saw; a newer stored one
   * is a 409. `at`: where the definition is in the request body, for error fields.
   */
  save(tenant: TenantContext, flow: Flow, definition: MappingDefinition, revision: number | undefined, at = 'definition'): Promise<MappingDraft> {
    assertDefinitionFitsFlow(flow, definition, at);
    return this.db.forTenant(tenant, async (m) => {
      // Serialises saves of one draft, including the first one (no row to lock yet).
      await m.query('select pg_advisory_xact_lock(hashtext($1))', [`mapping-draft:${tenant.tenantId}:${flow}`]);
      const stored = await this.stored(m, tenant.tenantId, flow);
      const storedRevision = stored?.revision ?? 0;
      if (revision !== undefined && revision !== storedRevision) {
        throw problems.conflict(`The draft was saved elsewhere meanwhile (revision ${storedRevision}, you edited revision ${revision}). Reload it before saving.`);
      }
      const active = await this.versions.active(m, tenant.tenantId, flow);
      await m.query(
        `insert into mapping_drafts (tenant_id, flow, definition, base_version, revision, updated_at, updated_by) values ($1, $2, $3::jsonb, $4, 1, now(), $5)
         on conflict (tenant_id, flow) do update set definition = excluded.definition, revision = mapping_drafts.revision + 1, updated_at = now(), updated_by = excluded.updated_by`,
        [tenant.tenantId, flow, JSON.stringify(definition), active.version, tenant.actor.userId],
      );
      return this.current(m, tenant.tenantId, flow);
    });
  }

  discard(tenant: TenantContext, flow: Flow): Promise<void> {
    return this.db.forTenant(tenant, (m) => this.deleteWithin(m, tenant.tenantId, flow));
  }

  async deleteWithin(m: EntityManager, tenantId: string, flow: Flow): Promise<void> {
    await m.query('delete from mapping_drafts where tenant_id = $1 and flow = $2', [tenantId, flow]);
  }
}
