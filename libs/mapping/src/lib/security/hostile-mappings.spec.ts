import type { FieldRule, MappingDefinition } from '@ferry/contracts';
import { checkMapping, compileMapping } from '../compile/compile-mapping';
import { MappingWorkerPool } from '../pool/mapping-worker-pool';

const snapshot = () => ({
  object: Object.getOwnPropertyNames(Object.prototype).sort(),
  array: Object.getOwnPropertyNames(Array.prototype).sort(),
  fn: Object.getOwnPropertyNames(Function.prototype).sort(),
  objectValues: Object.getOwnPropertyNames(Object.prototype).map(
    (k) => Object.getOwnPropertyDescriptor(Object.prototype, k)?.value,
  ),
});

const mapping = (
  fieldRules: FieldRule[],
  documentExpression?: string,
): MappingDefinition => ({
  flow: 'orders',
  targetSchemaId: 'x',
  fieldRules,
  ...(documentExpression ? { documentExpression } : {}),
  lookupTables: [{ name: 't', rows: [{ key: 'a', value: 'A' }] }],
  testCases: [],
});

/** Attempts to reach a prototype through mappings, as rules and as document expressions. */
const HOSTILE_EXPRESSIONS = [
  '{"__proto__": {"polluted": true}}',
  '$merge([{"__proto__": {"polluted": true}}, {"constructor": {"prototype": {"polluted": true}}}])',
  '$ ~> |$|{"__proto__": {"polluted": true}}|',
  '$ ~> |$|{"constructor": {"prototype": {"polluted": true}}}|',
  '$ ~> |**|{"polluted": true}|',
  '$spread({"__proto__": {"polluted": true}})',
  '$lookup("t", "__proto__")',
  '$lookup("t", "constructor", "fallback")',
  '$.constructor',
  '$.__proto__',
  '$defaults.__proto__.polluted',
  '$lookup.constructor',
  '$string.constructor("return process")()',
  '$merge([$, {"x": 1}])',
  '$sift($, function($v, $k){ true })',
  '$each($, function($v, $k){ $k })',
  '$splitName("a b").__proto__',
  '$reduce(["__proto__", "polluted"], function($acc, $k){ {$k: $acc} }, true)',
  '{$string("__proto__"): {"polluted": true}}',
];

/** Whatever came out is plain JSON: plain objects (of this realm or the worker's), no inherited "polluted". */
function expectPlainJson(value: unknown): void {
  expect(JSON.parse(JSON.stringify(value ?? null))).toEqual(value ?? null);
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    expect(Object.getPrototypeOf(value)?.constructor?.name).toBe('Object');
    expect(Object.getPrototypeOf(Object.getPrototypeOf(value))).toBeNull();
    expect('polluted' in value).toBe(
      Object.prototype.hasOwnProperty.call(value, 'polluted'),
    );
    for (const v of Object.values(value)) expectPlainJson(v);
  }
}

/** Input parsed from JSON can carry a "__proto__" own key. */
const hostileInput = JSON.parse(
  '{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}, "a": 1}',
) as unknown;

describe('hostile mappings', () => {
  const before = snapshot();

  afterAll(() => {
    expect(snapshot()).toEqual(before);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('cannot target a prototype member', () => {
    for (const target of [
      '__proto__',
      '__proto__.polluted',
      'a.constructor.prototype.polluted',
      'rows[].__proto__',
    ]) {
      expect(checkMapping(mapping([{ target, expression: 'true' }]))).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            code: 'MAPPING_INVALID_RULE',
            field: target,
          }),
        ]),
      );
    }
  });

  it.each(HOSTILE_EXPRESSIONS)(
    'leaves Object.prototype unchanged in-process: %s',
    async (expression) => {
      for (const fastPath of [true, false]) {
        for (const definition of [
          mapping([{ target: 'v', expression }]),
          mapping([{ target: 'v', expression: '1' }], expression),
        ]) {
          const outcome = await compileMapping(definition, {
            fastPath,
          }).evaluate(hostileInput, {
            runAt: '2026-01-01T00:00:00Z',
            defaults: {},
          });
          if (outcome.ok) expectPlainJson(outcome.output);
          expect(snapshot()).toEqual(before);
          expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
        }
      }
    },
  );

  it('leaves Object.prototype unchanged through the worker pool, and outputs carry no prototype tricks', async () => {
    const pool = new MappingWorkerPool({ size: 1 });
    try {
      for (const expression of HOSTILE_EXPRESSIONS) {
        const outcome = await pool.evaluate(
          compileMapping(mapping([{ target: 'v', expression }])),
          hostileInput,
          { runAt: '2026-01-01T00:00:00Z' },
        );
        if (outcome.ok) expectPlainJson(outcome.output);
      }
    } finally {
      await pool.close();
    }
    expect(snapshot()).toEqual(before);
  });

  it('never hands out a function or the lookup internals', async () => {
    const outcome = await compileMapping(
      mapping([
        {
          target: 'v',
          expression:
            '[$lookup, $truncate, $lookup("t", "__proto__"), $lookup("t", "hasOwnProperty")]',
        },
      ]),
    ).evaluate({}, { runAt: '2026-01-01T00:00:00Z' });
    expect(outcome).toMatchObject({ ok: true, output: { v: [] } });
  });
});
