import type { MappingDefinition } from '@ferry/contracts';
import { canonicalJson } from './canonical-json';
import { sha256Hex } from './sha256';

/**
 * Identifies a mapping version by its content: `sha256:` + the SHA-256 of its canonical
 * JSON. Equal definitions hash equally whatever their key order; any change to a rule,
 * lookup table or test case gives a new hash.
 */
export function mappingContentHash(definition: MappingDefinition): string {
  return `sha256:${sha256Hex(canonicalJson(definition))}`;
}
