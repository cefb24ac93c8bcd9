import { problems } from './problem';

/** A path parameter that must be one of a fixed set (flow, connection kind…); otherwise a 400 naming it. */
export function enumParam<T extends string>(name: string, allowed: readonly T[], value: string): T {
  if (!(allowed as readonly string[]).includes(value)) throw problems.badRequest(`must be one of ${allowed.join(', ')}`, name);
  return value as T;
}
