import type { MappingErrorCode } from '../errors/mapping-error-code';
import type { MappingFailure } from '../errors/mapping-failure';
import type { MappingFunction } from './erp-function-library';
import type { FastPathCompiler, FastPathEvaluator } from './fast-path';
import type {
  EvaluationContext,
  EvaluationOutcome,
  JsonataExpression,
  JsonataFactory,
} from './evaluation-types';
import type { JsonValue } from './json-value';
import type { ProgramPart, ProgramSource } from './program-source';

/** A program compiled by jsonata, ready for any number of concurrent evaluations. */
export interface PreparedProgram {
  hash: string;
  fields: { expression: JsonataExpression; part: ProgramPart } | null;
  document: { expression: JsonataExpression; part: ProgramPart } | null;
  source: ProgramSource;
  /** The field rules compiled to closures, when they are inside the fast path's subset. */
  fastPath: FastPathEvaluator | null;
  /** Why the field rules run on jsonata alone, when they do. */
  fastPathUnsupported: string | null;
  functions: Record<string, MappingFunction>;
}

export interface EvaluationCore {
  /** Compiles a program's expressions with its guardrails and binds the function library. Throws a MappingFailure. */
  prepare(program: ProgramSource): PreparedProgram;
  /** Evaluates one record. Never throws: failures come back as outcomes. */
  run(
    prepared: PreparedProgram,
    input: unknown,
    context: EvaluationContext,
  ): Promise<EvaluationOutcome>;
  /** Turns anything jsonata or the library threw into a MappingFailure naming the rule, line and column. */
  toFailure(error: unknown, part: ProgramPart | null): MappingFailure;
}

/**
 * The part of the engine that touches user expressions: compile with guardrails, bind
 * `$defaults`, `$runAt`, `$lookup` and the function library, evaluate, translate errors,
 * and copy the result into plain JSON within output limits.
 *
 * Self-contained on purpose (see createErpFunctionLibrary): the same code runs in the
 * browser, in-process, and as source text inside the worker pool's threads.
 */
