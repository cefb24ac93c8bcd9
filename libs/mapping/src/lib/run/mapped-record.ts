import type { MappingFailure } from '../errors/mapping-failure';
import type { JsonValue } from '../engine/json-value';
import type { ValidationIssue } from '../validate/validation-issue';

/**
 * The result of mapping one record: the output when the expressions ran, the failure
 * when they did not, and the validation issues of the output. `ok` means: send it.
 */
export interface MappedRecord {
  ok: boolean;
  output?: JsonValue;
  error?: MappingFailure;
  issues: ValidationIssue[];
  /** Time spent evaluating (and, through the pool, waiting for a worker). */
  elapsedMs: number;
}
