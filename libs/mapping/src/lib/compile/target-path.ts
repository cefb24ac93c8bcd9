/** One step of a target path: a field name, and whether it is an array of rows (`name[]`). */
export interface TargetPathSegment {
  name: string;
  isArray: boolean;
}

const NAME = /^[A-Za-z_$][A-Za-z0-9_$-]*$/;
/** Names that would reach an object's prototype if used as keys while building output. */
const FORBIDDEN_NAMES = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Parses `customer.name`, `details[]`, `details[].sku`. Returns a message instead when
 * the path is malformed or names a prototype member (no prototype pollution by mapping).
 */
export function parseTargetPath(path: string): TargetPathSegment[] | string {
  if (typeof path !== 'string' || path.trim() === '')
    return 'the target path is empty';
  if (path.length > 300) return 'the target path is longer than 300 characters';
  const segments: TargetPathSegment[] = [];
  for (const raw of path.split('.')) {
    const isArray = raw.endsWith('[]');
    const name = isArray ? raw.slice(0, -2) : raw;
    if (!NAME.test(name))
      return `"${raw}" is not a valid field name (letters, digits, _ and -, optionally followed by [])`;
    if (FORBIDDEN_NAMES.has(name)) return `"${name}" cannot be a target field`;
    segments.push({ name, isArray });
  }
  return segments;
}
