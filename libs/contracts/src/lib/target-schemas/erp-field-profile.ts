import type { SiblingCondition } from './schema-node';

/**
 * One ERP import rule on top of a target schema field. `path` names the target field:
 * dotted names, `[]` for every item of an array (`details[].sku`).
 */
export interface ErpFieldRule {
  path: string;
  /** The ERP's own field name, shown in messages (`ShipToCity`). */
  erpField: string;
  required?: boolean;
  maxLength?: number;
  pattern?: string;
  patternText?: string;
  allowedValues?: readonly string[];
  upperCase?: boolean;
  exclusiveMinimum?: number;
  requiredWhen?: SiblingCondition;
  allowedOnlyWhen?: SiblingCondition;
}

/**
 * An ERP's field rules as data (DESIGN §4.3), so that Sage 300 or Acumatica can get
 * their own profile without code changes. Rules only tighten the target schema.
 */
export interface ErpFieldProfile {
  id: string;
  name: string;
  /** The target schema these rules apply to. */
  targetSchemaId: string;
  rules: readonly ErpFieldRule[];
}
