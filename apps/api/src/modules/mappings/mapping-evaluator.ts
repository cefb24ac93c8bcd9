import { Injectable } from '@nestjs/common';
import { Flow, LookupRow, MappingDefinition, MappingImpactReport, MappingRunContext, MappingTestReport } from '@ferry/contracts';
import { compareMappingVersions, RecordMapper, runMappingTests } from '@ferry/mapping';
import { EntityManager } from 'typeorm';
import { LookupTablesService } from '../lookup-tables/lookup-tables.service';
import { MappingSandbox } from '../sync/mapping-sandbox';
import { withTenantLookupTables } from '../sync/tenant-lookup-tables';
import { LedgerRecord } from './ledger-records';
import { assertDefinitionCompiles } from './mapping-definition-check';

/** What a sync run of a flow evaluates a mapping with besides the record itself. */
export interface EvaluationSetup {
  flow: Flow;
  /** The tenant's default order values (orders); the other flows have none. */
  defaults: Record<string, unknown>;
  lookupTables: Array<{ name: string; rows: LookupRow[] }>;
}

/**
 * Evaluates tenants' mappings for the editor (tests, samples, impact, replay) the way the
 * flow runners do: in the sync engine's worker pool (never on the request thread), with the
 * tenant's lookup tables in place of the file's and the tenant's defaults bound.
 */
@Injectable()
export class MappingEvaluator {
  constructor(
    private readonly sandbox: MappingSandbox,
    private readonly lookupTables: LookupTablesService,
  ) {}

  async setup(m: EntityManager, tenantId: string, flow: Flow): Promise<EvaluationSetup> {
    let defaults: Record<string, unknown> = {};
    if (flow === 'orders') {
      const rows = (await m.query('select defaults from order_settings where tenant_id = $1', [tenantId])) as Array<{ defaults: Record<string, unknown> | null }>;
      defaults = rows[0]?.defaults ?? {};
    }
    return { flow, defaults, lookupTables: await this.lookupTables.tablesForMapping(m, tenantId) };
  }

  /** The context a run at `runAt` binds (as the flow's runner builds it). */
  context(setup: EvaluationSetup, runAt: string): MappingRunContext {
    return setup.flow === 'shipments' ? { runAt } : { defaults: setup.defaults, runAt };
  }

  /** A mapper of a definition that compiles (check it first: assertDefinitionCompiles). */
  mapper(definition: MappingDefinition, setup: EvaluationSetup): RecordMapper {
    return this.sandbox.mapperFor(withTenantLookupTables(definition, setup.lookupTables));
  }

  /** Runs a definition's test cases; 400 when it does not compile. */
  async runTests(definition: MappingDefinition, setup: EvaluationSetup): Promise<MappingTestReport> {
    assertDefinitionCompiles(definition);
    const results = await runMappingTests(this.mapper(definition, setup), definition.testCases);
    const passed = results.filter((r) => r.passed).length;
    return { passed, failed: results.length - passed, results };
  }

  /** `draft` against the active version on real records, each with the run time it was mapped at. */
  async impact(active: { version: number; definition: MappingDefinition }, draft: MappingDefinition, setup: EvaluationSetup, records: readonly LedgerRecord[]): Promise<MappingImpactReport> {
    assertDefinitionCompiles(draft);
    const report = await compareMappingVersions(
      this.mapper(active.definition, setup),
      this.mapper(draft, setup),
      records.map((r) => ({ key: r.id, input: r.input, context: { runAt: r.mappedAt } })),
      this.context(setup, new Date().toISOString()),
    );
    const labels = new Map(records.map((r) => [r.id, r.label]));
    return { comparedWithVersion: active.version, ...report, records: report.records.map((r) => ({ ...r, label: labels.get(r.key) ?? r.key })) };
  }

  /** Record keys that `definition` maps validly now (as the next run would: current defaults, now). */
  async mapsValidly(definition: MappingDefinition, setup: EvaluationSetup, records: readonly LedgerRecord[]): Promise<Set<string>> {
    const mapper = this.mapper(definition, setup);
    const context = this.context(setup, new Date().toISOString());
    const outcomes = await Promise.all(records.map(async (r) => ({ key: r.recordKey, mapped: await mapper(r.input, context) })));
    return new Set(outcomes.filter((o) => o.mapped.ok).map((o) => o.key));
  }
}
