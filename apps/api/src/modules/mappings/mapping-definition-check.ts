import { Flow, MappingDefinition } from '@ferry/contracts';
import { checkMapping, resolveTargetSchema } from '@ferry/mapping';
import { problems } from '../../core/http/problem';
import { mappingDoesNotCompile } from './mapping-problems';

/**
 * The definition belongs to this flow and names a target schema (and ERP profile) Ferry has:
 * else 400. `at`: where the definition is in the request body ('' when it is the body).
 */
export function assertDefinitionFitsFlow(flow: Flow, definition: MappingDefinition, at = 'definition'): void {
  const field = (name: string) => (at ? `${at}.${name}` : name);
  if (definition.flow !== flow) throw problems.validation([{ field: field('flow'), message: `must be "${flow}" to publish to the ${flow} mapping` }]);
  try {
    resolveTargetSchema(definition);
  } catch (error) {
    throw problems.validation([{ field: field('targetSchemaId'), message: error instanceof Error ? error.message : 'is not a known target schema' }]);
  }
}

/** Every expression compiles (syntax, targets, regexes, lookup tables): else 400 naming each rule, line and column. */
export function assertDefinitionCompiles(definition: MappingDefinition): void {
  const failures = checkMapping(definition);
  if (failures.length) throw mappingDoesNotCompile(failures);
}
