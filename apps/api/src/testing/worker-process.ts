import { ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';

/** Repository root: the child runs the API's sources from here, as `npm start` does. */
const ROOT = resolve(__dirname, '../../../..');
/**
 * The hooks are registered from code, not with `node -r`: worker threads inherit `-r` and
 * would each load swc first, which makes the mapping sandbox's workers start slower than
 * their budget on a loaded machine. main.ts then runs as in production.
 */
const BOOTSTRAP = `require('@swc-node/register'); require('tsconfig-paths/register'); require('./apps/api/src/main.ts');`;
/** What main.ts prints once the worker context is up (queue consumers, scheduler tick and takeover sweep started). */
const READY_LINE = 'Ferry worker started';
/** Lines of the child's output kept for failure messages. */
const KEPT_LINES = 200;

export interface WorkerProcessOptions {
  /** Shown in failure messages and set as the application_name of its data connections. */
  name: string;
  ownerUrl: string;
  appUrl: string;
  /** The master key the test app wrapped the tenants' data keys with. */
  masterKey: Buffer;
  /** More Ferry configuration (e.g. RUN_LEASE_SECONDS, SCHEDULER_TICK_MS). */
  env?: Record<string, string>;
  startTimeoutMs?: number;
}

export interface WorkerProcess {
  readonly name: string;
  readonly pid: number;
  /** The application_name of its TypeORM connections (pg_stat_activity), for cutting them. */
  readonly applicationName: string;
  /** Resolves with the exit code (null when killed by a signal) once the process has ended. */
  readonly exited: Promise<number | null>;
  /** The last lines the child wrote (stdout and stderr). */
  output(): string;
  /** Null while it runs; then its exit code, or the signal that ended it. */
  exitCode(): number | NodeJS.Signals | null;
  /** Sends the signal and waits until the process is gone. */
  kill(signal: NodeJS.Signals): Promise<void>;
}

const running = new Set<ChildProcess>();
// A test run that ends without afterAll (a crash, a timeout) must not leave workers behind.
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/**
 * Ferry's worker (FERRY_ROLE=worker) as a real child process on the test's database: the
 * production entry point (main.ts: config, migrations, worker context) run from source with
 * swc, so the child always runs the code under test without a build.
 */
export async function startWorkerProcess(options: WorkerProcessOptions): Promise<WorkerProcess> {
  const applicationName = `ferry-test-${options.name}`;
  const appUrl = new URL(options.appUrl);
  appUrl.searchParams.set('application_name', applicationName);
  const child = spawn(process.execPath, ['-e', BOOTSTRAP], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      PATH: process.env['PATH'] ?? '',
      HOME: process.env['HOME'] ?? '',
      // The settings the benchmarks run the API's sources with (esModuleInterop, decorator
      // metadata, @ferry/* paths from the repository root); tsconfig.base.json lacks esModuleInterop.
      TS_NODE_PROJECT: 'apps/api/bench/tsconfig.json',
      FERRY_ROLE: 'worker',
      DATABASE_URL: options.ownerUrl,
      DATABASE_APP_URL: appUrl.toString(),
      FERRY_MASTER_KEY: options.masterKey.toString('base64'),
      // A fixed operator: the first-start bootstrap then prints no one-time password.
      FERRY_ADMIN_EMAIL: 'operator@worker-process.test',
      FERRY_ADMIN_PASSWORD: 'worker-process-operator',
      FERRY_ALLOW_CONNECTOR_BASE_URLS: 'true',
      ORDERS_IMPORT_CHECK_SECONDS: '0',
      LOG_LEVEL: 'warn',
      ...options.env,
    },
  });
  running.add(child);
  const lines: string[] = [];
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  void exited.then(() => running.delete(child));
  let ready: () => void = () => undefined;
  const started = new Promise<void>((done) => (ready = done));
  const collect = (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n')) {
      if (!line) continue;
      lines.push(line);
      if (line.includes(READY_LINE)) ready();
    }
    if (lines.length > KEPT_LINES) lines.splice(0, lines.length - KEPT_LINES);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);

  const worker: WorkerProcess = {
    name: options.name,
    pid: child.pid ?? -1,
    applicationName,
    exited,
    output: () => lines.join('\n'),
    exitCode: () => child.exitCode ?? child.signalCode,
    async kill(signal) {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
  const timeoutMs = options.startTimeoutMs ?? 90_000;
  let timer: NodeJS.Timeout | undefined;
  const outcome = await Promise.race([
    started.then(() => 'ready' as const),
    exited.then(() => 'exited' as const),
    new Promise<'timeout'>((done) => (timer = setTimeout(() => done('timeout'), timeoutMs))),
  ]);
  clearTimeout(timer);
  if (outcome !== 'ready') {
    await worker.kill('SIGKILL');
    throw new Error(`Worker ${options.name} ${outcome === 'exited' ? 'exited' : `did not start within ${timeoutMs} ms`}:\n${worker.output()}`);
  }
  return worker;
}

/** SIGKILLs every worker process still running (afterAll: no orphans, whatever failed). */
export async function killAllWorkerProcesses(): Promise<void> {
  await Promise.all(
    [...running].map(
      (child) =>
        new Promise<void>((done) => {
          if (child.exitCode !== null || child.signalCode !== null) return done();
          child.once('exit', () => done());
          child.kill('SIGKILL');
        }),
    ),
  );
}
