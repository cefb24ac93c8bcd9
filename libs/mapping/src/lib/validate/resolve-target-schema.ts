import {
  ERP_FIELD_PROFILES,
  TARGET_SCHEMAS,
  type MappingDefinition,
  type TargetSchema,
} from '@ferry/contracts';
import { applyErpFieldProfile } from './apply-erp-field-profile';

const resolved = new Map<string, TargetSchema>();

/**
 * The schema a mapping's output is validated against: its target schema with its ERP
 * profile applied, from the schemas shipped in `@ferry/contracts`. Memoized.
 */
export function resolveTargetSchema(
  definition: Pick<MappingDefinition, 'targetSchemaId' | 'erpProfileId'>,
): TargetSchema {
  const key = `${definition.targetSchemaId}|${definition.erpProfileId ?? ''}`;
  const hit = resolved.get(key);
  if (hit !== undefined) return hit;
  const schema = Object.prototype.hasOwnProperty.call(
    TARGET_SCHEMAS,
    definition.targetSchemaId,
  )
    ? TARGET_SCHEMAS[definition.targetSchemaId]
    : undefined;
  if (schema === undefined)
    throw new Error(`Unknown target schema "${definition.targetSchemaId}"`);
  let result = schema;
  if (definition.erpProfileId !== undefined) {
    const profile = Object.prototype.hasOwnProperty.call(
      ERP_FIELD_PROFILES,
      definition.erpProfileId,
    )
      ? ERP_FIELD_PROFILES[definition.erpProfileId]
      : undefined;
    if (profile === undefined)
      throw new Error(`Unknown ERP field profile "${definition.erpProfileId}"`);
    result = applyErpFieldProfile(schema, profile);
  }
  resolved.set(key, result);
  return result;
}
