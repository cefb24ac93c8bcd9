import type { LookupTable } from '@ferry/contracts';
import type { Guardrails } from './guardrails';

/** Where one rule's expression sits in the generated program text. */
export interface ProgramSpan {
  /** Target path of the rule (`details[].sku`), or `$document`. */
  field: string;
  start: number;
  end: number;
}

/** One jsonata expression text and the rules it is made of. */
export interface ProgramPart {
  text: string;
  spans: ProgramSpan[];
}

/**
 * A mapping version ready to evaluate, as plain data: the field rules generated into one
 * jsonata object constructor (one evaluation per record instead of one per field), the
 * document expression, the lookup tables and the limits. Sent once per worker.
 */
export interface ProgramSource {
  hash: string;
  fields: ProgramPart | null;
  document: ProgramPart | null;
  lookupTables: LookupTable[];
  guardrails: Guardrails;
  /** Evaluate the field rules on the fast path when they allow it (default); false: jsonata only. */
  fastPath: boolean;
}
