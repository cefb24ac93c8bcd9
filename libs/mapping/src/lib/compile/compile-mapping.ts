import type { MappingDefinition } from '@ferry/contracts';
import { MappingCompileError } from '../errors/mapping-compile-error';
import type { MappingFailure } from '../errors/mapping-failure';
import { DEFAULT_GUARDRAILS, type Guardrails } from '../engine/guardrails';
import { inProcessCore } from '../engine/in-process-core';
import type { ProgramPart, ProgramSource } from '../engine/program-source';
import { mappingContentHash } from '../hash/mapping-content-hash';
import { buildProgramPart } from './build-program-part';
import type { CompiledMapping } from './compiled-mapping';
import { jsonataFactory } from './jsonata-factory';
import { findUnsafeRegexReason } from './unsafe-regex';

export interface CompileOptions {
  guardrails?: Partial<Guardrails>;
  /** Use the fast path where the rules allow it (default true); false: jsonata's interpreter only. */
  fastPath?: boolean;
}

const MAX_RULES = 1000;
const MAX_EXPRESSION_LENGTH = 20_000;

/** Regex literals of an expression's AST, with their positions. */
function regexLiterals(ast: unknown): { source: string; position: number }[] {
  const found: { source: string; position: number }[] = [];
  const seen = new Set<unknown>();
  const walk = (node: unknown): void => {
    if (node === null || typeof node !== 'object' || seen.has(node)) return;
    seen.add(node);
    if (Array.isArray(node)) {
      node.forEach(walk);
      return;
    }
    const record = node as Record<string, unknown>;
    if (record['type'] === 'regex' && record['value'] instanceof RegExp) {
      found.push({
        source: record['value'].source,
        position:
          typeof record['position'] === 'number' ? record['position'] : 0,
      });
    }
    for (const key of Object.keys(record))
      if (key !== 'value' || !(record[key] instanceof RegExp))
        walk(record[key]);
  };
  walk(ast);
  return found;
}

/**
 * An expression as a parenthesised block, as the program embeds it: a rule may hold
 * several `;`-separated statements, and its variables stay local to it.
 */
function blockPart(field: string, expression: string): ProgramPart {
  return {
    text: `(\n${expression}\n)`,
    spans: [{ field, start: 2, end: 2 + expression.length }],
  };
}

/** Checks one expression alone: it parses, it is not too long, its regexes are safe. */
function checkExpression(field: string, expression: unknown): MappingFailure[] {
  if (typeof expression !== 'string' || expression.trim() === '') {
    return [
      {
        code: 'MAPPING_INVALID_RULE',
        field,
        message: 'The expression is empty',
      },
    ];
  }
  if (expression.length > MAX_EXPRESSION_LENGTH) {
    return [
      {
        code: 'MAPPING_INVALID_RULE',
        field,
        message: `The expression is longer than ${MAX_EXPRESSION_LENGTH} characters`,
      },
    ];
  }
  const part = blockPart(field, expression);
  let ast: unknown;
  try {
    ast = jsonataFactory(part.text).ast();
  } catch (error) {
    return [inProcessCore.toFailure(error, part)];
  }
  return regexLiterals(ast).flatMap(({ source, position }) => {
    const reason = findUnsafeRegexReason(source);
    if (reason === null) return [];
    const located = inProcessCore.toFailure({ position }, part);
    return [
      {
        ...located,
        code: 'MAPPING_UNSAFE_REGEX' as const,
        message: `Unsafe regular expression /${source}/: ${reason}`,
        token: `/${source}/`,
      },
    ];
  });
}

function buildProgram(
  definition: MappingDefinition,
  guardrails: Guardrails,
  fastPath: boolean,
): { program: ProgramSource; failures: MappingFailure[] } {
  const failures: MappingFailure[] = [];
  const rules = Array.isArray(definition.fieldRules)
    ? definition.fieldRules
    : [];
  if (!Array.isArray(definition.fieldRules))
    failures.push({
      code: 'MAPPING_INVALID_RULE',
      message: 'fieldRules must be a list',
    });
  if (rules.length > MAX_RULES)
    failures.push({
      code: 'MAPPING_INVALID_RULE',
      message: `A mapping has at most ${MAX_RULES} field rules`,
    });
  for (const rule of rules)
    failures.push(...checkExpression(String(rule.target), rule.expression));

  const hasDocument =
    definition.documentExpression !== undefined &&
    definition.documentExpression !== '';
  if (hasDocument)
    failures.push(
      ...checkExpression('$document', definition.documentExpression),
    );
  if (rules.length === 0 && !hasDocument) {
    failures.push({
      code: 'MAPPING_INVALID_RULE',
      message: 'A mapping needs field rules or a document expression',
    });
  }

  const tableNames = new Set<string>();
  for (const table of definition.lookupTables ?? []) {
    if (tableNames.has(table.name))
      failures.push({
        code: 'MAPPING_INVALID_RULE',
        message: `Lookup table "${table.name}" is defined twice`,
      });
    tableNames.add(table.name);
    const keys = new Set<string>();
    for (const row of table.rows) {
      const key = table.ignoreCase ? row.key.trim().toUpperCase() : row.key;
      if (keys.has(key))
        failures.push({
          code: 'MAPPING_INVALID_RULE',
          message: `Lookup table "${table.name}" has the key "${row.key}" twice`,
        });
      keys.add(key);
    }
  }

  const built = rules.length > 0 ? buildProgramPart(rules) : null;
  for (const problem of built?.problems ?? []) {
    failures.push({
      code: 'MAPPING_INVALID_RULE',
      field: problem.rule.target,
      message: problem.message,
    });
  }
  const document = hasDocument
    ? blockPart('$document', definition.documentExpression as string)
    : null;
  return {
    program: {
      hash: mappingContentHash(definition),
      fields: built?.part ?? null,
      document,
      lookupTables: definition.lookupTables ?? [],
      guardrails,
      fastPath,
    },
    failures,
  };
}

/** Every problem of a mapping definition (syntax, targets, unsafe regexes, tables); empty when it compiles. */
export function checkMapping(
  definition: MappingDefinition,
  options: CompileOptions = {},
): MappingFailure[] {
  return buildProgram(
    definition,
    { ...DEFAULT_GUARDRAILS, ...options.guardrails },
    options.fastPath !== false,
  ).failures;
}

/** Compiles a mapping version once; throws MappingCompileError listing every problem. */
export function compileMapping(
  definition: MappingDefinition,
  options: CompileOptions = {},
): CompiledMapping {
  const { program, failures } = buildProgram(
    definition,
    { ...DEFAULT_GUARDRAILS, ...options.guardrails },
    options.fastPath !== false,
  );
  if (failures.length > 0) throw new MappingCompileError(failures);
  let prepared: ReturnType<typeof inProcessCore.prepare>;
  try {
    prepared = inProcessCore.prepare(program);
  } catch (failure) {
    throw new MappingCompileError([failure as MappingFailure]);
  }
  return {
    hash: program.hash,
    definition,
    program,
    fastPathUnsupported: prepared.fastPathUnsupported,
    evaluate: (input, context) => inProcessCore.run(prepared, input, context),
  };
}
