import type {
  EvaluationContext,
  EvaluationOutcome,
} from '../engine/evaluation-types';
import type { MappingFailure } from '../errors/mapping-failure';
import type { ProgramSource } from '../engine/program-source';
import type { SchemaNode, TargetSchema } from '@ferry/contracts';
import type { ValidationIssue } from '../validate/validation-issue';

/** Main thread → worker. */
export type ToWorker =
  | { type: 'program'; key: string; program: ProgramSource }
  | { type: 'forget'; key: string }
  | { type: 'schema'; key: string; schema: TargetSchema | SchemaNode }
  | {
      type: 'run';
      batch: number;
      tasks: {
        key: string;
        schemaKey: string | null;
        input: unknown;
        context: EvaluationContext;
      }[];
    };

/** One record's result: the evaluation, and the validation issues when a schema was given. */
export interface WorkerResult {
  outcome: EvaluationOutcome;
  issues: ValidationIssue[] | null;
}

/**
 * Worker → main thread: the outcomes of a whole batch at once (one message per batch).
 * Progress inside a batch is published through shared memory instead (WorkerProgress).
 */
export type FromWorker =
  | { type: 'ready' }
  | { type: 'results'; batch: number; results: WorkerResult[] }
  | { type: 'program-error'; key: string; failure: MappingFailure };

/**
 * Which record a worker is running and since when, in a SharedArrayBuffer the main thread
 * reads when a budget timer fires: no message per record, and a kill names the right record.
 * Layout: Int32 [0] batch id, [1] record index; Float64 [1] start time (epoch ms).
 */
export const PROGRESS_BYTES = 16;

/** The port the worker loop talks through (node:worker_threads' parentPort). */
export interface WorkerPort {
  on(event: 'message', listener: (message: ToWorker) => void): void;
  postMessage(message: FromWorker): void;
}
