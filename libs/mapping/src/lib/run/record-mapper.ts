import type { SchemaNode, TargetSchema } from '@ferry/contracts';
import type { CompiledMapping } from '../compile/compiled-mapping';
import type { EvaluationContext } from '../engine/evaluation-types';
import { mapRecord } from './map-record';
import type { MappedRecord } from './mapped-record';

/**
 * Maps one record of one mapping version: in-process (`inProcessMapper`) or through the
 * worker pool (`pool.mapperFor`). Test runs and impact previews take either.
 */
export type RecordMapper = (
  input: unknown,
  context: EvaluationContext,
) => Promise<MappedRecord>;

export function inProcessMapper(
  mapping: CompiledMapping,
  schema: TargetSchema | SchemaNode | null,
): RecordMapper {
  return (input, context) => mapRecord(mapping, input, context, schema);
}
