import { ChildProcess, spawn } from 'node:child_process';

/** Runs the built Ferry (dist/apps/api/main.js) as a child process with the given environment. */
export class FerryProcess {
  private child: ChildProcess | null = null;

  constructor(
    private readonly mainJs: string,
    private readonly env: NodeJS.ProcessEnv,
  ) {}

  start(onExit: (code: number | null) => void): void {
    this.child = spawn(process.execPath, [this.mainJs], { env: this.env, stdio: ['ignore', 'inherit', 'inherit'] });
    this.child.on('exit', onExit);
  }

  /** Waits until readiness answers (database reachable), or fails after `timeoutMs`. */
  async ready(url: string, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      try {
        if ((await fetch(`${url}/api/v1/health/ready`)).ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    throw new Error(`Ferry did not become ready at ${url} within ${timeoutMs / 1000} s.`);
  }

  stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  }
}
