import type {
  EvaluationCore,
  PreparedProgram,
} from '../engine/evaluation-core';
import type { MappingFailure } from '../errors/mapping-failure';
import type { SchemaNode, TargetSchema } from '@ferry/contracts';
import type { TargetValidator } from '../validate/validate-target';
import type { ToWorker, WorkerPort, WorkerResult } from './worker-protocol';

/**
 * The message loop of a sandbox worker: keeps prepared programs and target schemas by key,
 * runs batches one record at a time (evaluate, then validate), publishes which record runs
 * since when (shared memory), and answers each batch with one message.
 *
 * Self-contained (shipped as source text, see createErpFunctionLibrary).
 */
/* istanbul ignore next -- runs as source text inside worker threads */
export function runWorkerLoop(
  port: WorkerPort,
  core: EvaluationCore,
  validate: TargetValidator,
  progressBuffer: SharedArrayBuffer,
): void {
  const progressIds = new Int32Array(progressBuffer, 0, 2);
  const progressTime = new Float64Array(progressBuffer, 8, 1);
  const programs = new Map<string, PreparedProgram>();
  const broken = new Map<string, MappingFailure>();
  const schemas = new Map<string, TargetSchema | SchemaNode>();
  let chain: Promise<void> = Promise.resolve();
  port.postMessage({ type: 'ready' });
  port.on('message', (message: ToWorker) => {
    if (message.type === 'program') {
      try {
        programs.set(message.key, core.prepare(message.program));
      } catch (failure) {
        broken.set(message.key, failure as MappingFailure);
      }
      return;
    }
    if (message.type === 'schema') {
      schemas.set(message.key, message.schema);
      return;
    }
    if (message.type === 'forget') {
      schemas.delete(message.key);
      programs.delete(message.key);
      broken.delete(message.key);
      return;
    }
    // Batches run strictly one after the other, records in order.
    chain = chain.then(async () => {
      const results: WorkerResult[] = [];
      for (let index = 0; index < message.tasks.length; index++) {
        const task = message.tasks[index];
        progressTime[0] = Date.now();
        Atomics.store(progressIds, 1, index);
        Atomics.store(progressIds, 0, message.batch);
        const prepared = programs.get(task.key);
        const outcome =
          prepared === undefined
            ? {
                ok: false as const,
                error: broken.get(task.key) ?? {
                  code: 'MAPPING_WORKER_CRASHED' as const,
                  message: 'The worker does not know this mapping version',
                },
                elapsedMs: 0,
              }
            : await core.run(prepared, task.input, task.context);
        const schema =
          task.schemaKey === null ? undefined : schemas.get(task.schemaKey);
        results.push({
          outcome,
          issues:
            outcome.ok && schema !== undefined
              ? validate(outcome.output, schema)
              : null,
        });
      }
      port.postMessage({ type: 'results', batch: message.batch, results });
    });
  });
}
