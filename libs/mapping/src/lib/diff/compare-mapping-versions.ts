import type { MappingRunContext } from '@ferry/contracts';
import type { MappingFailure } from '../errors/mapping-failure';
import type { RecordMapper } from '../run/record-mapper';
import type { MappedRecord } from '../run/mapped-record';
import { diffJson } from './diff-json';
import type { FieldDifference } from './field-difference';

export interface ImpactRecord {
  key: string;
  input: unknown;
  context?: Partial<MappingRunContext>;
}

export type RecordStatus = 'valid' | 'invalid' | 'failed';

export interface RecordImpact {
  key: string;
  before: RecordStatus;
  after: RecordStatus;
  differences: FieldDifference[];
  beforeError?: MappingFailure;
  afterError?: MappingFailure;
  /** Validation issue messages after the change, when invalid. */
  afterIssues: string[];
}

/** What publishing `after` in place of `before` would change on a set of records. */
export interface ImpactReport {
  total: number;
  changed: number;
  unchanged: number;
  /** Valid before, invalid or failing after. */
  newlyBroken: number;
  /** Invalid or failing before, valid after. */
  newlyFixed: number;
  /** How many records each field changes in, by field pattern (`details[].price`). */
  fieldCounts: Record<string, number>;
  /** Only the records that changed in output or status. */
  records: RecordImpact[];
}

const statusOf = (r: MappedRecord): RecordStatus =>
  r.error !== undefined ? 'failed' : r.ok ? 'valid' : 'invalid';

/**
 * Maps every record with both versions and reports field-level differences: the impact
 * preview before publishing. Records are mapped a few at a time (the pool parallelises).
 */
export async function compareMappingVersions(
  before: RecordMapper,
  after: RecordMapper,
  records: readonly ImpactRecord[],
  baseContext: MappingRunContext,
  concurrency = 8,
): Promise<ImpactReport> {
  const impacts: (RecordImpact | null)[] = new Array(records.length).fill(null);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < records.length) {
      const index = next++;
      const record = records[index];
      const context = { ...baseContext, ...record.context };
      const [a, b] = await Promise.all([
        before(record.input, context),
        after(record.input, context),
      ]);
      const differences = diffJson(a.output, b.output);
      const impact: RecordImpact = {
        key: record.key,
        before: statusOf(a),
        after: statusOf(b),
        differences,
        afterIssues: b.issues.map((i) => i.message),
      };
      if (a.error) impact.beforeError = a.error;
      if (b.error) impact.afterError = b.error;
      impacts[index] = impact;
    }
  };
  await Promise.all(
    Array.from(
      { length: Math.max(1, Math.min(concurrency, records.length)) },
      worker,
    ),
  );

  const report: ImpactReport = {
    total: records.length,
    changed: 0,
    unchanged: 0,
    newlyBroken: 0,
    newlyFixed: 0,
    fieldCounts: {},
    records: [],
  };
  for (const impact of impacts) {
    if (impact === null) continue;
    const changed =
      impact.differences.length > 0 ||
      impact.before !== impact.after ||
      impact.afterError?.code !== impact.beforeError?.code;
    if (!changed) {
      report.unchanged++;
      continue;
    }
    report.changed++;
    if (impact.before === 'valid' && impact.after !== 'valid')
      report.newlyBroken++;
    if (impact.before !== 'valid' && impact.after === 'valid')
      report.newlyFixed++;
    const patterns = new Set(
      impact.differences.map((d) => d.path.replace(/\[\d+\]/g, '[]')),
    );
    for (const pattern of patterns)
      report.fieldCounts[pattern] = (report.fieldCounts[pattern] ?? 0) + 1;
    report.records.push(impact);
  }
  return report;
}
