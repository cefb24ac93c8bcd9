import type { JsonValue } from '../engine/json-value';
import type { FieldDifference } from './field-difference';

const isObject = (v: unknown): v is Record<string, JsonValue> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * Field-level differences between two JSON documents (before → after): objects by key,
 * arrays by position, scalars by value. `undefined` means absent.
 */
export function diffJson(
  before: JsonValue | undefined,
  after: JsonValue | undefined,
  path = '',
): FieldDifference[] {
  const here = path === '' ? '$' : path;
  if (before === undefined && after === undefined) return [];
  if (before === undefined) return [{ path: here, kind: 'added', after }];
  if (after === undefined) return [{ path: here, kind: 'removed', before }];
  if (isObject(before) && isObject(after)) {
    const keys = [
      ...new Set([...Object.keys(before), ...Object.keys(after)]),
    ].sort();
    const has = (o: Record<string, JsonValue>, k: string) =>
      Object.prototype.hasOwnProperty.call(o, k);
    return keys.flatMap((key) =>
      diffJson(
        has(before, key) ? before[key] : undefined,
        has(after, key) ? after[key] : undefined,
        path === '' ? key : `${path}.${key}`,
      ),
    );
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    const out: FieldDifference[] = [];
    for (let i = 0; i < Math.max(before.length, after.length); i++)
      out.push(...diffJson(before[i], after[i], `${path}[${i}]`));
    return out;
  }
  return Object.is(before, after)
    ? []
    : [{ path: here, kind: 'changed', before, after }];
}
