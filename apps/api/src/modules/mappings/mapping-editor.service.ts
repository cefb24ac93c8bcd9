import { Injectable } from '@nestjs/common';
import {
  MAPPING_FIXABLE_CATEGORIES,
  Flow,
  MappingDefinition,
  MappingImpactReport,
  MappingPublishResult,
  MappingReplayCandidates,
  MappingReplayResult,
  MappingSample,
  MappingSampleQuery,
  MappingTestReport,
  MappingVersionDetail,
  MappingVersionDiff,
} from '@ferry/contracts';
import { EntityManager } from 'typeorm';
import { recordAudit } from '../../core/audit/audit-log';
import { problems } from '../../core/http/problem';
import { JobQueue } from '../../core/queue/job-queue';
import { DbContextRunner } from '../../core/tenancy/db-context-runner';
import { TenantContext } from '../../core/tenancy/tenant-context';
import { enqueueSyncRun } from '../sync/enqueue-sync-run';
import { ErrorQueue } from '../sync/error-queue';
import { DEFAULT_IMPACT_RECORDS } from './dto/mapping-impact.dto';
import { readLedgerRecords } from './ledger-records';
import { assertDefinitionFitsFlow } from './mapping-definition-check';
import { MappingDraftsService } from './mapping-drafts.service';
import { MappingEvaluator } from './mapping-evaluator';
import { errorsNotReplayable, mappingTestsFail, mappingWouldBreakRecords } from './mapping-problems';
import { diffMappingVersions } from './mapping-version-diff';
import { MappingVersionsService } from './mapping-versions.service';

/** Open errors a replay looks at, at most. */
const MAX_REPLAY_ERRORS = 1000;
const DEFAULT_SAMPLES = 20;

/**
 * The mapping editor's server side (issue 9): tests, samples, impact preview, publishing a
 * draft, rollback, diff, export and fix-and-replay. Evaluation happens outside database
 * transactions, in the worker pool; what publishes re-checks the draft in its transaction.
 */
@Injectable()
export class MappingEditorService {
  constructor(
    private readonly db: DbContextRunner,
    private readonly versions: MappingVersionsService,
    private readonly drafts: MappingDraftsService,
    private readonly evaluator: MappingEvaluator,
    private readonly errors: ErrorQueue,
    private readonly queue: JobQueue,
  ) {}

  /** The test cases of `definition`, or of the saved draft (the active version when there is none). */
  async test(tenant: TenantContext, flow: Flow, definition: MappingDefinition | undefined): Promise<MappingTestReport> {
    if (definition) assertDefinitionFitsFlow(flow, definition);
    const state = await this.db.forTenant(tenant, async (m) => ({
      setup: await this.evaluator.setup(m, tenant.tenantId, flow),
      definition: definition ?? (await this.drafts.current(m, tenant.tenantId, flow)).definition,
    }));
    return this.evaluator.runTests(state.definition, state.setup);
  }

  samples(tenant: TenantContext, flow: Flow, query: MappingSampleQuery): Promise<MappingSample[]> {
    return this.db.forTenant(tenant, async (m) => {
      let recordKeys: string[] | undefined;
      if (query.errorId) {
        const error = (await m.query('select record_key from record_errors where tenant_id = $1 and flow = $2 and id = $3', [tenant.tenantId, flow, query.errorId])) as Array<{
          record_key: string;
        }>;
        if (!error[0]) throw problems.notFound(`Error ${query.errorId} of the ${flow} flow`);
        recordKeys = [error[0].record_key];
      }
      const records = await readLedgerRecords(m, tenant.tenantId, flow, {
        limit: query.limit ?? DEFAULT_SAMPLES,
        failedOnly: query.status === 'failed',
        search: query.search,
        recordKeys,
      });
      if (query.errorId && records.length === 0) throw problems.notFound(`The record of error ${query.errorId}`);
      const open = (await m.query(
        `select id, record_key, category, message, field from record_errors where tenant_id = $1 and flow = $2 and state in ('open', 'retrying') and record_key = any($3::text[])`,
        [tenant.tenantId, flow, records.map((r) => r.recordKey)],
      )) as Array<{ id: string; record_key: string; category: string; message: string; field: string | null }>;
      const setup = await this.evaluator.setup(m, tenant.tenantId, flow);
      return records.map((r) => {
        const error = open.find((e) => e.record_key === r.recordKey);
        return {
          key: r.id,
          label: r.label,
          status: r.status,
          occurredAt: r.occurredAt,
          input: r.input,
          context: this.evaluator.context(setup, r.mappedAt),
          mappedWithVersion: r.mappedWithVersion,
          output: r.output,
          openError: error ? { id: error.id, category: error.category, message: error.message, field: error.field } : null,
        };
      });
    });
  }

