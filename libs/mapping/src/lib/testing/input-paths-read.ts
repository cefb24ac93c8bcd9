import type { FieldRule } from '@ferry/contracts';
import { jsonataFactory } from '../compile/jsonata-factory';
import { ERP_FUNCTION_NAMES } from '../engine/erp-function-library';

type AstNode = Record<string, unknown> & { type?: string; value?: unknown };

/** Where a value may come from in the input: dot paths ('' is the input itself). */
type Origins = ReadonlySet<string>;
const NONE: Origins = new Set();

/** Bindings every mapping sees (DESIGN §5) and the row index: none of them is input. */
const CONTEXT_VARIABLES = new Set(['defaults', 'runAt', 'index']);

/**
 * Functions whose result is a new value (string, number, boolean, array of strings…),
 * never a part of the input. `nodes` and `append` pass input through (handled apart);
 * any function not named here makes the analysis refuse the expression.
 */
const VALUE_FUNCTIONS = new Set<string>([
  ...ERP_FUNCTION_NAMES.filter((name) => name !== 'nodes'),
  'exists',
  'boolean',
  'not',
  'string',
  'number',
  'trim',
  'uppercase',
  'lowercase',
  'substring',
  'substringBefore',
  'substringAfter',
  'contains',
  'split',
  'join',
  'replace',
  'length',
  'count',
  'sum',
  'round',
  'floor',
  'ceil',
  'abs',
]);

const join = (origin: string, field: string): string =>
  origin === '' ? field : `${origin}.${field}`;

const union = (...sets: Origins[]): Origins =>
  new Set(sets.flatMap((s) => [...s]));

class Analysis {
  readonly reads = new Set<string>();

  walk(node: AstNode, ctx: Origins, scope: Map<string, Origins>): Origins {
    for (const key of ['focus', 'index', 'tuple', 'group'])
      if (node[key] !== undefined && node[key] !== false)
        throw new Error(`input-paths-read: unsupported "${key}" in expression`);
    const origins = this.walkBare(node, ctx, scope);
    this.filters(node['predicate'], origins, scope);
    this.filters(node['stages'], origins, scope);
    return origins;
  }

  private filters(
    stages: unknown,
    ctx: Origins,
    scope: Map<string, Origins>,
  ): void {
    if (stages === undefined) return;
    for (const stage of stages as AstNode[]) {
      if (stage.type !== 'filter')
        throw new Error(`input-paths-read: unsupported stage ${stage.type}`);
      this.walk(stage['expr'] as AstNode, ctx, scope);
    }
  }

  private walkBare(
    node: AstNode,
    ctx: Origins,
    scope: Map<string, Origins>,
  ): Origins {
    switch (node.type) {
      case 'string':
      case 'number':
      case 'value':
      case 'regex':
        return NONE;
      case 'name': {
        const paths = new Set(
          [...ctx].map((origin) => join(origin, String(node.value))),
        );
        for (const path of paths) this.reads.add(path);
        return paths;
      }
      case 'variable': {
        const name = String(node.value);
        if (name === '') return ctx;
        if (name === '$') return new Set(['']);
        const bound = scope.get(name);
        if (bound !== undefined) return bound;
        if (CONTEXT_VARIABLES.has(name)) return NONE;
        throw new Error(`input-paths-read: unbound variable $${name}`);
      }
      case 'path': {
        let current = ctx;
        for (const step of node['steps'] as AstNode[])
          current = this.walk(step, current, scope);
        return current;
      }
      case 'binary':
        this.walk(node['lhs'] as AstNode, ctx, scope);
        this.walk(node['rhs'] as AstNode, ctx, scope);
        return NONE;
      case 'condition': {
        this.walk(node['condition'] as AstNode, ctx, scope);
        const then = this.walk(node['then'] as AstNode, ctx, scope);
        const otherwise =
          node['else'] === undefined
            ? NONE
            : this.walk(node['else'] as AstNode, ctx, scope);
        return union(then, otherwise);
      }
      case 'block': {
        const inner = new Map(scope);
        let last = NONE;
        for (const expression of node['expressions'] as AstNode[])
          last = this.walk(expression, ctx, inner);
        return last;
      }
      case 'bind': {
        const origins = this.walk(node['rhs'] as AstNode, ctx, scope);
        scope.set(String((node['lhs'] as AstNode).value), origins);
        return origins;
      }
      case 'unary': {
        if (node.value === '-') {
          this.walk(node['expression'] as AstNode, ctx, scope);
          return NONE;
        }
        if (node.value === '[')
          return union(
            ...(node['expressions'] as AstNode[]).map((item) =>
              this.walk(item, ctx, scope),
            ),
          );
        throw new Error(`input-paths-read: unsupported unary ${node.value}`);
      }
      case 'function':
        return this.call(node, ctx, scope);
      default:
        throw new Error(`input-paths-read: unsupported ${node.type}`);
    }
  }

  private call(
    node: AstNode,
    ctx: Origins,
    scope: Map<string, Origins>,
  ): Origins {
    const procedure = node['procedure'] as AstNode;
    const name = String(procedure.value);
    const args = ((node['arguments'] as AstNode[] | undefined) ?? []).map(
      (arg) => this.walk(arg, ctx, scope),
    );
    if (procedure.type !== 'variable' || scope.has(name))
      throw new Error(`input-paths-read: unsupported call of $${name}`);
    if (name === 'nodes') {
      // A connection's items; the connector hands over `nodes`.
      const paths = new Set(
        [...(args[0] ?? NONE)].map((origin) => join(origin, 'nodes')),
      );
      for (const path of paths) this.reads.add(path);
      return paths;
    }
    if (name === 'append') return union(...args);
    // $lookup(table, key, fallback): the fallback may be a part of the input.
    if (name === 'lookup') return args[2] ?? NONE;
    if (VALUE_FUNCTIONS.has(name)) return NONE;
    throw new Error(`input-paths-read: unknown function $${name}`);
  }
}

/** The rows' array rule for a target inside rows (`details[].sku` → `details[]`). */
function rowsOf(target: string): string | null {
  const end = target.endsWith('[]') ? target.length - 2 : target.length;
  const at = target.lastIndexOf('[]', end - 1);
  return at < 0 ? null : target.slice(0, at + 2);
}

/**
 * Every input path the field rules may read, found statically in their jsonata ASTs:
 * paths through `$nodes(...)` end in `nodes`, intermediate objects are listed too (e.g.
 * `billingAddress` and `billingAddress.city`), rules inside rows (`details[].x`) read
 * from their row's origin. Complete over all branches, unlike a run on sample orders.
 * Throws on anything it does not understand, so that a test built on it fails instead
 * of missing a read.
 */
export function inputPathsRead(rules: readonly FieldRule[]): Set<string> {
  const analysis = new Analysis();
  const rowOrigins = new Map<string, Origins>();
  // Outer rows first: a rule inside rows reads from what its rows' rule lists.
  const depth = (rule: FieldRule): number =>
    (rowsOf(rule.target) ?? '').split('[]').length;
  const ordered = [...rules].sort((a, b) => depth(a) - depth(b));
  for (const rule of ordered) {
    const rows = rowsOf(rule.target);
    const ctx = rows === null ? new Set(['']) : rowOrigins.get(rows);
    if (ctx === undefined)
      throw new Error(`input-paths-read: no rule lists the rows of ${rows}`);
    const ast = jsonataFactory(`(\n${rule.expression}\n)`).ast() as AstNode;
    const origins = analysis.walk(ast, ctx, new Map());
    if (rule.target.endsWith('[]')) rowOrigins.set(rule.target, origins);
  }
  return analysis.reads;
}
