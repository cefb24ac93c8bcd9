import type { MappingDefinition } from '@ferry/contracts';
import { compileMapping } from '../compile/compile-mapping';
import type { MappingErrorCode } from '../errors/mapping-error-code';
import type { Guardrails } from './guardrails';

const mapping = (
  expression: string,
  documentExpression?: string,
): MappingDefinition => ({
  flow: 'orders',
  targetSchemaId: 'cimcloud.passthrough-order',
  fieldRules: [{ target: 'value', expression }],
  ...(documentExpression ? { documentExpression } : {}),
  lookupTables: [],
  testCases: [],
});
const run = async (
  expression: string,
  guardrails: Partial<Guardrails> = {},
  input: unknown = {},
  documentExpression?: string,
) => {
  const started = performance.now();
  const outcome = await compileMapping(
    mapping(expression, documentExpression),
    { guardrails },
  ).evaluate(input, { runAt: '2026-01-01T00:00:00Z' });
  return { outcome, wallMs: performance.now() - started };
};
const expectFailure = (
  outcome: Awaited<ReturnType<typeof run>>['outcome'],
  code: MappingErrorCode,
) => {
  expect(outcome.ok).toBe(false);
  if (!outcome.ok) expect(outcome.error.code).toBe(code);
};

describe('in-process guardrails (jsonata limits + Ferry checks)', () => {
  it('stops an infinite (tail-recursive) loop at the timeout: MAPPING_TIMEOUT', async () => {
    const { outcome, wallMs } = await run(
      '($f := function($x){ $f($x + 1) }; $f(0))',
      { timeoutMs: 100 },
    );
    expectFailure(outcome, 'MAPPING_TIMEOUT');
    expect(outcome.elapsedMs).toBeGreaterThanOrEqual(100);
    expect(wallMs).toBeLessThan(1000);
    expect(outcome.ok ? undefined : outcome.error).toMatchObject({
      field: 'value',
      jsonataCode: 'D1012',
    });
  });

  it('stops infinite recursion at the stack depth: MAPPING_STACK_DEPTH', async () => {
    const { outcome, wallMs } = await run(
      '($f := function($x){ 1 + $f($x + 1) }; $f(0))',
      { maxDepth: 200, timeoutMs: 5000 },
    );
    expectFailure(outcome, 'MAPPING_STACK_DEPTH');
    expect(wallMs).toBeLessThan(1000);
  });

  it('refuses a range longer than the sequence limit: MAPPING_SEQUENCE_LIMIT', async () => {
    const { outcome, wallMs } = await run('$count([1..200000])', {
      maxSequence: 100_000,
    });
    expectFailure(outcome, 'MAPPING_SEQUENCE_LIMIT');
    expect(wallMs).toBeLessThan(1000);
    expectFailure(
      (await run('$count([1..100000000])', { maxSequence: 1e9 })).outcome,
      'MAPPING_SEQUENCE_LIMIT',
    );
  });

  it('refuses a path that collects more items than the sequence limit (also on the fast path)', async () => {
    const input = { rows: Array.from({ length: 2000 }, (_, i) => ({ v: i })) };
    const { outcome } = await run('rows.v', { maxSequence: 1000 }, input);
    expectFailure(outcome, 'MAPPING_SEQUENCE_LIMIT');
  });

  it('refuses an output larger than the output limits: MAPPING_OUTPUT_LIMIT', async () => {
    const { outcome, wallMs } = await run('[1..20000]', {
      maxOutputNodes: 10_000,
    });
    expectFailure(outcome, 'MAPPING_OUTPUT_LIMIT');
    expect(wallMs).toBeLessThan(1000);
    expectFailure(
      (
        await run('$pad("", 99999) & $pad("", 99999)', {
          maxOutputChars: 150_000,
        })
      ).outcome,
      'MAPPING_OUTPUT_LIMIT',
    );
  });

  it('refuses a "__proto__" key in the output', async () => {
    expectFailure(
      (await run('1', {}, {}, '{"__proto__": {"polluted": true}}')).outcome,
      'MAPPING_OUTPUT_LIMIT',
    );
  });

  it('bounds the strings the function library builds', async () => {
    const { outcome } = await run('$pad("x", 1000000)', {
      maxStringLength: 100_000,
    });
    expectFailure(outcome, 'MAPPING_EVALUATION_ERROR');
    expect(outcome.ok ? '' : outcome.error.message).toContain('$pad');
  });

  it('turns a JavaScript string overflow into a failure, not a crash', async () => {
    const { outcome, wallMs } = await run(
      '$reduce([1..40], function($acc, $i){ $acc & $acc }, "xxxxxxxx")',
      { timeoutMs: 5000 },
    );
    expect(outcome.ok).toBe(false);
    expect(wallMs).toBeLessThan(5000);
  });
});

describe('fast path guardrails', () => {
  it('stops a quadratic filter over a large input at the timeout: MAPPING_TIMEOUT', async () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => ({ sku: `S${i}` }));
    const definition = mapping('$count(rows[sku in $$.rows.sku])');
    const compiled = compileMapping(definition, {
      guardrails: { timeoutMs: 100 },
    });
    expect(compiled.fastPathUnsupported).toBeNull();
    const started = performance.now();
    const outcome = await compiled.evaluate(
      { rows },
      { runAt: '2026-01-01T00:00:00Z' },
    );
    const wallMs = performance.now() - started;
    expectFailure(outcome, 'MAPPING_TIMEOUT');
    expect(outcome.elapsedMs).toBeGreaterThanOrEqual(100);
    expect(wallMs).toBeLessThan(1000);
  });
});
