/**
 * Limits on one evaluation. jsonata 2.2.2 offers `timeout` (checked between evaluation
 * steps, so it cannot stop a long native call such as a backtracking regex), `stack`
 * (its own depth counter) and `sequence` (ranges and sequences); the rest are Ferry's own
 * checks. The worker pool adds a wall-clock budget that kills the thread.
 */
export interface Guardrails {
  /** jsonata `timeout`, in milliseconds. */
  timeoutMs: number;
  /** jsonata `stack`: nesting depth of evaluation. */
  maxDepth: number;
  /** jsonata `sequence`: longest range or sequence. */
  maxSequence: number;
  /** Longest string the function library builds or pads to. */
  maxStringLength: number;
  /** Most values (scalars, arrays, objects) in one output. */
  maxOutputNodes: number;
  /** Most characters of strings and keys in one output. */
  maxOutputChars: number;
}

export const DEFAULT_GUARDRAILS: Readonly<Guardrails> = Object.freeze({
  timeoutMs: 250,
  maxDepth: 500,
  maxSequence: 100_000,
  maxStringLength: 100_000,
  maxOutputNodes: 50_000,
  maxOutputChars: 2_000_000,
});
