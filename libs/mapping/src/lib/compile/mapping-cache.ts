import type { MappingDefinition } from '@ferry/contracts';
import { canonicalJson } from '../hash/canonical-json';
import { mappingContentHash } from '../hash/mapping-content-hash';
import { compileMapping, type CompileOptions } from './compile-mapping';
import type { CompiledMapping } from './compiled-mapping';

/**
 * Compiled mappings by content hash (and guardrails), least recently used evicted. One
 * compile per version, however many records, runs or concurrent evaluations use it.
 * Definitions are treated as immutable (published versions are).
 */
export class MappingCache {
  private readonly entries = new Map<string, CompiledMapping>();
  private compiles = 0;
  // Hashing a definition (test cases included) costs more than a lookup: memo per object.
  private readonly hashes = new WeakMap<MappingDefinition, string>();

  constructor(private readonly capacity = 500) {}

  get(
    definition: MappingDefinition,
    options: CompileOptions = {},
  ): CompiledMapping {
    let hash = this.hashes.get(definition);
    if (hash === undefined) {
      hash = mappingContentHash(definition);
      this.hashes.set(definition, hash);
    }
    const key = `${hash}|${canonicalJson(options.guardrails ?? {})}|${options.fastPath !== false}`;
    const hit = this.entries.get(key);
    if (hit !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const compiled = compileMapping(definition, options);
    this.compiles++;
    this.entries.set(key, compiled);
    if (this.entries.size > this.capacity)
      this.entries.delete(this.entries.keys().next().value as string);
    return compiled;
  }

  /** Number of compilations done (for tests and metrics). */
  get compileCount(): number {
    return this.compiles;
  }

  get size(): number {
    return this.entries.size;
  }
}
