import type {
  FieldRule,
  LookupTable,
  MappingDefinition,
} from '@ferry/contracts';
import { MappingCompileError } from '../errors/mapping-compile-error';
import { checkMapping, compileMapping } from './compile-mapping';
import { MappingCache } from './mapping-cache';

const mapping = (
  fieldRules: FieldRule[],
  extra: Partial<MappingDefinition> = {},
): MappingDefinition => ({
  flow: 'orders',
  targetSchemaId: 'cimcloud.passthrough-order',
  fieldRules,
  lookupTables: [],
  testCases: [],
  ...extra,
});
const context = {
  runAt: '2026-11-02T10:00:00.000Z',
  defaults: { customerNo: 'WEB', divisionNo: '01' },
};

describe.each([true, false])('compileMapping (fast path %s)', (fastPath) => {
  const evaluate = async (
    def: MappingDefinition,
    input: unknown,
    ctx = context,
  ) => compileMapping(def, { fastPath }).evaluate(input, ctx);

  it('builds nested objects and row arrays from field rules, with $$ and $index', async () => {
    const outcome = await evaluate(
      mapping([
        { target: 'order_number', expression: 'name' },
        {
          target: 'customer.name',
          expression: 'buyer.first & " " & buyer.last',
        },
        { target: 'details[]', expression: 'lines[qty > 0]' },
        { target: 'details[].sku', expression: '$uppercase(sku)' },
        { target: 'details[].line', expression: '$index + 1' },
        { target: 'details[].order', expression: '$$.name' },
      ]),
      {
        name: 'A1',
        buyer: { first: 'Ann', last: 'Lee' },
        lines: [
          { sku: 'a', qty: 1 },
          { sku: 'b', qty: 0 },
          { sku: 'c', qty: 2 },
        ],
      },
    );
    expect(outcome).toMatchObject({
      ok: true,
      output: {
        order_number: 'A1',
        customer: { name: 'Ann Lee' },
        details: [
          { sku: 'A', line: 1, order: 'A1' },
          { sku: 'C', line: 2, order: 'A1' },
        ],
      },
    });
  });

  it('gives one-row and no-row iterators as lists, and omits undefined fields', async () => {
    const def = mapping([
      { target: 'details[]', expression: 'lines' },
      { target: 'details[].sku', expression: 'sku' },
      { target: 'note', expression: 'missing' },
    ]);
    expect(
      (await evaluate(def, { lines: { sku: 'x' } })).ok &&
        (await evaluate(def, { lines: { sku: 'x' } })),
    ).toMatchObject({ output: { details: [{ sku: 'x' }] } });
    expect(await evaluate(def, {})).toMatchObject({ output: { details: [] } });
    const out = await evaluate(def, {});
    expect(out.ok && Object.keys(out.output as object)).toEqual(['details']);
  });

  it('binds $defaults, $runAt, $lookup (with fallback and ignoreCase), and $now() to the run time', async () => {
    const tables: LookupTable[] = [
      {
        name: 'ship_via',
        ignoreCase: true,
        rows: [{ key: 'Express', value: 'FEDEX 2DAY' }],
      },
      { name: 'exact', rows: [{ key: 'A', value: '1' }] },
    ];
    const outcome = await evaluate(
      mapping(
        [
          { target: 'customer_no', expression: '$defaults.customerNo' },
          { target: 'at', expression: '$runAt' },
          { target: 'now', expression: '$now()' },
          { target: 'millis', expression: '$millis()' },
          { target: 'via', expression: '$lookup("ship_via", "  EXPRESS ")' },
          {
            target: 'fallback',
            expression: '$lookup("ship_via", "Ground", "UPS")',
          },
          {
            target: 'caseSensitive',
            expression: '$lookup("exact", "a", "none")',
          },
          {
            target: 'proto',
            expression: '$lookup("exact", "__proto__", "none")',
          },
          { target: 'absent', expression: '$lookup("exact", "zz")' },
        ],
        { lookupTables: tables },
      ),
      {},
    );
    expect(outcome).toMatchObject({
      ok: true,
      output: {
        customer_no: 'WEB',
        at: '2026-11-02T10:00:00.000Z',
        now: '2026-11-02T10:00:00.000Z',
        millis: Date.parse('2026-11-02T10:00:00.000Z'),
        via: 'FEDEX 2DAY',
        fallback: 'UPS',
        caseSensitive: 'none',
        proto: 'none',
      },
    });
  });

  it('evaluates the document expression with the field rules bound as $mapped', async () => {
    const outcome = await evaluate(
      mapping([{ target: 'a', expression: '1' }], {
        documentExpression: '$merge([$mapped, {"b": $mapped.a + 1, "c": x}])',
      }),
      { x: 'y' },
    );
    expect(outcome).toMatchObject({ ok: true, output: { a: 1, b: 2, c: 'y' } });
  });

  it('reports an evaluation error with the field, the line and column inside the rule, and the value', async () => {
    const outcome = await evaluate(
      mapping([
        { target: 'ok', expression: '"fine"' },
        { target: 'customer.total', expression: '$x := 1;\n$x +\n  name' },
      ]),
      { name: 'Ann' },
    );
    expect(outcome).toMatchObject({
      ok: false,
      error: {
        code: 'MAPPING_EVALUATION_ERROR',
        field: 'customer.total',
        jsonataCode: 'T2002',
        line: 2,
        value: '"Ann"',
      },
    });
    expect(outcome.ok ? 0 : outcome.error.column).toBeGreaterThanOrEqual(1);
  });

  it('reports function errors at the call, in a row rule', async () => {
    const outcome = await evaluate(
      mapping([
        { target: 'details[]', expression: 'lines' },
        { target: 'details[].price', expression: '$money(price)' },
      ]),
      { lines: [{ price: '1.00' }, { price: 'abc' }] },
    );
    expect(outcome).toMatchObject({
      ok: false,
      error: {
        code: 'MAPPING_EVALUATION_ERROR',
        field: 'details[].price',
        line: 1,
        column: 7,
        value: '"abc"',
      },
    });
    expect(outcome.ok ? '' : outcome.error.message).toContain('$money');
  });

  it('reports unknown lookup tables and forbids $eval', async () => {
    expect(
      await evaluate(
        mapping([{ target: 'a', expression: '$lookup("nope", "x")' }]),
        {},
      ),
    ).toMatchObject({
      ok: false,
      error: {
        code: 'MAPPING_EVALUATION_ERROR',
        field: 'a',
        message: expect.stringContaining('no lookup table named "nope"'),
      },
    });
    expect(
      await evaluate(
        mapping([{ target: 'a', expression: '$eval("1 + 1")' }]),
        {},
      ),
    ).toMatchObject({
      ok: false,
      error: { code: 'MAPPING_FORBIDDEN_FUNCTION', field: 'a' },
    });
  });
});

