import { SchemaNode, TargetSchema } from '@ferry/contracts';

/** A field of the target schema, as a field rule targets it, with the rules its value must meet. */
export interface TargetField {
  /** Rule target: `customer.name`, `details[]` (an iterator), `details[].sku`. */
  target: string;
  type: SchemaNode['type'];
  required: boolean;
  maxLength?: number;
  allowedValues?: readonly string[];
  /** The receiving system's name for it (`ShipToCity`). */
  systemName?: string;
  description?: string;
}

/** The leaf and array fields of a target schema (objects are reached through their fields), in schema order. */
export function targetFields(schema: TargetSchema): TargetField[] {
  const fields: TargetField[] = [];
  const visit = (node: SchemaNode, target: string): void => {
    if (node.type === 'object') {
      for (const [name, child] of Object.entries(node.fields)) visit(child, target === '' ? name : `${target}.${name}`);
      return;
    }
    const field: TargetField = { target: node.type === 'array' ? `${target}[]` : target, type: node.type, required: node.required === true };
    if (node.type === 'string') {
      if (node.maxLength !== undefined) field.maxLength = node.maxLength;
      if (node.allowedValues !== undefined) field.allowedValues = node.allowedValues;
    }
    if (node.systemName !== undefined) field.systemName = node.systemName;
    if (node.description !== undefined) field.description = node.description;
    fields.push(field);
    if (node.type === 'array') {
      if (node.items.type === 'object') {
        for (const [name, child] of Object.entries(node.items.fields)) visit(child, `${target}[].${name}`);
      }
    }
  };
  visit(schema.root, '');
  return fields;
}

/** A concrete output path (`details[2].sku`) as a rule target (`details[].sku`). */
export function ruleTargetOf(path: string): string {
  return path.replace(/\[\d+\]/g, '[]');
}

/** The rules a target field's value must meet, in a few words ("required · max 30 · S, B"). */
export function describeRules(field: TargetField): string[] {
  const parts: string[] = [];
  if (field.required) parts.push('required');
  if (field.maxLength !== undefined) parts.push(`max ${field.maxLength}`);
  if (field.allowedValues !== undefined) parts.push(`one of ${field.allowedValues.join(', ')}`);
  return parts;
}
