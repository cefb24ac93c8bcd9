import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { SchemaNode, TargetSchema } from '@ferry/contracts';
import type { CompiledMapping } from '../compile/compiled-mapping';
import type {
  EvaluationContext,
  EvaluationOutcome,
} from '../engine/evaluation-types';
import type { MappingErrorCode } from '../errors/mapping-error-code';
import type { MappedRecord } from '../run/mapped-record';
import type { RecordMapper } from '../run/record-mapper';
import {
  PROGRESS_BYTES,
  type FromWorker,
  type ToWorker,
  type WorkerResult,
} from './worker-protocol';
import { buildWorkerScript } from './worker-script';

export interface MappingWorkerPoolOptions {
  /** Worker threads. Default: the machine's parallelism, at most 4. */
  size?: number;
  /**
   * Wall-clock budget of one record in a worker, in ms (default 1000). Past it the worker
   * is terminated (this stops even a native regex) and replaced; the record fails with
   * MAPPING_BUDGET_EXCEEDED. Keep it above the jsonata timeout of the mappings.
   */
  budgetMs?: number;
  /** Records sent to a worker per message (default 32): amortises messaging. */
  batchSize?: number;
  /** Heap limit of each worker (default 256 MB): a memory bomb kills only its worker. */
  maxOldGenerationSizeMb?: number;
  /** Absolute path of the jsonata module for the workers (default: resolved from here). */
  jsonataPath?: string;
}

export interface MappingWorkerPoolStats {
  size: number;
  busy: number;
  queued: number;
  /** Workers replaced after a kill or a crash. */
  restarts: number;
  completed: number;
}

interface Task {
  key: string;
  mapping: CompiledMapping;
  schema: TargetSchema | SchemaNode | null;
  schemaKey: string | null;
  input: unknown;
  context: EvaluationContext;
  resolve: (result: WorkerResult) => void;
}

interface Slot {
  worker: Worker;
  known: Map<string, true>;
  batch: { id: number; tasks: Task[]; sentAt: number } | null;
  /** Batch id and record index the worker runs (Int32 [0], [1]) and since when (Float64 [1]). */
  progressIds: Int32Array;
  progressTime: Float64Array;
  progress: SharedArrayBuffer;
  timer: ReturnType<typeof setTimeout> | null;
  retired: boolean;
  ready: boolean;
}

/** Workers that die before they are ready, in a row, before the pool stops respawning them. */
const MAX_STARTUP_FAILURES = 3;

/**
 * How long a new worker may take to load jsonata and say it is ready. Records are sent only
 * to ready workers, so start-up never eats into a record's budget: on a loaded machine a
 * start takes seconds, and counting it against the first record's 1 s failed good records
 * and, after three slow starts, broke the pool for good.
 */
const STARTUP_TIMEOUT_MS = 30_000;

/** Programs and schemas a worker keeps; the oldest is forgotten past this. */
const KNOWN_PROGRAMS_PER_WORKER = 200;

/**
 * Where workers load jsonata from: its absolute path here; under a bundler that rewrites
 * `require.resolve` to a module id, the package name (resolved from the working directory).
 */
function resolveJsonata(): string {
  const resolved: unknown = require.resolve('jsonata');
  return typeof resolved === 'string' ? resolved : 'jsonata';
}

/**
 * A pool of worker threads that evaluate user mappings (DESIGN §5): a runaway expression
 * (infinite recursion, huge ranges, catastrophic regex, memory bomb) fails its own record
 * within the budget and never blocks the event loop; a killed or crashed worker is
 * replaced, and the other records of its batch are re-queued untouched.
 */
