import type { MappingFunction } from './erp-function-library';

/** One field rule with its parsed jsonata AST. */
export interface FastPathRule {
  field: string;
  ast: unknown;
}

/** The per-record bindings the fast path sees (the same as jsonata's). */
export interface FastPathBindings {
  defaults: unknown;
  runAt: string;
  functions: Record<string, MappingFunction>;
}

/** Evaluates all field rules of a record; throws the compiler's `bail` value when jsonata must decide. */
export type FastPathEvaluator = (
  input: unknown,
  bindings: FastPathBindings,
) => unknown;

export interface FastPathCompiler {
  /** Compiles the field rules, or returns why they are outside the fast path's subset. */
  compile(
    rules: readonly FastPathRule[],
    functionNames: readonly string[],
    limits: { maxSequence: number; maxDepth: number; timeoutMs: number },
  ): FastPathEvaluator | string;
  /** Thrown by an evaluator on anything unusual (type errors, odd values, limits). */
  bail: object;
  /** Thrown by an evaluator that ran past the timeout (guardrails.timeoutMs). */
  timeout: object;
}

/**
 * A compiler from jsonata ASTs to closures for the non-recursive subset mappings are made
 * of (paths, filters, conditions, blocks, object/array constructors, comparisons,
 * arithmetic, the function library and a few builtins). jsonata's reference interpreter
 * is asynchronous at every step and allocates heavily; this runs 10–20× faster, which is
 * what makes ≥ 10,000 orders/s per core possible (DESIGN §8).
 *
 * It mirrors jsonata 2.2.2's sequence semantics (flattening, singleton collapse, `cons`
 * arrays) and **bails** on anything it is not sure of — a type error, a non-scalar
 * comparison, a sequence over the limit, a function error — so that the record is then
 * evaluated by jsonata itself, which gives the authoritative result or error (with its
 * position). Expressions outside the subset (lambdas, ranges, sorting, `~>`, …) are never
 * compiled: the whole mapping then runs on jsonata, with its guardrails. The subset has no
 * loops or recursion, so its cost is bounded by the input size.
 *
 * Self-contained (shipped as source text into worker threads, see createErpFunctionLibrary).
 */
