import type { JsonValue } from '../engine/json-value';

/** One field that differs between two documents. */
export interface FieldDifference {
  /** Concrete path (`details[1].price`); `$` for the whole document. */
  path: string;
  /** `added`: only in the second document; `removed`: only in the first; `changed`: both, different. */
  kind: 'added' | 'removed' | 'changed';
  before?: JsonValue;
  after?: JsonValue;
}