export class MappingWorkerPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Task[] = [];
  private readonly script = buildWorkerScript();
  private readonly budgetMs: number;
  private readonly batchSize: number;
  private readonly maxOldGenerationSizeMb: number;
  private readonly jsonataPath: string;
  private nextBatch = 1;
  private restarts = 0;
  private completed = 0;
  private closed = false;
  private startupFailures = 0;
  private readonly schemaKeys = new WeakMap<object, string>();
  private nextSchema = 0;
  /** Set when workers cannot even start (e.g. jsonata not found): every record fails with it. */
  private broken: string | null = null;

  constructor(options: MappingWorkerPoolOptions = {}) {
    this.budgetMs = options.budgetMs ?? 1000;
    this.batchSize = Math.max(1, options.batchSize ?? 32);
    this.maxOldGenerationSizeMb = options.maxOldGenerationSizeMb ?? 256;
    this.jsonataPath = options.jsonataPath ?? resolveJsonata();
    const size = Math.max(
      1,
      options.size ?? Math.min(4, availableParallelism()),
    );
    for (let i = 0; i < size; i++) this.slots.push(this.spawn());
  }

  /** Evaluates one record of a compiled mapping in a worker. Never rejects. */
  async evaluate(
    mapping: CompiledMapping,
    input: unknown,
    context: EvaluationContext,
  ): Promise<EvaluationOutcome> {
    return (await this.submit(mapping, input, context, null)).outcome;
  }

  /** Evaluates one record in a worker and validates its output there too. Never rejects. */
  async map(
    mapping: CompiledMapping,
    input: unknown,
    context: EvaluationContext,
    schema: TargetSchema | SchemaNode | null,
  ): Promise<MappedRecord> {
    const { outcome, issues } = await this.submit(
      mapping,
      input,
      context,
      schema,
    );
    if (!outcome.ok)
      return {
        ok: false,
        error: outcome.error,
        issues: [],
        elapsedMs: outcome.elapsedMs,
      };
    const found = issues ?? [];
    return {
      ok: found.length === 0,
      output: outcome.output,
      issues: found,
      elapsedMs: outcome.elapsedMs,
    };
  }

  private submit(
    mapping: CompiledMapping,
    input: unknown,
    context: EvaluationContext,
    schema: TargetSchema | SchemaNode | null,
  ): Promise<WorkerResult> {
    if (this.closed)
      return Promise.resolve(
        this.failure('MAPPING_POOL_CLOSED', 'The mapping pool is closed', 0),
      );
    if (this.broken !== null)
      return Promise.resolve(
        this.failure('MAPPING_WORKER_CRASHED', this.broken, 0),
      );
    return new Promise((resolve) => {
      const key = `${mapping.hash}|${JSON.stringify(mapping.program.guardrails)}|${mapping.program.fastPath}`;
      this.queue.push({
        key,
        mapping,
        schema,
        schemaKey: schema === null ? null : this.schemaKey(schema),
        input,
        context,
        resolve,
      });
      this.dispatch();
    });
  }

  /** A key per schema object (schemas are immutable data, sent once per worker). */
  private schemaKey(schema: TargetSchema | SchemaNode): string {
    let key = this.schemaKeys.get(schema);
    if (key === undefined) {
      key = `schema:${++this.nextSchema}`;
      this.schemaKeys.set(schema, key);
    }
    return key;
  }

  /** A RecordMapper (for test runs and impact previews) that maps through the pool. */
  mapperFor(
    mapping: CompiledMapping,
    schema: TargetSchema | SchemaNode | null,
  ): RecordMapper {
    return (input, context) => this.map(mapping, input, context, schema);
  }

  stats(): MappingWorkerPoolStats {
    return {
      size: this.slots.length,
      busy: this.slots.filter((s) => s.batch !== null).length,
      queued: this.queue.length,
      restarts: this.restarts,
      completed: this.completed,
    };
  }

  /** Stops every worker; queued and running records fail with MAPPING_POOL_CLOSED. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const pending = this.queue.splice(0);
    for (const slot of this.slots) {
      if (slot.timer) clearTimeout(slot.timer);
      slot.retired = true;
      if (slot.batch) pending.push(...slot.batch.tasks);
      slot.batch = null;
    }
    for (const task of pending)
      task.resolve(
        this.failure('MAPPING_POOL_CLOSED', 'The mapping pool was closed', 0),
      );
    await Promise.all(this.slots.map((slot) => slot.worker.terminate()));
  }

  private failure(
    code: MappingErrorCode,
    message: string,
    elapsedMs: number,
  ): WorkerResult {
    return {
      outcome: { ok: false, error: { code, message }, elapsedMs },
      issues: null,
    };
  }

  private spawn(): Slot {
    const progress = new SharedArrayBuffer(PROGRESS_BYTES);
    const worker = new Worker(this.script, {
      eval: true,
      workerData: { jsonataPath: this.jsonataPath, progress },
      resourceLimits: {
        maxOldGenerationSizeMb: this.maxOldGenerationSizeMb,
        stackSizeMb: 4,
      },
      stdout: false,
      stderr: false,
    });
    const slot: Slot = {
      worker,
      known: new Map(),
      batch: null,
      progress,
      progressIds: new Int32Array(progress, 0, 2),
      progressTime: new Float64Array(progress, 8, 1),
      timer: null,
      retired: false,
      ready: false,
    };
    worker.on('message', (message: FromWorker) =>
      this.onMessage(slot, message),
    );
    worker.on('error', (error: Error) => this.onCrash(slot, error));
    worker.on('exit', (code) =>
      this.onCrash(slot, new Error(`worker exited with code ${code}`)),
    );
    slot.timer = setTimeout(
      () =>
        this.onCrash(
          slot,
          new Error(`did not start within ${STARTUP_TIMEOUT_MS / 1000} s`),
        ),
      STARTUP_TIMEOUT_MS,
    );
    return slot;
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (this.queue.length === 0) return;
      if (slot.batch !== null || slot.retired || !slot.ready) continue;
      const tasks = this.queue.splice(0, this.batchSize);
      for (const task of tasks) this.teach(slot, task);
      const id = this.nextBatch++;
      slot.batch = { id, tasks, sentAt: Date.now() };
      const message: ToWorker = {
        type: 'run',
        batch: id,
        tasks: tasks.map((t) => ({
          key: t.key,
          schemaKey: t.schemaKey,
          input: t.input,
          context: t.context,
        })),
      };
      slot.worker.postMessage(message);
      slot.timer = setTimeout(() => this.checkBudget(slot), this.budgetMs);
    }
  }

  /** Sends the program and the schema to the worker unless it has them (workers keep a bounded set). */
  private teach(slot: Slot, task: Task): void {
    this.ensureKnown(slot, task.key, () => ({
      type: 'program',
      key: task.key,
      program: task.mapping.program,
    }));
    const { schemaKey, schema } = task;
    if (schemaKey !== null && schema !== null)
      this.ensureKnown(slot, schemaKey, () => ({
        type: 'schema',
        key: schemaKey,
        schema,
      }));
  }

  private ensureKnown(slot: Slot, key: string, message: () => ToWorker): void {
    if (slot.known.has(key)) {
      slot.known.delete(key);
      slot.known.set(key, true);
      return;
    }
    slot.worker.postMessage(message());
    slot.known.set(key, true);
    if (slot.known.size > KNOWN_PROGRAMS_PER_WORKER) {
      const oldest = slot.known.keys().next().value as string;
      slot.known.delete(oldest);
      slot.worker.postMessage({
        type: 'forget',
        key: oldest,
      } satisfies ToWorker);
    }
  }

  private onMessage(slot: Slot, message: FromWorker): void {
    if (message.type === 'ready') {
      slot.ready = true;
      this.startupFailures = 0;
      if (slot.timer) clearTimeout(slot.timer);
      slot.timer = null;
      this.dispatch();
      return;
    }
    const batch = slot.batch;
    if (
      slot.retired ||
      message.type !== 'results' ||
      batch === null ||
      message.batch !== batch.id
    )
      return;
    message.results.forEach((result, index) =>
      batch.tasks[index].resolve(result),
    );
    this.completed += message.results.length;
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.batch = null;
    this.dispatch();
  }

  /** Which record of the batch runs, and since when (the batch's send time until it starts). */
  private running(slot: Slot): { index: number; since: number } {
    const batch = slot.batch as NonNullable<Slot['batch']>;
    if (Atomics.load(slot.progressIds, 0) !== batch.id)
      return { index: 0, since: batch.sentAt };
    return {
      index: Atomics.load(slot.progressIds, 1),
      since: slot.progressTime[0],
    };
  }

  /** Budget timer: kill the worker if the running record is over budget, else look again when it would be. */
  private checkBudget(slot: Slot): void {
    if (slot.retired || slot.batch === null) return;
    const { since } = this.running(slot);
    const elapsed = Date.now() - since;
    if (elapsed < this.budgetMs) {
      slot.timer = setTimeout(
        () => this.checkBudget(slot),
        this.budgetMs - elapsed,
      );
      return;
    }
    this.fail(
      slot,
      'MAPPING_BUDGET_EXCEEDED',
      `The mapping ran past its budget of ${this.budgetMs} ms and its worker was stopped`,
    );
  }

  private onCrash(slot: Slot, error: Error & { code?: string }): void {
    if (slot.retired) return;
    const reason =
      error.code === 'ERR_WORKER_OUT_OF_MEMORY'
        ? 'ran out of memory'
        : `crashed (${error.message})`;
    this.fail(
      slot,
      'MAPPING_WORKER_CRASHED',
      `The mapping worker ${reason} while mapping this record`,
    );
  }

  /** Fails the running record, re-queues the rest of its batch, replaces the worker. */
  private fail(slot: Slot, code: MappingErrorCode, message: string): void {
    if (slot.retired) return;
    slot.retired = true;
    if (slot.timer) clearTimeout(slot.timer);
    const batch = slot.batch;
    const running = batch === null ? null : this.running(slot);
    slot.batch = null;
    void slot.worker.terminate();
    if (batch !== null && !slot.ready) {
      // The worker died before running anything: no record is to blame.
      this.queue.unshift(...batch.tasks);
    } else if (batch !== null && running !== null) {
      // The running record fails; the others (done but unreported, or not started) go back
      // to the queue: mapping is pure, running one again is harmless.
      batch.tasks[running.index].resolve(
        this.failure(code, message, Date.now() - running.since),
      );
      this.completed++;
      this.queue.unshift(...batch.tasks.filter((_, i) => i !== running.index));
    }
    if (this.closed) return;
    if (!slot.ready && ++this.startupFailures >= MAX_STARTUP_FAILURES) {
      // Respawning a worker that cannot start would loop forever: fail everything instead.
      this.broken = `The mapping workers cannot start: ${message}`;
      for (const task of this.queue.splice(0))
        task.resolve(this.failure('MAPPING_WORKER_CRASHED', this.broken, 0));
      return;
    }
    this.restarts++;
    this.slots[this.slots.indexOf(slot)] = this.spawn();
    this.dispatch();
  }
}