/* istanbul ignore next -- runs as source text inside worker threads too */
export function createEvaluationCore(
  jsonata: JsonataFactory,
  createLibrary: (maxStringLength: number) => Record<string, MappingFunction>,
  createFastPath: (() => FastPathCompiler) | null,
): EvaluationCore {
  const fastCompiler = createFastPath === null ? null : createFastPath();
  const codeFor = (
    jsonataCode: string | undefined,
    error: unknown,
  ): MappingErrorCode => {
    if (jsonataCode === 'D1012') return 'MAPPING_TIMEOUT';
    if (jsonataCode === 'D1011') return 'MAPPING_STACK_DEPTH';
    if (jsonataCode === 'D2014' || jsonataCode === 'D2015')
      return 'MAPPING_SEQUENCE_LIMIT';
    if (jsonataCode === 'FERRY_FORBIDDEN_FUNCTION')
      return 'MAPPING_FORBIDDEN_FUNCTION';
    if (jsonataCode === 'FERRY_OUTPUT') return 'MAPPING_OUTPUT_LIMIT';
    if (jsonataCode !== undefined && /^S0/.test(jsonataCode))
      return 'MAPPING_SYNTAX_ERROR';
    if (error instanceof RangeError) {
      return /call stack/i.test(error.message)
        ? 'MAPPING_STACK_DEPTH'
        : 'MAPPING_OUTPUT_LIMIT';
    }
    return 'MAPPING_EVALUATION_ERROR';
  };

  const shorten = (value: unknown): string | undefined => {
    if (value === undefined) return undefined;
    let text: string;
    try {
      text =
        typeof value === 'string'
          ? JSON.stringify(value)
          : (JSON.stringify(value) ?? String(value));
    } catch {
      text = String(value);
    }
    return text.length > 200 ? `${text.slice(0, 197)}...` : text;
  };

  const toFailure = (
    error: unknown,
    part: ProgramPart | null,
  ): MappingFailure => {
    const e = (
      error !== null && typeof error === 'object'
        ? error
        : { message: String(error) }
    ) as {
      code?: unknown;
      message?: unknown;
      position?: unknown;
      token?: unknown;
      value?: unknown;
    };
    const jsonataCode = typeof e.code === 'string' ? e.code : undefined;
    const failure: MappingFailure = {
      code: codeFor(jsonataCode, error),
      message:
        typeof e.message === 'string' && e.message !== ''
          ? e.message
          : 'Expression failed',
    };
    if (jsonataCode !== undefined && !/^FERRY_/.test(jsonataCode))
      failure.jsonataCode = jsonataCode;
    if (typeof e.token === 'string') failure.token = e.token;
    const value = shorten(e.value);
    if (value !== undefined) failure.value = value;
    if (part !== null && part.spans.length > 0) {
      // jsonata positions point just past the offending token.
      const index =
        typeof e.position === 'number' ? Math.max(0, e.position - 1) : -1;
      let span = part.spans.find((s) => index >= s.start && index < s.end);
      if (span === undefined && index >= 0) {
        span = part.spans.filter((s) => s.start <= index).pop();
      }
      if (span === undefined && part.spans.length === 1) span = part.spans[0];
      if (span !== undefined) {
        failure.field = span.field;
        if (index >= 0) {
          const offset = Math.min(
            Math.max(index, span.start),
            Math.max(span.start, span.end - 1),
          );
          const before = part.text.slice(span.start, offset);
          const lines = before.split('\n');
          failure.line = lines.length;
          failure.column = lines[lines.length - 1].length + 1;
        }
      }
    }
    return failure;
  };

  const outputError = (message: string): never => {
    throw { code: 'FERRY_OUTPUT', message };
  };

  /** Copies jsonata's result (sequences, null-prototype objects, lambdas) into plain JSON within limits. */
  const toJson = (
    value: unknown,
    maxNodes: number,
    maxChars: number,
  ): JsonValue | undefined => {
    let nodes = 0;
    let chars = 0;
    const visit = (
      v: unknown,
      path: string,
      depth: number,
    ): JsonValue | undefined => {
      if (v === undefined || typeof v === 'function') return undefined;
      if (++nodes > maxNodes)
        outputError(`Output has more than ${maxNodes} values`);
      if (depth > 64)
        outputError(`Output is nested deeper than 64 levels at ${path || '$'}`);
      if (v === null || typeof v === 'boolean') return v;
      if (typeof v === 'number') {
        if (!Number.isFinite(v))
          outputError(`Output value at ${path || '$'} is not a finite number`);
        return v === 0 ? 0 : v;
      }
      if (typeof v === 'string') {
        chars += v.length;
        if (chars > maxChars)
          outputError(`Output has more than ${maxChars} characters`);
        return v;
      }
      if (Array.isArray(v)) {
        const out: JsonValue[] = [];
        for (let i = 0; i < v.length; i++) {
          const item = visit(v[i], `${path}[${i}]`, depth + 1);
          if (item !== undefined) out.push(item);
        }
        return out;
      }
      if (typeof v === 'object') {
        const record = v as Record<string, unknown>;
        if (
          record['_jsonata_lambda'] === true ||
          record['_jsonata_function'] === true
        )
          return undefined;
        const out: { [key: string]: JsonValue } = {};
        for (const key of Object.keys(record)) {
          if (key === '__proto__')
            outputError(
              `Output key "__proto__" is not allowed at ${path || '$'}`,
            );
          chars += key.length;
          const item = visit(
            record[key],
            path === '' ? key : `${path}.${key}`,
            depth + 1,
          );
          if (item !== undefined) out[key] = item;
        }
        return out;
      }
      return outputError(
        `Output value at ${path || '$'} is not JSON (${typeof v})`,
      );
    };
    return visit(value, '', 0);
  };

  const lookupFunction = (source: ProgramSource) => {
    const tables = new Map<
      string,
      { ignoreCase: boolean; rows: Map<string, string> }
    >();
    for (const table of source.lookupTables) {
      const ignoreCase = table.ignoreCase === true;
      const rows = new Map<string, string>();
      for (const row of table.rows)
        rows.set(
          ignoreCase ? row.key.trim().toUpperCase() : row.key,
          row.value,
        );
      tables.set(table.name, { ignoreCase, rows });
    }
    /** `$lookup(table, key[, fallback])`: the table's value for `key`, else `fallback`. */
    return (name: unknown, key: unknown, fallback?: unknown): unknown => {
      const table = typeof name === 'string' ? tables.get(name) : undefined;
      if (table === undefined) {
        throw {
          code: 'FERRY_FUNCTION_ARGUMENT',
          message: `$lookup: there is no lookup table named ${JSON.stringify(name)}`,
          value: name,
        };
      }
      if (key === undefined || key === null) return fallback;
      if (typeof key !== 'string' && typeof key !== 'number') {
        throw {
          code: 'FERRY_FUNCTION_ARGUMENT',
          message: '$lookup: the key must be a string or a number',
          value: key,
        };
      }
      const k = table.ignoreCase
        ? String(key).trim().toUpperCase()
        : String(key);
      const found = table.rows.get(k);
      return found === undefined ? fallback : found;
    };
  };

  const forbidden = (name: string, hint: string) => () => {
    throw {
      code: 'FERRY_FORBIDDEN_FUNCTION',
      message: `$${name} is not available in mappings: ${hint}`,
    };
  };

  const prepare = (source: ProgramSource): PreparedProgram => {
    const g = source.guardrails;
    const library = createLibrary(g.maxStringLength);
    const lookup = lookupFunction(source);
    const compile = (part: ProgramPart | null) => {
      if (part === null) return null;
      let expression: JsonataExpression;
      try {
        expression = jsonata(part.text, {
          timeout: g.timeoutMs,
          stack: g.maxDepth,
          sequence: g.maxSequence,
        });
      } catch (error) {
        throw toFailure(error, part);
      }
      for (const name of Object.keys(library))
        expression.assign(name, library[name]);
      expression.assign('lookup', lookup);
      // $eval would compile text the compile-time checks (e.g. unsafe regex) never saw.
      expression.assign(
        'eval',
        forbidden('eval', 'write the expression in the rule itself'),
      );
      return { expression, part };
    };
    const functions: Record<string, MappingFunction> = { ...library, lookup };
    let fastPath: FastPathEvaluator | null = null;
    let fastPathUnsupported: string | null =
      fastCompiler === null || !source.fastPath ? 'fast path disabled' : null;
    const fields = source.fields;
    if (fastCompiler !== null && source.fastPath && fields !== null) {
      const rules = fields.spans.map((span) => ({
        field: span.field,
        ast: jsonata(`(\n${fields.text.slice(span.start, span.end)}\n)`).ast(),
      }));
      const compiled = fastCompiler.compile(rules, Object.keys(library), {
        maxSequence: g.maxSequence,
        maxDepth: g.maxDepth,
        timeoutMs: g.timeoutMs,
      });
      if (typeof compiled === 'string') fastPathUnsupported = compiled;
      else fastPath = compiled;
    }
    return {
      hash: source.hash,
      fields: compile(source.fields),
      document: compile(source.document),
      source,
      fastPath,
      fastPathUnsupported,
      functions,
    };
  };

  // One evaluation at a time: jsonata's timeout is wall-clock from the start of an
  // evaluation, so interleaved evaluations (its interpreter awaits at every step) would
  // spend each other's budgets, and nothing is gained by interleaving CPU-bound work.
  let tail: Promise<unknown> = Promise.resolve();
  const run = (
    prepared: PreparedProgram,
    input: unknown,
    context: EvaluationContext,
  ): Promise<EvaluationOutcome> => {
    // The fast path is synchronous: it cannot interleave, so it needs no place in the queue.
    if (prepared.fastPath !== null && prepared.document === null) {
      const outcome = runFast(prepared, input, context);
      if (outcome !== null) return Promise.resolve(outcome);
    }
    const next = tail.then(() =>
      runNow(prepared, input, context, prepared.document === null),
    );
    tail = next.then(
      () => undefined,
      () => undefined,
    );
    return next;
  };

  /** The fast path ran past the timeout: the same error as jsonata's (D1012). */
  const fastTimeout = (prepared: PreparedProgram) => ({
    code: 'D1012',
    message: `Evaluation timeout after ${prepared.source.guardrails.timeoutMs} milliseconds. Check for infinite loop`,
    value: prepared.source.guardrails.timeoutMs,
  });

  /** The record on the fast path, or null when jsonata must decide. */
  const runFast = (
    prepared: PreparedProgram,
    input: unknown,
    context: EvaluationContext,
  ): EvaluationOutcome | null => {
    const started = performance.now();
    const fast = prepared.fastPath as FastPathEvaluator;
    let result: unknown;
    try {
      result = fast(input, {
        defaults: context.defaults ?? {},
        runAt: context.runAt,
        functions: prepared.functions,
      });
    } catch (error) {
      if (error === fastCompiler?.timeout) {
        return {
          ok: false,
          error: toFailure(fastTimeout(prepared), null),
          elapsedMs: performance.now() - started,
        };
      }
      // A bail, or anything unforeseen: jsonata decides.
      return null;
    }
    try {
      const g = prepared.source.guardrails;
      const output = toJson(result, g.maxOutputNodes, g.maxOutputChars);
      return {
        ok: true,
        output: output === undefined ? null : output,
        elapsedMs: performance.now() - started,
      };
    } catch (error) {
      return {
        ok: false,
        error: toFailure(error, null),
        elapsedMs: performance.now() - started,
      };
    }
  };

  const runNow = async (
    prepared: PreparedProgram,
    input: unknown,
    context: EvaluationContext,
    fastTried: boolean,
  ): Promise<EvaluationOutcome> => {
    const started = performance.now();
    const runAt = context.runAt;
    const runAtMillis = Date.parse(runAt);
    const bindings: Record<string, unknown> = {
      defaults: context.defaults ?? {},
      runAt,
      // jsonata's $now()/$millis() read one timestamp shared by every concurrent evaluation
      // of a compiled expression: bind them to this run's timestamp instead.
      now: (picture?: unknown) => {
        if (picture !== undefined) {
          throw {
            code: 'FERRY_FUNCTION_ARGUMENT',
            message:
              '$now: use $formatDate($runAt, format) to format the run time',
          };
        }
        return runAt;
      },
      millis: () => runAtMillis,
    };
    let stage: ProgramPart | null = prepared.fields?.part ?? null;
    try {
      let result: unknown = {};
      let done = false;
      if (!fastTried && prepared.fastPath !== null && fastCompiler !== null) {
        try {
          result = prepared.fastPath(input, {
            defaults: bindings['defaults'],
            runAt,
            functions: prepared.functions,
          });
          done = true;
        } catch (error) {
          if (error === fastCompiler.timeout) throw fastTimeout(prepared);
          // A bail, or anything unforeseen: jsonata decides (and reports errors with their position).
        }
      }
      if (!done && prepared.fields !== null)
        result = await prepared.fields.expression.evaluate(input, bindings);
      if (prepared.document !== null) {
        stage = prepared.document.part;
        const mapped = result;
        result = await prepared.document.expression.evaluate(input, {
          ...bindings,
          mapped,
        });
      }
      stage = null;
      const g = prepared.source.guardrails;
      const output = toJson(result, g.maxOutputNodes, g.maxOutputChars);
      return {
        ok: true,
        output: output === undefined ? null : output,
        elapsedMs: performance.now() - started,
      };
    } catch (error) {
      return {
        ok: false,
        error: toFailure(error, stage),
        elapsedMs: performance.now() - started,
      };
    }
  };

  return { prepare, run, toFailure };
}
