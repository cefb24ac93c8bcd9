import type {
  ObjectSchemaNode,
  SchemaNode,
  SiblingCondition,
  StringSchemaNode,
  TargetSchema,
} from '@ferry/contracts';
import type { ValidationIssue, ValidationRule } from './validation-issue';

/** Validates a mapped document against a target schema; see validateTarget. */
export type TargetValidator = (
  value: unknown,
  schema: TargetSchema | SchemaNode,
) => ValidationIssue[];

/**
 * Builds the validator. Self-contained (no imports, no module-level helpers) because the
 * worker pool ships its source text into worker threads, which validate what they map
 * (see createErpFunctionLibrary).
 */
/* istanbul ignore next -- runs as source text inside worker threads too */
export function createTargetValidator(): TargetValidator {
  const patterns = new Map<string, RegExp>();
  function patternOf(source: string): RegExp {
    let re = patterns.get(source);
    if (re === undefined) {
      re = new RegExp(source, 'u');
      patterns.set(source, re);
    }
    return re;
  }

  const shown = (value: unknown): ValidationIssue['value'] => {
    if (typeof value === 'string')
      return value.length > 500 ? `${value.slice(0, 497)}...` : value;
    if (
      typeof value === 'number' ||
      typeof value === 'boolean' ||
      value === null
    )
      return value;
    return undefined;
  };

  const typeName = (value: unknown): string =>
    value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;

  const isAbsent = (value: unknown, node: SchemaNode): boolean =>
    value === undefined ||
    (value === null && !node.nullable) ||
    (typeof value === 'string' && value.trim() === '');

  const holds = (
    condition: SiblingCondition,
    siblings: Record<string, unknown>,
  ): boolean =>
    Object.prototype.hasOwnProperty.call(siblings, condition.field) &&
    siblings[condition.field] === condition.equals;

  const fieldLists = new WeakMap<ObjectSchemaNode, [string, SchemaNode][]>();
  const fieldsOf = (node: ObjectSchemaNode): [string, SchemaNode][] => {
    let list = fieldLists.get(node);
    if (list === undefined) {
      list = Object.entries(node.fields);
      fieldLists.set(node, list);
    }
    return list;
  };

  class Collector {
    readonly issues: ValidationIssue[] = [];

    add(
      path: string,
      node: SchemaNode | null,
      rule: ValidationRule,
      message: string,
      value: unknown,
      expected?: ValidationIssue['expected'],
    ): void {
      const label = node?.systemName
        ? `${path || '$'} (${node.systemName})`
        : path || '$';
      const issue: ValidationIssue = {
        path,
        rule,
        message: `${label}: ${message}`,
      };
      const v = shown(value);
      if (v !== undefined) issue.value = v;
      if (expected !== undefined) issue.expected = expected;
      if (node?.systemName) issue.systemName = node.systemName;
      this.issues.push(issue);
    }
  }

  /** Characters (code points), counted only when the UTF-16 length cannot decide. */
  const charCount = (value: string): number =>
    /[\uD800-\uDBFF]/.test(value) ? Array.from(value).length : value.length;

  function checkString(
    node: StringSchemaNode,
    value: string,
    path: string,
    out: Collector,
  ): void {
    const length =
      node.maxLength !== undefined || node.minLength !== undefined
        ? charCount(value)
        : 0;
    if (node.maxLength !== undefined && length > node.maxLength) {
      out.add(
        path,
        node,
        'maxLength',
        `"${value}" is longer than ${node.maxLength} characters (${length})`,
        value,
        node.maxLength,
      );
    }
    if (node.minLength !== undefined && length < node.minLength) {
      out.add(
        path,
        node,
        'minLength',
        `"${value}" is shorter than ${node.minLength} characters`,
        value,
        node.minLength,
      );
    }
    if (node.pattern !== undefined && !patternOf(node.pattern).test(value)) {
      out.add(
        path,
        node,
        'pattern',
        `"${value}" must be ${node.patternText ?? `like /${node.pattern}/`}`,
        value,
        node.pattern,
      );
    }
    if (
      node.allowedValues !== undefined &&
      !node.allowedValues.includes(value)
    ) {
      out.add(
        path,
        node,
        'allowedValues',
        `"${value}" is not one of ${node.allowedValues.join(', ')}`,
        value,
        node.allowedValues,
      );
    }
    if (node.upperCase && value !== value.toUpperCase()) {
      out.add(
        path,
        node,
        'upperCase',
        `"${value}" must be upper case`,
        value,
        'upper case',
      );
    }
    if (node.format !== undefined) {
      const ok =
        node.format === 'date'
          ? /^\d{4}-\d{2}-\d{2}$/.test(value) &&
            !Number.isNaN(Date.parse(value))
          : /^\d{4}-\d{2}-\d{2}T/.test(value) &&
            !Number.isNaN(Date.parse(value));
      if (!ok)
        out.add(
          path,
          node,
          'format',
          `"${value}" is not an ISO 8601 ${node.format}`,
          value,
          node.format,
        );
    }
  }

  function checkNode(
    node: SchemaNode,
    value: unknown,
    path: string,
    out: Collector,
  ): void {
    if (value === null && node.nullable) return;
    switch (node.type) {
      case 'string':
        if (typeof value !== 'string')
          out.add(
            path,
            node,
            'type',
            `must be a string, not ${typeName(value)}`,
            value,
            'string',
          );
        else checkString(node, value, path, out);
        return;
      case 'number':
        if (typeof value !== 'number' || !Number.isFinite(value)) {
          out.add(
            path,
            node,
            'type',
            `must be a number, not ${typeName(value)}`,
            value,
            'number',
          );
          return;
        }
        if (node.integer && !Number.isInteger(value))
          out.add(
            path,
            node,
            'integer',
            `${value} must be a whole number`,
            value,
            'integer',
          );
        if (node.minimum !== undefined && value < node.minimum)
          out.add(
            path,
            node,
            'minimum',
            `${value} is less than ${node.minimum}`,
            value,
            node.minimum,
          );
        if (
          node.exclusiveMinimum !== undefined &&
          value <= node.exclusiveMinimum
        ) {
          out.add(
            path,
            node,
            'exclusiveMinimum',
            `${value} must be greater than ${node.exclusiveMinimum}`,
            value,
            node.exclusiveMinimum,
          );
        }
        if (node.maximum !== undefined && value > node.maximum)
          out.add(
            path,
            node,
            'maximum',
            `${value} is more than ${node.maximum}`,
            value,
            node.maximum,
          );
        if (
          node.maxDecimals !== undefined &&
          Number(value.toFixed(node.maxDecimals)) !== value
        ) {
          out.add(
            path,
            node,
            'maxDecimals',
            `${value} has more than ${node.maxDecimals} decimal places`,
            value,
            node.maxDecimals,
          );
        }
        return;
      case 'boolean':
        if (typeof value !== 'boolean')
          out.add(
            path,
            node,
            'type',
            `must be true or false, not ${typeName(value)}`,
            value,
            'boolean',
          );
        return;
      case 'array':
        if (!Array.isArray(value)) {
          out.add(
            path,
            node,
            'type',
            `must be a list, not ${typeName(value)}`,
            value,
            'array',
          );
          return;
        }
        if (node.minItems !== undefined && value.length < node.minItems) {
          out.add(
            path,
            node,
            'minItems',
            `must have at least ${node.minItems} item${node.minItems === 1 ? '' : 's'} (has ${value.length})`,
            value.length,
            node.minItems,
          );
        }
        if (node.maxItems !== undefined && value.length > node.maxItems) {
          out.add(
            path,
            node,
            'maxItems',
            `must have at most ${node.maxItems} items (has ${value.length})`,
            value.length,
            node.maxItems,
          );
        }
        value.forEach((item, index) => {
          const itemPath = `${path}[${index}]`;
          if (isAbsent(item, node.items))
            out.add(itemPath, node.items, 'required', 'is missing', item);
          else checkNode(node.items, item, itemPath, out);
        });
        return;
      case 'object': {
        if (
          value === null ||
          typeof value !== 'object' ||
          Array.isArray(value)
        ) {
          out.add(
            path,
            node,
            'type',
            `must be an object, not ${typeName(value)}`,
            value,
            'object',
          );
          return;
        }
        const record = value as Record<string, unknown>;
        const prefix = path === '' ? '' : `${path}.`;
        for (const [name, child] of fieldsOf(node)) {
          const childValue = Object.prototype.hasOwnProperty.call(record, name)
            ? record[name]
            : undefined;
          const childPath = `${prefix}${name}`;
          if (isAbsent(childValue, child)) {
            if (child.required)
              out.add(childPath, child, 'required', 'is required', childValue);
            else if (child.requiredWhen && holds(child.requiredWhen, record)) {
              out.add(
                childPath,
                child,
                'requiredWhen',
                `is required when ${child.requiredWhen.field} is ${JSON.stringify(child.requiredWhen.equals)}`,
                childValue,
              );
            }
            continue;
          }
          if (child.allowedOnlyWhen && !holds(child.allowedOnlyWhen, record)) {
            out.add(
              childPath,
              child,
              'allowedOnlyWhen',
              `is only allowed when ${child.allowedOnlyWhen.field} is ${JSON.stringify(child.allowedOnlyWhen.equals)}`,
              childValue,
            );
          }
          checkNode(child, childValue, childPath, out);
        }
        if (!node.additionalFields) {
          for (const name of Object.keys(record)) {
            if (
              !Object.prototype.hasOwnProperty.call(node.fields, name) &&
              record[name] !== undefined
            ) {
              out.add(
                `${prefix}${name}`,
                null,
                'unknownField',
                'is not a field of the target',
                record[name],
              );
            }
          }
        }
        return;
      }
    }
  }

  return (
    value: unknown,
    schema: TargetSchema | SchemaNode,
  ): ValidationIssue[] => {
    const root = 'root' in schema ? schema.root : schema;
    const out = new Collector();
    if (isAbsent(value, root))
      out.add('', root, 'required', 'the mapping produced nothing', value);
    else checkNode(root, value, '', out);
    return out.issues;
  };
}

const validator = createTargetValidator();

/**
 * Checks a mapped document against a target schema (with its ERP profile applied):
 * required, type, lengths, patterns, allowed values, upper case, numbers, list sizes,
 * conditional fields, unknown fields. Returns every issue, each naming its field.
 */
export function validateTarget(
  value: unknown,
  schema: TargetSchema | SchemaNode,
): ValidationIssue[] {
  return validator(value, schema);
}
