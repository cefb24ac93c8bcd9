import type { MappingDefinition } from '@ferry/contracts';
import type {
  EvaluationContext,
  EvaluationOutcome,
} from '../engine/evaluation-types';
import type { ProgramSource } from '../engine/program-source';

/** A compiled mapping version: compile once, evaluate any number of records concurrently. */
export interface CompiledMapping {
  /** Content hash of the definition (`mappingContentHash`). */
  readonly hash: string;
  readonly definition: MappingDefinition;
  /** The plain-data program, as sent to worker threads. */
  readonly program: ProgramSource;
  /**
   * Why the field rules are evaluated by jsonata's interpreter alone, or null when they
   * run on the fast path (closures compiled from the same AST, see createFastPathCompiler).
   */
  readonly fastPathUnsupported: string | null;
  /** Evaluates one record on the current thread, with jsonata's guardrails. Never throws. */
  evaluate(
    input: unknown,
    context: EvaluationContext,
  ): Promise<EvaluationOutcome>;
}
