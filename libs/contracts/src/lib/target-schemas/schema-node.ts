/**
 * Target schemas as data (DESIGN §3, §4.2): the mapping engine validates mapped output
 * against these trees; the admin renders field pickers from them. Plain JSON-compatible
 * values only, so a schema can be shipped over HTTP or to a worker thread.
 */

/** A value another field of the same object must have for a conditional rule to apply. */
export interface SiblingCondition {
  /** Name of a field of the same object. */
  field: string;
  equals: string | number | boolean;
}

interface SchemaNodeBase {
  description?: string;
  /** Must be present and non-blank. `null` and blank strings count as absent. */
  required?: boolean;
  /** `null` is a value of its own (e.g. Shopify's `changeFromQuantity: null`). */
  nullable?: boolean;
  /** Required when the condition holds (e.g. hold reason code when status is `H`). */
  requiredWhen?: SiblingCondition;
  /** Refused unless the condition holds. */
  allowedOnlyWhen?: SiblingCondition;
  /** Not in the public documentation: defined by Ferry, to be corrected when documented. */
  assumed?: boolean;
  /** Name the receiving system uses for this field (e.g. Sage 100's `ShipToCity`), for messages. */
  systemName?: string;
}

export interface StringSchemaNode extends SchemaNodeBase {
  type: 'string';
  minLength?: number;
  maxLength?: number;
  /** Regular expression source the whole value must match. */
  pattern?: string;
  /** What the pattern means, for messages ("two digits, zero-filled"). */
  patternText?: string;
  allowedValues?: readonly string[];
  /** No lower-case letters (codes such as Sage 100's CustomerNo). */
  upperCase?: boolean;
  format?: 'date-time' | 'date';
}

export interface NumberSchemaNode extends SchemaNodeBase {
  type: 'number';
  integer?: boolean;
  minimum?: number;
  exclusiveMinimum?: number;
  maximum?: number;
  /** At most this many decimal places (money: 2). */
  maxDecimals?: number;
}

export interface BooleanSchemaNode extends SchemaNodeBase {
  type: 'boolean';
}

export interface ObjectSchemaNode extends SchemaNodeBase {
  type: 'object';
  fields: Readonly<Record<string, SchemaNode>>;
  /** Fields not listed are refused unless this is true. */
  additionalFields?: boolean;
}

export interface ArraySchemaNode extends SchemaNodeBase {
  type: 'array';
  items: SchemaNode;
  minItems?: number;
  maxItems?: number;
}

export type SchemaNode =
  | StringSchemaNode
  | NumberSchemaNode
  | BooleanSchemaNode
  | ObjectSchemaNode
  | ArraySchemaNode;

/** A whole target document: what one mapping of a flow must produce. */
export interface TargetSchema {
  /** Stable id, referenced by mappings and ERP field profiles. */
  id: string;
  name: string;
  /** Bumped when the schema changes in a way that can change validation results. */
  version: number;
  description: string;
  root: ObjectSchemaNode;
}
