import type { DefaultOrderValues } from './default-order-values';
import type { MappingFlow } from './mapping-flow';

/**
 * One field rule: the JSONata expression whose value goes to `target`.
 *
 * `target` is a dotted path (`customer.name`). A path ending in `[]` (`details[]`) is an
 * iterator: its expression lists the source rows (`$nodes(lineItems)`), and every rule
 * below it (`details[].sku`) is evaluated once per row, with the row as `$`, the whole
 * source document as `$$` and the row's position as `$index`.
 */
export interface FieldRule {
  target: string;
  expression: string;
  /** Why the rule is what it is, for the people who maintain it. */
  note?: string;
}

export interface LookupRow {
  key: string;
  value: string;
}

/** A cross-reference table read by `$lookup(table, key[, fallback])`. */
export interface LookupTable {
  name: string;
  description?: string;
  /** Match keys ignoring case and surrounding blanks. */
  ignoreCase?: boolean;
  rows: LookupRow[];
}

/** Evaluation context of a test case or a preview (the same as a sync run's). */
export interface MappingRunContext {
  /** The tenant's default values (order defaults for the orders flow), bound as `$defaults`. */
  defaults?: DefaultOrderValues | Record<string, unknown>;
  /** The run's timestamp (ISO 8601), bound as `$runAt`. */
  runAt: string;
}

/** Input → expected output. A failing case reports field-level differences. */
export interface MappingTestCase {
  name: string;
  input: unknown;
  context?: Partial<MappingRunContext>;
  expected: unknown;
}

/**
 * A mapping version as plain JSON: what the REST API and the admin exchange, what a CLI
 * would keep in a file. A content hash of it identifies the version.
 */
export interface MappingDefinition {
  flow: MappingFlow;
  /** Id of the target schema the output is validated against. */
  targetSchemaId: string;
  /** Id of the ERP field profile applied on top of the target schema, if any. */
  erpProfileId?: string;
  fieldRules: FieldRule[];
  /**
   * Optional expression for pro-services, evaluated after the field rules with their
   * result bound as `$mapped`; its value is the mapping's output.
   */
  documentExpression?: string;
  lookupTables: LookupTable[];
  testCases: MappingTestCase[];
}
