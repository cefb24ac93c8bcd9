import { FieldError } from './http';
import { ORDER_DEFAULT_FIELDS, OrderDefaults } from './order-defaults';

export interface OrderDefaultsCheck {
  /** Trimmed, codes upper-cased, empty strings dropped. */
  values: OrderDefaults;
  errors: FieldError[];
}

/**
 * The one check of default order values, used by the API before saving and by the admin
 * form as the person types: the Sage 100 rules of ORDER_DEFAULT_FIELDS plus the hold rule.
 */
export function checkOrderDefaults(input: Record<string, unknown>): OrderDefaultsCheck {
  const errors: FieldError[] = [];
  const values: Record<string, string | boolean> = {};
  const known = new Set<string>(ORDER_DEFAULT_FIELDS.map((f) => f.key));
  for (const key of Object.keys(input)) if (!known.has(key)) errors.push({ field: key, message: 'is not a known field' });

  for (const field of ORDER_DEFAULT_FIELDS) {
    const raw = input[field.key];
    if (raw === undefined || raw === null || raw === '') {
      if (field.required) errors.push({ field: field.key, message: 'is required' });
      continue;
    }
    if (field.kind === 'flag') {
      if (typeof raw !== 'boolean') errors.push({ field: field.key, message: 'must be true or false' });
      else values[field.key] = raw;
      continue;
    }
    if (typeof raw !== 'string') {
      errors.push({ field: field.key, message: 'must be text' });
      continue;
    }
    const value = field.upperCase ? raw.trim().toUpperCase() : raw.trim();
    const problem = ruleProblem(field, value);
    if (problem) errors.push({ field: field.key, message: problem });
    else if (value !== '') values[field.key] = value;
    else if (field.required) errors.push({ field: field.key, message: 'is required' });
  }

  const onHold = values['orderStatus'] === 'H';
  if (onHold && !values['holdReasonCode'] && !errors.some((e) => e.field === 'holdReasonCode')) {
    errors.push({ field: 'holdReasonCode', message: 'is required when the order status is H (hold)' });
  }
  if (!onHold && values['holdReasonCode']) errors.push({ field: 'holdReasonCode', message: 'is allowed only when the order status is H (hold)' });
  return { values: values as unknown as OrderDefaults, errors };
}

function ruleProblem(field: (typeof ORDER_DEFAULT_FIELDS)[number], value: string): string | null {
  if (field.maxLength !== undefined && value.length > field.maxLength) return `must be at most ${field.maxLength} characters (got ${value.length})`;
  if (field.pattern && !new RegExp(field.pattern).test(value)) return `must be ${field.patternText ?? `like ${field.pattern}`}`;
  if (field.allowedValues && !field.allowedValues.includes(value)) return `must be one of ${field.allowedValues.join(', ')}`;
  return null;
}
