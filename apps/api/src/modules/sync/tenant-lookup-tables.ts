import { LookupRow, MappingDefinition } from '@ferry/contracts';

/**
 * The tenant's lookup tables (edited on the setup pages) replace same-named tables of the
 * mapping file. An empty tenant table is "not set up yet" and leaves the mapping's own rows.
 */
export function withTenantLookupTables(definition: MappingDefinition, tables: Array<{ name: string; rows: LookupRow[] }>): MappingDefinition {
  const filled = tables.filter((t) => t.rows.length > 0);
  const names = new Set(filled.map((t) => t.name));
  return {
    ...definition,
    lookupTables: [...definition.lookupTables.filter((t) => !names.has(t.name)), ...filled.map((t) => ({ name: t.name, ignoreCase: true, rows: t.rows }))],
  };
}
