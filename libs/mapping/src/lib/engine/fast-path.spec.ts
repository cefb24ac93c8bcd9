import type { MappingDefinition } from '@ferry/contracts';
import { compileMapping } from '../compile/compile-mapping';

const definition = (expression: string): MappingDefinition => ({
  flow: 'orders',
  targetSchemaId: 'x',
  fieldRules: [{ target: 'v', expression }],
  lookupTables: [{ name: 't', rows: [{ key: 'a', value: 'A' }] }],
  testCases: [],
});

const input = {
  name: '#1001',
  n: 3,
  s: ' a  b\tc ',
  empty: [],
  tags: ['x', 'y'],
  one: ['only'],
  nested: [[1, 2], [3]],
  rows: [
    { sku: 'A', q: 2, p: 1.5, tags: ['t1'] },
    { sku: 'B', q: 0, p: 2, tags: [] },
    { sku: null, q: 5, p: 3, tags: ['t2', 't3'] },
  ],
  obj: { a: { b: [{ c: 1 }, { c: 2 }] } },
  t: true,
};

/** Expressions inside the fast path's subset: each must give exactly jsonata's result. */
const SUPPORTED = [
  'name',
  'rows.sku',
  'rows[0]',
  'rows[-1].sku',
  'rows[q > 0].sku',
  'rows[[0, 2]].sku',
  'rows[$not(q = 0)].p',
  'rows.tags',
  'tags',
  'one',
  'empty',
  'nested',
  'nested[0]',
  'obj.a.b.c',
  'obj.a.b[1]',
  'missing',
  'missing.x',
  'n + 1',
  'n - 1.5',
  'n * 2',
  'n / 2',
  'n % 2',
  '-n',
  'n > 2',
  'n <= 2',
  'name = "#1001"',
  'name != "x"',
  'missing = 1',
  'missing != 1',
  'missing > 1',
  'n > 2 and t',
  'missing or n',
  '"a" in tags',
  '"z" in tags',
  'name & "-" & name',
  'name & missing',
  't ? "y" : "n"',
  'missing ? 1',
  '($x := n; $y := $x * 2; $y)',
  '{"a": name, "b": missing, "c": {"d": n}}',
  '[name, tags, [n]]',
  '[1..3]',
  '[rows.q]',
  'rows.{"s": sku, "q": q}',
  '$exists(missing)',
  '$exists(name)',
  '$not(t)',
  '$count(rows)',
  '$count(missing)',
  '$sum(rows.q)',
  '$min(rows.q)',
  '$max(rows.q)',
  '$floor(1.7)',
  '$trim(s)',
  '$uppercase(name)',
  '$lowercase("AB")',
  '$split("a/b/c", "/")[-1]',
  '$join(tags, ",")',
  '$join(["a"])',
  '$append(tags, "z")',
  '$append(missing, tags)',
  '$append(one, missing)',
  '$replace(s, /\\s+/, " ")',
  '$replace("a-b-c", "-", "+")',
  '$boolean(empty)',
  '$string(name)',
  '$truncate(name, 3)',
  '$nodes({"nodes": rows}).sku',
  '$lookup("t", "a")',
  '$lookup("t", "b", "none")',
  '$money("1.005")',
  '$wrap("aaa bbb ccc", 7)[1]',
  '$splitName("Ann Lee").last',
  '$$.name',
  'rows.($$.n)',
  '$defaults.customerNo',
  '$runAt',
  '$now()',
  'rows[sku in ["A", "B"]].q',
  '(rows)[1].sku',
  '$f := 1',
  '$string(n / 7)',
  '$string(t)',
  '$string(1e21)',
];

/** Inside the subset syntactically, but jsonata must decide (errors, formatting): the fast path bails. */
const BAILING = [
  'name + 1',
  'n & "x"',
  'rows = rows',
  'name < 1',
  '$sum(tags)',
  '$floor("x")',
  '$truncate(rows, 2)',
  '$money("abc")',
  '$replace(s, /x*/, "-")',
  '$lookup("nope", "a")',
];

/** Outside the subset: the whole mapping runs on jsonata. */
const UNSUPPORTED = [
  '$map(rows, function($r){ $r.q })',
  'rows^(q)',
  'name ~> $uppercase()',
  'rows{sku: q}',
  '$now("[Y]")',
  '$keys(obj)',
];

const ctx = {
  runAt: '2026-03-04T05:06:07.000Z',
  defaults: { customerNo: 'C1' },
};
const both = async (expression: string) => {
  const fast = compileMapping(definition(expression));
  const reference = compileMapping(definition(expression), { fastPath: false });
  const [a, b] = await Promise.all([
    fast.evaluate(input, ctx),
    reference.evaluate(input, ctx),
  ]);
  return { fast, a: { ...a, elapsedMs: 0 }, b: { ...b, elapsedMs: 0 } };
};

describe('fast path', () => {
  it.each(SUPPORTED)(
    "compiles %s and gives jsonata's result",
    async (expression) => {
      const { fast, a, b } = await both(expression);
      expect(fast.fastPathUnsupported).toBeNull();
      expect(a).toEqual(b);
    },
  );

  it.each(BAILING)(
    'falls back to jsonata for %s (same error or result)',
    async (expression) => {
      const { fast, a, b } = await both(expression);
      expect(fast.fastPathUnsupported).toBeNull();
      expect(a).toEqual(b);
    },
  );

  it.each(UNSUPPORTED)('leaves %s to jsonata', async (expression) => {
    const { fast, a, b } = await both(expression);
    expect(typeof fast.fastPathUnsupported).toBe('string');
    expect(a).toEqual(b);
  });

  it('falls back when the input is not an object', async () => {
    const fast = compileMapping(definition('$count($)'));
    expect(await fast.evaluate([1, 2, 3], ctx)).toMatchObject({
      ok: true,
      output: { v: 3 },
    });
  });
});
