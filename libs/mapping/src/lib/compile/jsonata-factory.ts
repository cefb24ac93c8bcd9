import * as jsonataModule from 'jsonata';
import type { JsonataFactory } from '../engine/evaluation-types';

/**
 * jsonata is a CommonJS `export =` function. Depending on the consumer's `esModuleInterop`
 * (the API sets it, this library does not, bundlers differ), a namespace import gives
 * either the function or `{ default: function }`: accept both.
 */
const loaded = jsonataModule as unknown as
  | JsonataFactory
  | { default: JsonataFactory };
export const jsonataFactory: JsonataFactory =
  typeof loaded === 'function' ? loaded : loaded.default;
