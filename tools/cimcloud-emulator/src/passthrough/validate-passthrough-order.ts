import { isPlainObject } from '../core/json-value';
import {
  CUSTOMER_FIELDS,
  DETAIL_FIELDS,
  ORDER_HEADER_FIELDS,
  REQUIRED_CUSTOMER_FIELDS,
  REQUIRED_DETAIL_FIELDS,
  REQUIRED_SHIPPING_FIELDS,
  SHIPPING_ADDRESS_FIELDS,
  type PassthroughFieldType,
} from './passthrough-fields';
import type { FieldProblem, FieldValue, FieldValues, PassthroughOrder } from './passthrough-order';

export type UnknownFieldPolicy = 'reject' | 'ignore';

export interface ValidationResult {
  /** Present when the record has a usable order number, even if it failed validation. */
  orderNumber?: string;
  order?: PassthroughOrder;
  problems: FieldProblem[];
}

const NESTED = new Set(['customer', 'shipping_address', 'details']);

/**
 * Converts a value the way a lenient .NET JSON binder would (numbers for decimals from
 * numeric strings, strings from numbers); null and blank strings read as absent.
 */
function normalise(value: unknown, type: PassthroughFieldType): FieldValue | undefined | Error {
  if (value === null || value === undefined) return undefined;
  switch (type) {
    case 'string':
      if (typeof value === 'string') return value.trim() === '' ? undefined : value;
      if (typeof value === 'number' || typeof value === 'boolean') return String(value);
      return new Error('must be a string');
    case 'decimal':
      if (typeof value === 'number' && Number.isFinite(value)) return value;
      if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
      return new Error('must be a number');
    case 'boolean':
      if (typeof value === 'boolean') return value;
      if (value === 'true' || value === 'false') return value === 'true';
      return new Error('must be true or false');
    case 'datetime':
      if (typeof value === 'string' && !Number.isNaN(Date.parse(value))) return value;
      return new Error('must be a date and time');
  }
}

function readGroup(
  raw: Record<string, unknown>,
  table: Readonly<Record<string, PassthroughFieldType>>,
  prefix: string,
  policy: UnknownFieldPolicy,
  problems: FieldProblem[],
  skip: ReadonlySet<string> = new Set(),
): FieldValues {
  const values: FieldValues = {};
  for (const [key, value] of Object.entries(raw)) {
    if (skip.has(key)) continue;
    const type = table[key];
    const path = `${prefix}${key}`;
    if (type === undefined) {
      if (policy === 'reject') problems.push({ field: path, message: `${path} is not a known field` });
      continue;
    }
    const normalised = normalise(value, type);
    if (normalised instanceof Error) problems.push({ field: path, message: `${path} ${normalised.message}` });
    else if (normalised !== undefined) values[key] = normalised;
  }
  return values;
}

function requireFields(values: FieldValues, names: readonly string[], prefix: string, problems: FieldProblem[]): void {
  for (const name of names) {
    if (values[name] === undefined && !problems.some((p) => p.field === `${prefix}${name}`)) {
      problems.push({ field: `${prefix}${name}`, message: `${prefix}${name} is required` });
    }
  }
}

/** Checks one posted record against the documented fields and required fields. */
export function validatePassthroughOrder(raw: unknown, policy: UnknownFieldPolicy): ValidationResult {
  const problems: FieldProblem[] = [];
  if (!isPlainObject(raw)) {
    return { problems: [{ field: '', message: 'each record must be a JSON object' }] };
  }
  const header = readGroup(raw, ORDER_HEADER_FIELDS, '', policy, problems, NESTED);
  const orderNumber = typeof header['order_number'] === 'string' ? header['order_number'] : undefined;
  requireFields(header, ['order_number'], '', problems);

  const group = (key: 'customer' | 'shipping_address', table: typeof CUSTOMER_FIELDS, required: readonly string[]) => {
    const value = raw[key];
    if (value === undefined || value === null) {
      problems.push({ field: key, message: `${key} is required` });
      return {};
    }
    if (!isPlainObject(value)) {
      problems.push({ field: key, message: `${key} must be an object` });
      return {};
    }
    const values = readGroup(value, table, `${key}.`, policy, problems);
    requireFields(values, required, `${key}.`, problems);
    return values;
  };
  const customer = group('customer', CUSTOMER_FIELDS, REQUIRED_CUSTOMER_FIELDS);
  const shipping = group('shipping_address', SHIPPING_ADDRESS_FIELDS, REQUIRED_SHIPPING_FIELDS);

  const details: FieldValues[] = [];
  const rawDetails = raw['details'];
  if (!Array.isArray(rawDetails) || rawDetails.length === 0) {
    problems.push({ field: 'details', message: 'details is required and must list at least one line' });
  } else {
    rawDetails.forEach((line: unknown, index) => {
      const prefix = `details[${index}].`;
      if (!isPlainObject(line)) {
        problems.push({ field: `details[${index}]`, message: `details[${index}] must be an object` });
        return;
      }
      const values = readGroup(line, DETAIL_FIELDS, prefix, policy, problems);
      requireFields(values, REQUIRED_DETAIL_FIELDS, prefix, problems);
      details.push(values);
    });
  }

  if (problems.length > 0 || orderNumber === undefined) return { orderNumber, problems };
  const { order_number: _orderNumber, ...rest } = header;
  return {
    orderNumber,
    problems,
    order: { order_number: orderNumber, header: rest, customer, shipping_address: shipping, details },
  };
}
