import type {
  ErpFieldProfile,
  ErpFieldRule,
  ObjectSchemaNode,
  SchemaNode,
  TargetSchema,
} from '@ferry/contracts';

function tighten(node: SchemaNode, rule: ErpFieldRule): SchemaNode {
  const merged = { ...node, systemName: rule.erpField } as SchemaNode;
  if (rule.required) merged.required = true;
  if (rule.requiredWhen) merged.requiredWhen = rule.requiredWhen;
  if (rule.allowedOnlyWhen) merged.allowedOnlyWhen = rule.allowedOnlyWhen;
  if (merged.type === 'string') {
    if (rule.maxLength !== undefined)
      merged.maxLength = Math.min(merged.maxLength ?? Infinity, rule.maxLength);
    if (rule.pattern !== undefined) {
      merged.pattern = rule.pattern;
      merged.patternText = rule.patternText;
    }
    if (rule.upperCase) merged.upperCase = true;
    if (rule.allowedValues !== undefined) {
      const base = merged.allowedValues;
      merged.allowedValues =
        base === undefined
          ? rule.allowedValues
          : base.filter((v) => rule.allowedValues?.includes(v));
    }
  }
  if (merged.type === 'number' && rule.exclusiveMinimum !== undefined) {
    merged.exclusiveMinimum = Math.max(
      merged.exclusiveMinimum ?? -Infinity,
      rule.exclusiveMinimum,
    );
  }
  return merged;
}

function apply(
  node: SchemaNode,
  segments: string[],
  rule: ErpFieldRule,
): SchemaNode {
  if (segments.length === 0) return tighten(node, rule);
  const [head, ...rest] = segments;
  const isArray = head.endsWith('[]');
  const name = isArray ? head.slice(0, -2) : head;
  if (
    node.type !== 'object' ||
    !Object.prototype.hasOwnProperty.call(node.fields, name)
  ) {
    throw new Error(
      `ERP profile rule ${rule.erpField}: "${rule.path}" is not a field of the target schema`,
    );
  }
  const child = node.fields[name];
  let replaced: SchemaNode;
  if (isArray) {
    if (child.type !== 'array')
      throw new Error(
        `ERP profile rule ${rule.erpField}: "${name}" is not an array`,
      );
    replaced = { ...child, items: apply(child.items, rest, rule) };
  } else {
    replaced = apply(child, rest, rule);
  }
  return { ...node, fields: { ...node.fields, [name]: replaced } };
}

/**
 * The target schema with an ERP's field rules applied on top (rules only tighten: the
 * shorter length, the narrower value list). Throws if the profile names unknown fields
 * or belongs to another schema.
 */
export function applyErpFieldProfile(
  schema: TargetSchema,
  profile: ErpFieldProfile,
): TargetSchema {
  if (profile.targetSchemaId !== schema.id) {
    throw new Error(
      `ERP profile ${profile.id} applies to ${profile.targetSchemaId}, not ${schema.id}`,
    );
  }
  let root: SchemaNode = schema.root;
  for (const rule of profile.rules)
    root = apply(root, rule.path.split('.'), rule);
  return {
    ...schema,
    id: `${schema.id}+${profile.id}`,
    root: root as ObjectSchemaNode,
  };
}
