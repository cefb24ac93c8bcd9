import type { SchemaNode, TargetSchema } from '@ferry/contracts';
import type { CompiledMapping } from '../compile/compiled-mapping';
import type {
  EvaluationContext,
  EvaluationOutcome,
} from '../engine/evaluation-types';
import { validateTarget } from '../validate/validate-target';
import type { MappedRecord } from './mapped-record';

/** Turns an evaluation outcome into a mapped record, validating the output when there is one. */
export function settleOutcome(
  outcome: EvaluationOutcome,
  schema: TargetSchema | SchemaNode | null,
): MappedRecord {
  if (!outcome.ok)
    return {
      ok: false,
      error: outcome.error,
      issues: [],
      elapsedMs: outcome.elapsedMs,
    };
  const issues = schema === null ? [] : validateTarget(outcome.output, schema);
  return {
    ok: issues.length === 0,
    output: outcome.output,
    issues,
    elapsedMs: outcome.elapsedMs,
  };
}

/**
 * Maps one record on the current thread and validates it: the browser preview's path,
 * and the trusted path in tests. The API maps user mappings through the worker pool.
 */
export async function mapRecord(
  mapping: CompiledMapping,
  input: unknown,
  context: EvaluationContext,
  schema: TargetSchema | SchemaNode | null,
): Promise<MappedRecord> {
  return settleOutcome(await mapping.evaluate(input, context), schema);
}
