import type { MappingRunContext } from '@ferry/contracts';
import type { MappingFailure } from '../errors/mapping-failure';
import type { JsonValue } from './json-value';

export type EvaluationOutcome =
  | { ok: true; output: JsonValue; elapsedMs: number }
  | { ok: false; error: MappingFailure; elapsedMs: number };

/** The bindings of one evaluation: `$defaults` and `$runAt`. */
export type EvaluationContext = MappingRunContext;

/** The slice of the jsonata API the engine uses (typed here: jsonata's own typings use `any`). */
export interface JsonataExpression {
  evaluate(
    input: unknown,
    bindings?: Record<string, unknown>,
  ): Promise<unknown>;
  assign(name: string, value: unknown): void;
  ast(): unknown;
}

export type JsonataFactory = (
  expression: string,
  options?: { timeout?: number; stack?: number; sequence?: number },
) => JsonataExpression;
