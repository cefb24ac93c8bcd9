/** The rule a mapped value broke (DESIGN §4.3, §5). */
export type ValidationRule =
  | 'required'
  | 'type'
  | 'minLength'
  | 'maxLength'
  | 'pattern'
  | 'allowedValues'
  | 'upperCase'
  | 'format'
  | 'integer'
  | 'minimum'
  | 'exclusiveMinimum'
  | 'maximum'
  | 'maxDecimals'
  | 'minItems'
  | 'maxItems'
  | 'requiredWhen'
  | 'allowedOnlyWhen'
  | 'unknownField';

/** One reason a mapped record is not valid for its target: goes to the error queue as is. */
export interface ValidationIssue {
  /** Concrete path of the field (`details[2].sku`). */
  path: string;
  rule: ValidationRule;
  message: string;
  /** The offending value (strings shortened to 500 characters), absent when the field is missing. */
  value?: string | number | boolean | null;
  /** What the rule expects: a length, a limit, the allowed values, a pattern. */
  expected?: string | number | readonly string[];
  /** The receiving system's name for the field (`ShipToCity`). */
  systemName?: string;
}