/* istanbul ignore next -- runs as source text inside worker threads too */
export function createFastPathCompiler(): FastPathCompiler {
  type Seq = unknown[] & { sequence?: boolean; cons?: boolean };
  type Frame = { vars: Map<string, unknown>; parent: Frame | null };
  type Budget = { steps: number; deadline: number };
  type Env = {
    root: unknown;
    frame: Frame;
    b: FastPathBindings;
    budget: Budget;
  };
  type Fn = (ctx: unknown, env: Env) => unknown;
  type Node = Record<string, unknown> & { type?: string; value?: unknown };
  const RESERVED = ['lookup', 'now', 'millis', 'eval'];

  const BAIL = { bail: true };
  const TIMEOUT = { timeout: true };
  // The subset has no loops, but filters over large inputs can still be quadratic: look at
  // the clock every 1024 items, like jsonata's timeout.
  const tick = (budget: Budget): void => {
    if ((++budget.steps & 1023) === 0 && Date.now() > budget.deadline)
      throw TIMEOUT;
  };
  const bail = (): never => {
    throw BAIL;
  };
  const isSeq = (v: unknown): v is Seq =>
    Array.isArray(v) && (v as Seq).sequence === true;
  const seq = (): Seq => {
    const s: Seq = [];
    s.sequence = true;
    return s;
  };
  const isNum = (v: unknown): v is number =>
    typeof v === 'number' && !Number.isNaN(v);
  const hasOwn = (o: object, k: string) =>
    Object.prototype.hasOwnProperty.call(o, k);
  const isScalar = (v: unknown) =>
    v === null ||
    typeof v === 'string' ||
    typeof v === 'number' ||
    typeof v === 'boolean';

  const boolean = (arg: unknown): boolean | undefined => {
    if (arg === undefined) return undefined;
    if (Array.isArray(arg)) {
      if (arg.length === 1) return boolean(arg[0]);
      if (arg.length > 1) return arg.some((v) => boolean(v));
      return false;
    }
    if (typeof arg === 'string') return arg.length > 0;
    if (isNum(arg)) return arg !== 0;
    if (arg !== null && typeof arg === 'object')
      return Object.keys(arg).length > 0;
    return arg === true;
  };
  const boolize = (v: unknown) => boolean(v) === true;

  const lookupName = (input: unknown, key: string, max: number): unknown => {
    if (Array.isArray(input)) {
      const result = seq();
      for (const item of input) {
        const res = lookupName(item, key, max);
        if (res === undefined) continue;
        if (Array.isArray(res)) for (const v of res) result.push(v);
        else result.push(res);
        if (result.length > max) bail();
      }
      return result;
    }
    if (
      input !== null &&
      typeof input === 'object' &&
      hasOwn(input, key) &&
      typeof input !== 'function'
    ) {
      return (input as Record<string, unknown>)[key];
    }
    return undefined;
  };

  const lookupVar = (frame: Frame | null, name: string): unknown => {
    for (let f = frame; f !== null; f = f.parent)
      if (f.vars.has(name)) return f.vars.get(name);
    return undefined;
  };

  const collapse = (r: unknown): unknown => {
    if (isSeq(r)) {
      if (r.length === 0) return undefined;
      if (r.length === 1) return r[0];
    }
    return r;
  };

  const BUILTINS = new Set([
    'exists',
    'not',
    'count',
    'sum',
    'min',
    'max',
    'floor',
    'trim',
    'split',
    'join',
    'append',
    'replace',
    'uppercase',
    'lowercase',
    'boolean',
    'string',
  ]);

  const compile = (
    rules: readonly FastPathRule[],
    functionNames: readonly string[],
    limits: { maxSequence: number; maxDepth: number; timeoutMs: number },
  ): FastPathEvaluator | string => {
    const maxSeq = limits.maxSequence;
    const library = new Set(functionNames);
    const unsupported = (why: string): never => {
      throw { unsupported: why };
    };
    const depthOf = (n: unknown, d: number): number => {
      if (n === null || typeof n !== 'object') return d;
      let m = d;
      for (const v of Object.values(n as object))
        m = Math.max(m, depthOf(v, d + 1));
      return m;
    };
    const containsBind = (n: unknown): boolean => {
      if (n === null || typeof n !== 'object') return false;
      if ((n as Node).type === 'bind') return true;
      return Object.values(n as object).some(containsBind);
    };
    const boundNames = new Set<string>();
    const collectBinds = (n: unknown): void => {
      if (n === null || typeof n !== 'object') return;
      const node = n as Node;
      if (node.type === 'bind')
        boundNames.add(String((node['lhs'] as Node).value));
      for (const v of Object.values(node)) collectBinds(v);
    };
    rules.forEach((r) => collectBinds(r.ast));
    for (const name of boundNames)
      if (library.has(name) || BUILTINS.has(name) || RESERVED.includes(name))
        unsupported(`$${name} is rebound`);

    const filter = (
      predicate: Node,
      pred: Fn,
      input: unknown,
      env: Env,
    ): unknown => {
      let results: unknown = seq();
      const list: unknown[] = Array.isArray(input) ? input : [input];
      if (predicate.type === 'number') {
        let index = Math.floor(predicate.value as number);
        if (index < 0) index = list.length + index;
        const item = list[index];
        if (item !== undefined) {
          if (Array.isArray(item)) results = item;
          else (results as Seq).push(item);
        }
        return results;
      }
      for (let index = 0; index < list.length; index++) {
        tick(env.budget);
        let res = pred(list[index], env);
        if (isNum(res)) res = [res];
        if (Array.isArray(res) && res.every((x) => typeof x === 'number')) {
          // Numeric predicates select by position (negative from the end).
          for (const n of res as number[]) {
            let i = Math.floor(n);
            if (i < 0) i = list.length + i;
            if (i === index) (results as Seq).push(list[index]);
          }
        } else if (boolean(res)) (results as Seq).push(list[index]);
      }
      return results;
    };

    const withPredicates = (node: Node, core: Fn): Fn => {
      if (
        hasOwn(node, 'group') ||
        node['keepArray'] ||
        node['tuple'] ||
        node['focus'] ||
        node['index']
      )
        unsupported('grouping or positional binding');
      const predicates = (node['predicate'] as Node[] | undefined) ?? [];
      const compiled = predicates.map((p) => {
        const expr = p['expr'] as Node;
        return {
          expr,
          fn:
            expr.type === 'number'
              ? ((() => undefined) as Fn)
              : compileNode(expr),
        };
      });
      if (compiled.length === 0) return (ctx, env) => collapse(core(ctx, env));
      return (ctx, env) => {
        let r = core(ctx, env);
        for (const p of compiled) r = filter(p.expr, p.fn, r, env);
        return collapse(r);
      };
    };

    const compilePath = (node: Node): Fn => {
      if (node['keepSingletonArray'] || hasOwn(node, 'group'))
        unsupported('keep-array path');
      const steps = (node['steps'] as Node[]).map((step) => {
        if (
          step.type === 'sort' ||
          step['tuple'] ||
          step['focus'] ||
          step['index'] ||
          step['keepArray']
        )
          unsupported(`path step ${String(step.type)}`);
        const stages = ((step['stages'] as Node[] | undefined) ?? []).map(
          (s) => {
            if (s.type !== 'filter') unsupported(`stage ${String(s.type)}`);
            const expr = s['expr'] as Node;
            return {
              expr,
              fn:
                expr.type === 'number'
                  ? ((() => undefined) as Fn)
                  : compileNode(expr),
            };
          },
        );
        return {
          fn: compileNode(step),
          stages,
          consarray: step['consarray'] === true,
        };
      });
      const firstIsVariable = (node['steps'] as Node[])[0].type === 'variable';
      if (steps[0].consarray)
        unsupported('array constructor as first path step');
      return (ctx, env) => {
        let input: unknown[] =
          Array.isArray(ctx) && !firstIsVariable ? ctx : [ctx];
        let resultSeq: unknown[] | undefined;
        for (let i = 0; i < steps.length; i++) {
          const step = steps[i];
          const result: unknown[] = [];
          for (const item of input) {
            tick(env.budget);
            let res = step.fn(item, env);
            for (const stage of step.stages)
              res = filter(stage.expr, stage.fn, res, env);
            if (res !== undefined) result.push(res);
          }
          if (
            i === steps.length - 1 &&
            result.length === 1 &&
            Array.isArray(result[0]) &&
            !isSeq(result[0])
          ) {
            resultSeq = result[0] as unknown[];
          } else {
            const out = seq();
            for (const res of result) {
              if (!Array.isArray(res) || (res as Seq).cons) out.push(res);
              else for (const v of res) out.push(v);
            }
            if (out.length > maxSeq) bail();
            resultSeq = out;
          }
          if (resultSeq.length === 0) break;
          input = resultSeq;
        }
        return resultSeq;
      };
    };

    const numeric = (op: string, l: unknown, r: unknown): unknown => {
      if ((l !== undefined && !isNum(l)) || (r !== undefined && !isNum(r)))
        bail();
      if (l === undefined || r === undefined) return undefined;
      const a = l as number;
      const b = r as number;
      const v =
        op === '+'
          ? a + b
          : op === '-'
            ? a - b
            : op === '*'
              ? a * b
              : op === '/'
                ? a / b
                : a % b;
      if (!Number.isFinite(v)) bail();
      return v;
    };

    const compileBinary = (node: Node): Fn => {
      const op = String(node.value);
      const lhs = compileNode(node['lhs'] as Node);
      const rhs = compileNode(node['rhs'] as Node);
      switch (op) {
        case 'and':
          return (c, e) => boolize(lhs(c, e)) && boolize(rhs(c, e));
        case 'or':
          return (c, e) => boolize(lhs(c, e)) || boolize(rhs(c, e));
        case '+':
        case '-':
        case '*':
        case '/':
        case '%':
          return (c, e) => numeric(op, lhs(c, e), rhs(c, e));
        case '=':
        case '!=':
          return (c, e) => {
            const l = lhs(c, e);
            const r = rhs(c, e);
            if (l === undefined || r === undefined) return false;
            if (!isScalar(l) || !isScalar(r)) bail();
            return op === '=' ? l === r : l !== r;
          };
        case '<':
        case '<=':
        case '>':
        case '>=':
          return (c, e) => {
            const l = lhs(c, e);
            const r = rhs(c, e);
            const lt = typeof l;
            const rt = typeof r;
            if (
              !(lt === 'undefined' || lt === 'string' || lt === 'number') ||
              !(rt === 'undefined' || rt === 'string' || rt === 'number')
            )
              bail();
            if (l === undefined || r === undefined) return undefined;
            if (lt !== rt) bail();
            const a = l as number;
            const b = r as number;
            return op === '<'
              ? a < b
              : op === '<='
                ? a <= b
                : op === '>'
                  ? a > b
                  : a >= b;
          };
        case '&':
          return (c, e) => {
            const l = lhs(c, e);
            const r = rhs(c, e);
            if (
              (l !== undefined && typeof l !== 'string') ||
              (r !== undefined && typeof r !== 'string')
            )
              bail();
            return (
              (l === undefined ? '' : (l as string)) +
              (r === undefined ? '' : (r as string))
            );
          };
        case '..':
          return (c, e) => {
            const l = lhs(c, e);
            const r = rhs(c, e);
            if (
              (l !== undefined && !Number.isInteger(l)) ||
              (r !== undefined && !Number.isInteger(r))
            )
              bail();
            if (
              l === undefined ||
              r === undefined ||
              (l as number) > (r as number)
            )
              return undefined;
            const size = (r as number) - (l as number) + 1;
            if (size > maxSeq || size > 1e7) bail();
            const out = seq();
            for (let v = l as number; v <= (r as number); v++) out.push(v);
            return out;
          };
        case 'in':
          return (c, e) => {
            const l = lhs(c, e);
            const r = rhs(c, e);
            if (l === undefined || r === undefined) return false;
            return (Array.isArray(r) ? r : [r]).some((v) => v === l);
          };
        default:
          return unsupported(`operator ${op}`);
      }
    };

    const compileObject = (node: Node): Fn => {
      const pairs = (node['lhs'] as Node[][]).map(([k, v]) => {
        if (k.type !== 'string') unsupported('computed object key');
        return { key: String(k.value), fn: compileNode(v) };
      });
      const keys = new Set<string>();
      for (const p of pairs) {
        if (
          keys.has(p.key) ||
          p.key === '__proto__' ||
          p.key === '_jsonata_lambda' ||
          p.key === '_jsonata_function'
        )
          unsupported('duplicate or reserved key');
        keys.add(p.key);
      }
      return (ctx, env) => {
        if (Array.isArray(ctx)) bail();
        const out: Record<string, unknown> = {};
        for (const p of pairs) {
          const v = p.fn(ctx, env);
          if (v !== undefined) out[p.key] = v;
        }
        return out;
      };
    };

    const append = (a: unknown, b: unknown): unknown => {
      if (a === undefined) return b;
      if (b === undefined) return a;
      const left: unknown[] = Array.isArray(a) ? a : [a];
      const right: unknown[] = Array.isArray(b) ? b : [b];
      if (left.length + right.length > maxSeq) bail();
      return left.concat(right);
    };

    const compileArray = (node: Node): Fn => {
      const items = (node['expressions'] as Node[]).map((item) => ({
        nested: item.value === '[',
        fn: compileNode(item),
      }));
      const cons = node['consarray'] === true;
      return (ctx, env) => {
        let result: unknown[] = [];
        for (const item of items) {
          const v = item.fn(ctx, env);
          if (v === undefined) continue;
          if (item.nested) result.push(v);
          else result = append(result, v) as unknown[];
        }
        if (cons)
          Object.defineProperty(result, 'cons', {
            enumerable: false,
            configurable: false,
            value: true,
          });
        return result;
      };
    };

    const asList = (v: unknown): unknown[] | undefined =>
      v === undefined ? undefined : Array.isArray(v) ? v : [v];
    const str = (v: unknown): string | undefined => {
      if (v === undefined) return undefined;
      if (typeof v !== 'string') bail();
      return v as string;
    };

    const compileFunction = (node: Node): Fn => {
      const procedure = node['procedure'] as Node;
      if (procedure.type !== 'variable') unsupported('computed function');
      const name = String(procedure.value);
      const argNodes = (node['arguments'] as Node[]) ?? [];
      const regexArg = argNodes.findIndex((a) => a.type === 'regex');
      if (regexArg >= 0 && !(name === 'replace' && regexArg === 1))
        unsupported(`regex argument of $${name}`);
      const args = argNodes.map((a) =>
        a.type === 'regex' ? ((() => a.value) as Fn) : compileNode(a),
      );
      const arity = (min: number, max: number) => {
        if (args.length < min || args.length > max)
          unsupported(`$${name} with ${args.length} arguments`);
      };
      const evalArgs = (c: unknown, e: Env) => args.map((a) => a(c, e));
      if (library.has(name) || name === 'lookup') {
        return (c, e) => {
          const fn = e.b.functions[name];
          try {
            return fn(...evalArgs(c, e));
          } catch {
            return bail();
          }
        };
      }
      switch (name) {
        case 'now':
          arity(0, 0);
          return (_c, e) => e.b.runAt;
        case 'millis':
          arity(0, 0);
          return (_c, e) => Date.parse(e.b.runAt);
        case 'exists':
          arity(1, 1);
          return (c, e) => args[0](c, e) !== undefined;
        case 'not':
          arity(1, 1);
          return (c, e) => {
            const v = args[0](c, e);
            return v === undefined ? undefined : !boolean(v);
          };
        case 'boolean':
          arity(1, 1);
          return (c, e) => boolean(args[0](c, e));
        case 'count':
          arity(1, 1);
          return (c, e) => asList(args[0](c, e))?.length ?? 0;
        case 'sum':
        case 'min':
        case 'max':
          arity(1, 1);
          return (c, e) => {
            const list = asList(args[0](c, e));
            if (list === undefined) return undefined;
            if (!list.every(isNum)) bail();
            const nums = list as number[];
            if (name === 'sum') return nums.reduce((t, n) => t + n, 0);
            if (nums.length === 0) return undefined;
            return name === 'min' ? Math.min(...nums) : Math.max(...nums);
          };
        case 'floor':
          arity(1, 1);
          return (c, e) => {
            const v = args[0](c, e);
            if (v === undefined) return undefined;
            if (!isNum(v)) bail();
            return Math.floor(v as number);
          };
        case 'string':
          arity(1, 1);
          return (c, e) => {
            const v = args[0](c, e);
            // jsonata prints numbers with 15 significant digits.
            if (typeof v === 'number' && Number.isFinite(v))
              return JSON.stringify(Number(v.toPrecision(15)));
            if (typeof v === 'boolean') return String(v);
            return str(v);
          };
        case 'trim':
        case 'uppercase':
        case 'lowercase':
          arity(1, 1);
          return (c, e) => {
            const s = str(args[0](c, e));
            if (s === undefined) return undefined;
            if (name === 'uppercase') return s.toUpperCase();
            if (name === 'lowercase') return s.toLowerCase();
            let r = s.replace(/[ \t\n\r]+/gm, ' ');
            if (r.charAt(0) === ' ') r = r.substring(1);
            if (r.charAt(r.length - 1) === ' ')
              r = r.substring(0, r.length - 1);
            return r;
          };
        case 'split':
          arity(2, 2);
          return (c, e) => {
            const s = str(args[0](c, e));
            const sep = args[1](c, e);
            if (s === undefined) return undefined;
            if (typeof sep !== 'string') bail();
            return s.split(sep as string);
          };
        case 'join':
          arity(1, 2);
          return (c, e) => {
            const list = asList(args[0](c, e));
            const sep = args.length > 1 ? args[1](c, e) : '';
            if (list === undefined) return undefined;
            if (
              !list.every((v) => typeof v === 'string') ||
              (sep !== undefined && typeof sep !== 'string')
            )
              bail();
            return list.join((sep as string | undefined) ?? '');
          };
        case 'append':
          arity(2, 2);
          return (c, e) => append(args[0](c, e), args[1](c, e));
        case 'replace':
          arity(3, 3);
          return (c, e) => {
            const s = str(args[0](c, e));
            const pattern = args[1](c, e);
            const replacement = args[2](c, e);
            if (s === undefined) return undefined;
            if (typeof replacement !== 'string' || replacement.includes('$'))
              bail();
            if (typeof pattern === 'string') {
              if (pattern === '') bail();
              return s.split(pattern).join(replacement as string);
            }
            if (!(pattern instanceof RegExp)) return bail();
            const re = new RegExp(
              pattern.source,
              pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`,
            );
            return s.replace(re, (m: string) =>
              m === '' ? bail() : (replacement as string),
            );
          };
        default:
          return unsupported(`function $${name}`);
      }
    };

    const compileNode = (node: Node): Fn => {
      switch (node.type) {
        case 'string':
        case 'number':
        case 'value': {
          const v = node.value;
          return withPredicates(node, () => v);
        }
        case 'name': {
          const key = String(node.value);
          return withPredicates(node, (c) => lookupName(c, key, maxSeq));
        }
        case 'variable': {
          const name = String(node.value);
          if (name === '') return withPredicates(node, (c) => c);
          if (name === '$') return withPredicates(node, (_c, e) => e.root);
          if (
            library.has(name) ||
            BUILTINS.has(name) ||
            RESERVED.includes(name)
          )
            unsupported('function as a value');
          return withPredicates(node, (_c, e) => lookupVar(e.frame, name));
        }
        case 'path':
          return withPredicates(node, compilePath(node));
        case 'binary':
          return withPredicates(node, compileBinary(node));
        case 'condition': {
          const cond = compileNode(node['condition'] as Node);
          const then = compileNode(node['then'] as Node);
          const otherwise =
            node['else'] === undefined
              ? null
              : compileNode(node['else'] as Node);
          return withPredicates(node, (c, e) =>
            boolean(cond(c, e))
              ? then(c, e)
              : otherwise === null
                ? undefined
                : otherwise(c, e),
          );
        }
        case 'block': {
          const exprs = (node['expressions'] as Node[]).map(compileNode);
          if (!containsBind(node)) {
            // No variable is bound inside: a frame of its own would never be read.
            return withPredicates(node, (c, e) => {
              let r: unknown;
              for (const x of exprs) r = x(c, e);
              return r;
            });
          }
          return withPredicates(node, (c, e) => {
            const inner: Env = {
              root: e.root,
              b: e.b,
              budget: e.budget,
              frame: { vars: new Map(), parent: e.frame },
            };
            let r: unknown;
            for (const x of exprs) r = x(c, inner);
            return r;
          });
        }
        case 'bind': {
          const lhs = node['lhs'] as Node;
          if (lhs.type !== 'variable') unsupported('bind target');
          const name = String(lhs.value);
          if (name === '' || name === '$') unsupported('bind target');
          const rhs = compileNode(node['rhs'] as Node);
          return withPredicates(node, (c, e) => {
            const v = rhs(c, e);
            e.frame.vars.set(name, v);
            return v;
          });
        }
        case 'unary':
          if (node.value === '-') {
            const inner = compileNode(node['expression'] as Node);
            return withPredicates(node, (c, e) => {
              const v = inner(c, e);
              if (v === undefined) return undefined;
              if (!isNum(v)) bail();
              return -(v as number);
            });
          }
          if (node.value === '[')
            return withPredicates(node, compileArray(node));
          if (node.value === '{')
            return withPredicates(node, compileObject(node));
          return unsupported(`unary ${String(node.value)}`);
        case 'function':
          return withPredicates(node, compileFunction(node));
        default:
          return unsupported(`${String(node.type)} expressions`);
      }
    };

    interface Tree {
      children: Map<
        string,
        { value?: Fn; object?: Tree; iterator?: Fn; element?: Tree }
      >;
    }
    const root: Tree = { children: new Map() };
    try {
      for (const rule of rules) {
        if (depthOf(rule.ast, 0) > limits.maxDepth / 4)
          unsupported('deeply nested expression');
        const body = compileNode(rule.ast as Node);
        // Each rule is a block of its own in the jsonata program: a fresh variable frame.
        const fn: Fn = containsBind(rule.ast)
          ? (c, e) =>
              body(c, {
                root: e.root,
                b: e.b,
                budget: e.budget,
                frame: { vars: new Map(), parent: e.frame },
              })
          : body;
        let tree = root;
        const segments = rule.field.split('.');
        segments.forEach((raw, i) => {
          const isArray = raw.endsWith('[]');
          const name = isArray ? raw.slice(0, -2) : raw;
          const last = i === segments.length - 1;
          let entry = tree.children.get(name);
          if (entry === undefined) {
            entry = {};
            tree.children.set(name, entry);
          }
          if (isArray) {
            if (last) entry.iterator = fn;
            entry.element = entry.element ?? { children: new Map() };
            tree = entry.element;
          } else if (last) {
            entry.value = fn;
          } else {
            entry.object = entry.object ?? { children: new Map() };
            tree = entry.object;
          }
        });
      }
    } catch (error) {
      if (error !== null && typeof error === 'object' && 'unsupported' in error)
        return String((error as { unsupported: unknown }).unsupported);
      throw error;
    }

    const indexUsers = new Set<Tree>();
    const usesVariable = (n: unknown, name: string): boolean => {
      if (n === null || typeof n !== 'object') return false;
      const node = n as Node;
      if (node.type === 'variable' && node.value === name) return true;
      return Object.values(node).some((v) => usesVariable(v, name));
    };
    const markIndex = (tree: Tree, rulesUnder: readonly FastPathRule[]) => {
      if (rulesUnder.some((r) => usesVariable(r.ast, 'index')))
        indexUsers.add(tree);
    };
    // $index is bound (as jsonata's #$index) only where a rule below the iterator uses it.
    const assignIndexUse = (tree: Tree, prefix: string) => {
      for (const [name, entry] of tree.children) {
        if (entry.object) assignIndexUse(entry.object, `${prefix}${name}.`);
        if (entry.element) {
          const below = rules.filter(
            (r) =>
              r.field.startsWith(`${prefix}${name}[].`) &&
              !r.field.slice(`${prefix}${name}[].`.length).includes('[]'),
          );
          markIndex(entry.element, below);
          assignIndexUse(entry.element, `${prefix}${name}[].`);
        }
      }
    };
    assignIndexUse(root, '');

    const build = (
      tree: Tree,
      ctx: unknown,
      env: Env,
    ): Record<string, unknown> => {
      if (Array.isArray(ctx)) bail();
      const out: Record<string, unknown> = {};
      for (const [name, entry] of tree.children) {
        if (entry.value) {
          const v = entry.value(ctx, env);
          if (v !== undefined) out[name] = v;
        } else if (entry.object) {
          out[name] = build(entry.object, ctx, env);
        } else if (entry.iterator && entry.element) {
          const v = collapse(entry.iterator(ctx, env));
          const element = entry.element;
          let items: unknown[];
          if (v === undefined) items = [];
          else if (Array.isArray(v)) {
            if ((v as Seq).cons && element.children.size > 0) bail();
            items = v;
          } else items = [v];
          if (element.children.size === 0) {
            // jsonata: `[(rows)]` appends the rows, flattening one level.
            out[name] =
              v === undefined ? [] : Array.isArray(v) ? v.slice() : [v];
            continue;
          }
          const list: unknown[] = [];
          items.forEach((item, index) => {
            if (item === undefined || Array.isArray(item)) bail();
            const itemEnv: Env = indexUsers.has(element)
              ? {
                  root: env.root,
                  b: env.b,
                  budget: env.budget,
                  frame: {
                    vars: new Map([['index', index]]),
                    parent: env.frame,
                  },
                }
              : env;
            list.push(build(element, item, itemEnv));
          });
          out[name] = list;
        }
      }
      return out;
    };

    return (input, bindings) => {
      if (input === null || typeof input !== 'object' || Array.isArray(input))
        bail();
      const vars = new Map<string, unknown>([
        ['defaults', bindings.defaults],
        ['runAt', bindings.runAt],
      ]);
      const env: Env = {
        root: input,
        b: bindings,
        budget: { steps: 0, deadline: Date.now() + limits.timeoutMs },
        frame: { vars, parent: null },
      };
      return build(root, input, env);
    };
  };

  return { compile, bail: BAIL, timeout: TIMEOUT };
}
