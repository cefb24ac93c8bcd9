/**
 * Stable error codes of the mapping engine, for the error queue (`mapping_error`), the
 * API's problem details and the admin. Never renamed: clients match on them.
 */
export const MAPPING_ERROR_CODES = [
  /** An expression does not parse. */
  'MAPPING_SYNTAX_ERROR',
  /** A field rule's target path or the mapping's shape is wrong. */
  'MAPPING_INVALID_RULE',
  /** A regular expression could backtrack catastrophically and is refused at compile time. */
  'MAPPING_UNSAFE_REGEX',
  /** An expression failed while evaluating (type error, $error(), a function's argument, …). */
  'MAPPING_EVALUATION_ERROR',
  /** `$eval` and other functions that would bypass the compile-time checks. */
  'MAPPING_FORBIDDEN_FUNCTION',
  /** jsonata's evaluation timeout (D1012). */
  'MAPPING_TIMEOUT',
  /** jsonata's stack depth limit (D1011) or the JavaScript stack itself. */
  'MAPPING_STACK_DEPTH',
  /** A range or sequence longer than allowed (D2014, D2015). */
  'MAPPING_SEQUENCE_LIMIT',
  /** The output is too big, too deep, or not JSON (NaN, Infinity, `__proto__` keys). */
  'MAPPING_OUTPUT_LIMIT',
  /** The sandbox worker ran past its wall-clock budget (e.g. a native regex) and was killed. */
  'MAPPING_BUDGET_EXCEEDED',
  /** The sandbox worker died (out of memory, crash) while evaluating this record. */
  'MAPPING_WORKER_CRASHED',
  /** The pool was closed before the record was evaluated. */
  'MAPPING_POOL_CLOSED',
] as const;

export type MappingErrorCode = (typeof MAPPING_ERROR_CODES)[number];