describe('compile-time checks', () => {
  it('lists every syntax error with its field, line and column', () => {
    const failures = checkMapping(
      mapping([
        { target: 'a', expression: 'name' },
        { target: 'b', expression: 'first &\n  (last' },
        { target: 'c', expression: '{"x": }' },
      ]),
    );
    expect(failures).toEqual([
      expect.objectContaining({
        code: 'MAPPING_SYNTAX_ERROR',
        field: 'b',
        line: 2,
        jsonataCode: expect.stringMatching(/^S0/),
      }),
      expect.objectContaining({
        code: 'MAPPING_SYNTAX_ERROR',
        field: 'c',
        line: 1,
        column: 7,
        token: '}',
      }),
    ]);
    expect(() =>
      compileMapping(mapping([{ target: 'c', expression: '{"x": }' }])),
    ).toThrow(MappingCompileError);
  });

  it("refuses a rule that would close another rule's brackets", () => {
    const failures = checkMapping(
      mapping([
        { target: 'a', expression: 'x), "b": (y' },
        { target: 'c', expression: 'z' },
      ]),
    );
    expect(failures).toEqual([
      expect.objectContaining({ code: 'MAPPING_SYNTAX_ERROR', field: 'a' }),
    ]);
  });

  it('refuses bad targets, duplicates, conflicts and rows without an iterator', () => {
    const failures = checkMapping(
      mapping([
        { target: '__proto__.polluted', expression: '1' },
        { target: 'a', expression: '1' },
        { target: 'a', expression: '2' },
        { target: 'b', expression: '1' },
        { target: 'b.c', expression: '1' },
        { target: 'rows[].x', expression: '1' },
      ]),
    );
    expect(failures.map((f) => [f.code, f.field])).toEqual([
      ['MAPPING_INVALID_RULE', '__proto__.polluted'],
      ['MAPPING_INVALID_RULE', 'a'],
      ['MAPPING_INVALID_RULE', 'b.c'],
      ['MAPPING_INVALID_RULE', 'rows[].x'],
    ]);
  });

  it('refuses catastrophic regular expressions at their position', () => {
    const failures = checkMapping(
      mapping([{ target: 'a', expression: 'name ~>\n  $match(/(a+)+$/)' }]),
    );
    expect(failures).toEqual([
      expect.objectContaining({
        code: 'MAPPING_UNSAFE_REGEX',
        field: 'a',
        line: 2,
        token: '/(a+)+$/',
      }),
    ]);
  });

  it('refuses empty mappings, empty expressions and duplicate lookup keys', () => {
    expect(checkMapping(mapping([]))).toEqual([
      expect.objectContaining({ code: 'MAPPING_INVALID_RULE' }),
    ]);
    expect(checkMapping(mapping([{ target: 'a', expression: '  ' }]))).toEqual([
      expect.objectContaining({
        field: 'a',
        message: 'The expression is empty',
      }),
    ]);
    expect(
      checkMapping(
        mapping([{ target: 'a', expression: '1' }], {
          lookupTables: [
            {
              name: 't',
              ignoreCase: true,
              rows: [
                { key: 'a', value: '1' },
                { key: 'A ', value: '2' },
              ],
            },
          ],
        }),
      ),
    ).toEqual([
      expect.objectContaining({
        message: 'Lookup table "t" has the key "A " twice',
      }),
    ]);
  });
});

describe('MappingCache', () => {
  it('compiles a version once, whatever the key order, and recompiles a changed version', () => {
    const cache = new MappingCache(2);
    const def = mapping([{ target: 'a', expression: 'x' }]);
    const same = JSON.parse(
      JSON.stringify({
        testCases: [],
        lookupTables: [],
        fieldRules: def.fieldRules,
        targetSchemaId: def.targetSchemaId,
        flow: 'orders',
      }),
    );
    const first = cache.get(def);
    expect(cache.get(def)).toBe(first);
    expect(cache.get(same)).toBe(first);
    expect(cache.compileCount).toBe(1);
    cache.get(mapping([{ target: 'a', expression: 'y' }]));
    cache.get(mapping([{ target: 'a', expression: 'z' }]));
    expect(cache.compileCount).toBe(3);
    expect(cache.size).toBe(2);
    expect(cache.get(def)).not.toBe(first);
  });
});
