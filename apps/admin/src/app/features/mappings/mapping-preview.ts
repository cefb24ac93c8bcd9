import { MappingDefinition, MappingRunContext, TargetSchema } from '@ferry/contracts';
import {
  compileMapping,
  JsonValue,
  MappingCompileError,
  MappingFailure,
  mapRecord,
  resolveTargetSchema,
  ValidationIssue,
} from '@ferry/mapping';
import { ruleTargetOf } from './target-fields';

/** The record a preview maps: a real recent record or pasted JSON, with its evaluation context. */
export interface PreviewSample {
  input: unknown;
  context: MappingRunContext;
}

/** What the on-screen definition makes of the sample, computed in the browser. */
export interface MappingPreview {
  /** Compile + map + validate, as measured here. */
  elapsedMs: number;
  /** Compile failures (every broken rule), or the one evaluation failure. */
  failures: MappingFailure[];
  output?: JsonValue;
  issues: ValidationIssue[];
  /** The output is valid for the target (what a sync would send). */
  ok: boolean;
}

export type FieldStatus = 'error' | 'invalid' | 'valid' | 'empty';

function schemaOf(definition: MappingDefinition): TargetSchema | null {
  try {
    return resolveTargetSchema(definition);
  } catch {
    return null; // an unknown schema id: preview without validation
  }
}

/**
 * Maps the sample with the definition as it is on screen, with `@ferry/mapping` (the same
 * engine and guardrails as the API, on this thread), and validates the output against the
 * target schema with its ERP profile. Never throws.
 */
export async function computePreview(definition: MappingDefinition, sample: PreviewSample): Promise<MappingPreview> {
  const started = performance.now();
  let compiled: ReturnType<typeof compileMapping>;
  try {
    compiled = compileMapping(definition);
  } catch (error) {
    const failures: MappingFailure[] =
      error instanceof MappingCompileError
        ? [...error.failures]
        : [{ code: 'MAPPING_INVALID_RULE', message: error instanceof Error ? error.message : 'The mapping does not compile' }];
    return { elapsedMs: performance.now() - started, failures, issues: [], ok: false };
  }
  const mapped = await mapRecord(compiled, sample.input, sample.context, schemaOf(definition));
  const preview: MappingPreview = {
    elapsedMs: performance.now() - started,
    failures: mapped.error ? [mapped.error] : [],
    issues: mapped.issues,
    ok: mapped.ok,
  };
  if (mapped.output !== undefined) preview.output = mapped.output;
  return preview;
}

/** The value a rule produced: `details[].sku` gives one value per row. */
export function valueAt(output: JsonValue | undefined, target: string): JsonValue | undefined {
  if (target.endsWith('[]')) return valueAt(output, target.slice(0, -2));
  let values: (JsonValue | undefined)[] = [output];
  let rows = false;
  for (const segment of target.split('.')) {
    const iterator = segment.endsWith('[]');
    const name = iterator ? segment.slice(0, -2) : segment;
    values = values.flatMap((value) => {
      const child = value !== null && value !== undefined && typeof value === 'object' && !Array.isArray(value) ? value[name] : undefined;
      if (!iterator) return [child];
      return Array.isArray(child) ? child : [];
    });
    rows ||= iterator;
  }
  return rows ? values.map((v) => (v === undefined ? null : v)) : values[0];
}

/** The failures and issues of one rule's field. */
export function fieldFindings(preview: MappingPreview | null, target: string): { failures: MappingFailure[]; issues: ValidationIssue[] } {
  if (!preview) return { failures: [], issues: [] };
  const arrayField = target.endsWith('[]') ? target.slice(0, -2) : null;
  return {
    failures: preview.failures.filter((f) => f.field === target),
    issues: preview.issues.filter((i) => {
      const path = ruleTargetOf(i.path);
      return path === target || path === arrayField;
    }),
  };
}

export function fieldStatus(preview: MappingPreview | null, target: string): FieldStatus {
  const { failures, issues } = fieldFindings(preview, target);
  if (failures.length > 0) return 'error';
  if (issues.length > 0) return 'invalid';
  const value = preview?.output === undefined ? undefined : valueAt(preview.output, target);
  return value === undefined || value === null ? 'empty' : 'valid';
}