  /** `definition` (or the saved draft) against the active version on the flow's last `limit` records. */
  async impact(tenant: TenantContext, flow: Flow, definition: MappingDefinition | undefined, limit = DEFAULT_IMPACT_RECORDS): Promise<MappingImpactReport> {
    if (definition) assertDefinitionFitsFlow(flow, definition);
    const state = await this.db.forTenant(tenant, async (m) => this.impactInputs(m, tenant.tenantId, flow, limit, definition));
    return this.evaluator.impact(state.active, state.definition, state.setup, state.records);
  }

  /**
   * Publishes the saved draft: its tests must pass (422), records that map validly now must
   * not break unless confirmed (409). The draft is deleted with the publish, in one transaction.
   */
  async publishDraft(tenant: TenantContext, flow: Flow, note: string | undefined, confirmBreaking: boolean): Promise<MappingPublishResult> {
    const state = await this.db.forTenant(tenant, async (m) => {
      const draft = await this.drafts.stored(m, tenant.tenantId, flow);
      if (!draft) throw problems.conflict(`There is no draft of the ${flow} mapping to publish.`);
      return { draft, ...(await this.impactInputs(m, tenant.tenantId, flow, DEFAULT_IMPACT_RECORDS, draft.definition)) };
    });
    assertDefinitionFitsFlow(flow, state.draft.definition);
    const tests = await this.evaluator.runTests(state.definition, state.setup);
    if (tests.failed > 0) throw mappingTestsFail(tests);
    const impact = await this.evaluator.impact(state.active, state.definition, state.setup, state.records);
    if (impact.newlyBroken > 0 && !confirmBreaking) throw mappingWouldBreakRecords(impact);
    const version = await this.db.forTenant(tenant, async (m) => {
      const now = await this.drafts.stored(m, tenant.tenantId, flow, true);
      if (!now || now.revision !== state.draft.revision) throw problems.conflict('The draft changed while it was being checked. Publish again.');
      const published = await this.versions.publishWithin(m, tenant, flow, state.definition, note ?? '', {
        action: 'mapping.published',
        details: {
          draftRevision: now.revision,
          tests: { passed: tests.passed, failed: tests.failed },
          impact: { total: impact.total, changed: impact.changed, newlyBroken: impact.newlyBroken, newlyFixed: impact.newlyFixed },
          confirmedBreaking: impact.newlyBroken > 0,
        },
      });
      await this.drafts.deleteWithin(m, tenant.tenantId, flow);
      return published;
    });
    return { version, tests, impact, replay: await this.replayCandidates(tenant, flow) };
  }

  /** Publishes a mapping file (REST automation): it must compile (400) and pass its tests (422). */
  async publishFile(tenant: TenantContext, flow: Flow, definition: MappingDefinition, note: string | undefined): Promise<MappingVersionDetail> {
    assertDefinitionFitsFlow(flow, definition);
    const setup = await this.db.forTenant(tenant, (m) => this.evaluator.setup(m, tenant.tenantId, flow));
    const tests = await this.evaluator.runTests(definition, setup);
    if (tests.failed > 0) throw mappingTestsFail(tests);
    return this.db.forTenant(tenant, (m) =>
      this.versions.publishWithin(m, tenant, flow, definition, note ?? '', { action: 'mapping.published', details: { tests: { passed: tests.passed, failed: tests.failed } } }),
    );
  }

