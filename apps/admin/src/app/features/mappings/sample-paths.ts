/** A field path found in a sample record, for autocompletion. */
export interface SamplePath {
  /** As an expression writes it: `shippingAddress.city`, `` `first name` `` for odd keys. */
  path: string;
  /** `string`, `number`, `boolean`, `null`, `object`, `array`. */
  type: string;
  /** The first value seen there, shortened (scalars only). */
  example?: string;
  /**
   * For paths inside the items of an array: the array's path (`lineItems.nodes`) and the
   * path relative to one item (`sku`), as rules under an iterator (`$` = the row) write it.
   */
  within?: string;
  relative?: string;
}

const MAX_DEPTH = 8;
const MAX_PATHS = 2000;
const IDENTIFIER = /^[\p{L}_][\p{L}\p{N}_]*$/u;

/** One path step as jsonata reads it: a plain name, else a backquoted one. */
export function pathStep(key: string): string {
  return IDENTIFIER.test(key) ? key : `\`${key.replace(/`/g, '')}\``;
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function exampleOf(value: unknown): string | undefined {
  if (value === null || typeof value === 'object') return undefined;
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

/**
 * Every field path of a sample record, in document order. Arrays are stepped through as
 * jsonata does (`lineItems.nodes.sku` maps over the items), the items of all elements
 * merged; paths inside items also carry their array and their item-relative path.
 */
export function samplePaths(sample: unknown): SamplePath[] {
  const found = new Map<string, SamplePath>();
  const visit = (value: unknown, path: string, depth: number, array: { path: string; start: number } | null): void => {
    if (depth > MAX_DEPTH || found.size >= MAX_PATHS) return;
    if (Array.isArray(value)) {
      // The array's items are walked as the array's own path: jsonata flattens the step.
      const inner = path === '' ? null : { path, start: path.length + 1 };
      for (const item of value.slice(0, 50)) visit(item, path, depth + 1, inner ?? array);
      return;
    }
    if (value === null || typeof value !== 'object') return;
    for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
      const childPath = path === '' ? pathStep(key) : `${path}.${pathStep(key)}`;
      if (!found.has(childPath)) {
        const entry: SamplePath = { path: childPath, type: typeOf(child) };
        const example = exampleOf(child);
        if (example !== undefined) entry.example = example;
        if (array !== null) {
          entry.within = array.path;
          entry.relative = childPath.slice(array.start);
        }
        found.set(childPath, entry);
      } else if (found.get(childPath)?.example === undefined) {
        const example = exampleOf(child);
        const entry = found.get(childPath);
        if (entry && example !== undefined) entry.example = example;
      }
      visit(child, childPath, depth + 1, array);
    }
  };
  visit(sample, '', 0, null);
  return [...found.values()];
}
