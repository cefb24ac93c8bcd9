import { Flow, MappingDefinition, MappingVersionDiff } from '@ferry/contracts';
import { canonicalJson } from '@ferry/mapping';

type Change = 'added' | 'removed' | 'changed';

/** Named items of two lists that were added, removed or changed (compared as canonical JSON). */
function namedChanges<T>(before: readonly T[], after: readonly T[], name: (item: T) => string): Array<{ name: string; change: Change; before?: T; after?: T }> {
  const old = new Map(before.map((item) => [name(item), item]));
  const now = new Map(after.map((item) => [name(item), item]));
  const changes: Array<{ name: string; change: Change; before?: T; after?: T }> = [];
  for (const [key, item] of now) {
    const previous = old.get(key);
    if (previous === undefined) changes.push({ name: key, change: 'added', after: item });
    else if (canonicalJson(previous) !== canonicalJson(item)) changes.push({ name: key, change: 'changed', before: previous, after: item });
  }
  for (const [key, item] of old) if (!now.has(key)) changes.push({ name: key, change: 'removed', before: item });
  return changes;
}

/** What changed from version `against` to `version`: rules by target, the document expression, tables and tests by name. */
export function diffMappingVersions(flow: Flow, version: number, definition: MappingDefinition, against: { version: number; definition: MappingDefinition } | null): MappingVersionDiff {
  const before = against?.definition ?? { ...definition, fieldRules: [], lookupTables: [], testCases: [], documentExpression: undefined };
  const documentChanged = (before.documentExpression ?? '') !== (definition.documentExpression ?? '');
  return {
    flow,
    version,
    against: against?.version ?? null,
    rules: namedChanges(before.fieldRules, definition.fieldRules, (r) => r.target).map((c) => ({
      target: c.name,
      change: c.change,
      ...(c.before ? { before: c.before.expression } : {}),
      ...(c.after ? { after: c.after.expression } : {}),
    })),
    documentExpression: documentChanged
      ? { ...(before.documentExpression !== undefined ? { before: before.documentExpression } : {}), ...(definition.documentExpression !== undefined ? { after: definition.documentExpression } : {}) }
      : null,
    lookupTables: namedChanges(before.lookupTables, definition.lookupTables, (t) => t.name).map((c) => ({ name: c.name, change: c.change })),
    testCases: namedChanges(before.testCases, definition.testCases, (t) => t.name).map((c) => ({ name: c.name, change: c.change })),
  };
}
