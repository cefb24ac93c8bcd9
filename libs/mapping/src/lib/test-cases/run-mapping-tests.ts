import type { MappingRunContext, MappingTestCase } from '@ferry/contracts';
import { diffJson } from '../diff/diff-json';
import type { FieldDifference } from '../diff/field-difference';
import type { JsonValue } from '../engine/json-value';
import type { MappingFailure } from '../errors/mapping-failure';
import type { RecordMapper } from '../run/record-mapper';
import type { ValidationIssue } from '../validate/validation-issue';

export interface MappingTestResult {
  name: string;
  /** The output equals the expected output (validation issues are reported, not judged). */
  passed: boolean;
  differences: FieldDifference[];
  output?: JsonValue;
  error?: MappingFailure;
  issues: ValidationIssue[];
}

/** The context of test cases that do not set one: a fixed run time, no defaults. */
export const DEFAULT_TEST_CONTEXT: MappingRunContext = {
  runAt: '2026-01-01T00:00:00.000Z',
  defaults: {},
};

/** Runs a mapping's test cases: each output against its expected output, field by field. */
export async function runMappingTests(
  mapper: RecordMapper,
  testCases: readonly MappingTestCase[],
  baseContext: MappingRunContext = DEFAULT_TEST_CONTEXT,
): Promise<MappingTestResult[]> {
  const results: MappingTestResult[] = [];
  for (const testCase of testCases) {
    const context = { ...baseContext, ...testCase.context };
    const record = await mapper(testCase.input, context);
    const expected = JSON.parse(
      JSON.stringify(testCase.expected ?? null),
    ) as JsonValue;
    if (record.error !== undefined) {
      results.push({
        name: testCase.name,
        passed: false,
        differences: [],
        error: record.error,
        issues: record.issues,
      });
      continue;
    }
    const differences = diffJson(expected, record.output);
    results.push({
      name: testCase.name,
      passed: differences.length === 0,
      differences,
      output: record.output,
      issues: record.issues,
    });
  }
  return results;
}
