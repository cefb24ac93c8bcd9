import type { MappingErrorCode } from './mapping-error-code';

/**
 * Why a mapping could not produce a record. Plain data (it crosses the worker boundary
 * and goes to the error queue as is).
 */
export interface MappingFailure {
  code: MappingErrorCode;
  message: string;
  /** Target path of the failing rule, `$document` for the document expression, absent when unknown. */
  field?: string;
  /** 1-based line and column inside the failing rule's expression. */
  line?: number;
  column?: number;
  /** The token jsonata reported, if any. */
  token?: string;
  /** jsonata's own error code (e.g. T2002), if any. */
  jsonataCode?: string;
  /** The offending value, shortened for display. */
  value?: string;
}