  /** Publishes an older version's content again as a new version. */
  async rollback(tenant: TenantContext, flow: Flow, version: number, note: string | undefined): Promise<MappingVersionDetail> {
    const target = await this.versions.get(tenant, flow, version);
    return this.db.forTenant(tenant, (m) =>
      this.versions.publishWithin(m, tenant, flow, target.definition, `Rollback to version ${version}${note ? `: ${note}` : ''}`, {
        action: 'mapping.rolled_back',
        details: { rolledBackTo: version },
      }),
    );
  }

  async diff(tenant: TenantContext, flow: Flow, version: number, against: number | undefined): Promise<MappingVersionDiff> {
    const current = await this.versions.get(tenant, flow, version);
    const otherNumber = against ?? (version > 1 ? version - 1 : null);
    const other = otherNumber === null ? null : await this.versions.get(tenant, flow, otherNumber);
    return diffMappingVersions(flow, version, current.definition, other);
  }

  /** Open errors of the flow whose record the active version now maps validly. */
  async replayCandidates(tenant: TenantContext, flow: Flow): Promise<MappingReplayCandidates> {
    const state = await this.db.forTenant(tenant, async (m) => {
      const open = (await m.query(
        `select id, record_key from record_errors where tenant_id = $1 and flow = $2 and state = 'open' and category = any($3::text[]) order by last_seen_at desc limit $4`,
        [tenant.tenantId, flow, [...MAPPING_FIXABLE_CATEGORIES[flow]], MAX_REPLAY_ERRORS],
      )) as Array<{ id: string; record_key: string }>;
      return {
        open,
        active: await this.versions.active(m, tenant.tenantId, flow),
        setup: await this.evaluator.setup(m, tenant.tenantId, flow),
        records: open.length ? await readLedgerRecords(m, tenant.tenantId, flow, { limit: open.length, recordKeys: open.map((e) => e.record_key) }) : [],
      };
    });
    const valid = await this.evaluator.mapsValidly(state.active.definition, state.setup, state.records);
    const errorIds = state.open.filter((e) => valid.has(e.record_key)).map((e) => e.id);
    return { version: state.active.version, openErrors: state.open.length, resolvable: errorIds.length, errorIds };
  }

  /**
   * Retries exactly these errors (default: every one the active version resolves) through
   * the error queue: the next run re-maps their stored records with the current mapping and
   * defaults. Any id that is not such an error refuses the whole request (400).
   */
  async replay(tenant: TenantContext, flow: Flow, errorIds: readonly string[] | undefined): Promise<MappingReplayResult> {
    const candidates = await this.replayCandidates(tenant, flow);
    const wanted = errorIds ? [...new Set(errorIds)] : candidates.errorIds;
    const refused = wanted.filter((id) => !candidates.errorIds.includes(id));
    if (refused.length) throw errorsNotReplayable(refused);
    if (wanted.length === 0) return { replayed: 0, errorIds: [] };
    const retried = await this.db.forTenant(tenant, async (m) => {
      const changed = await this.errors.retryNow(m, tenant.tenantId, flow, wanted);
      await recordAudit(m, tenant, {
        action: 'errors.retried',
        targetType: 'record_error',
        targetId: changed.length === 1 ? changed[0] : null,
        details: { count: changed.length, via: 'mapping replay', flow, mappingVersion: candidates.version },
      });
      return changed;
    });
    if (retried.length) await enqueueSyncRun(this.queue, { tenantId: tenant.tenantId, flow, trigger: 'retry' });
    return { replayed: retried.length, errorIds: retried };
  }

  /** The active version as a mapping file. */
  async exportFile(tenant: TenantContext, flow: Flow): Promise<{ filename: string; definition: MappingDefinition }> {
    const active = await this.versions.get(tenant, flow);
    return { filename: `ferry-${flow}-mapping-v${active.version}.json`, definition: active.definition };
  }

  private async impactInputs(m: EntityManager, tenantId: string, flow: Flow, limit: number, definition: MappingDefinition | undefined) {
    const active = await this.versions.active(m, tenantId, flow);
    return {
      active,
      definition: definition ?? (await this.drafts.current(m, tenantId, flow)).definition,
      setup: await this.evaluator.setup(m, tenantId, flow),
      records: await readLedgerRecords(m, tenantId, flow, { limit, mappedOnly: true }),
    };
  }
}
