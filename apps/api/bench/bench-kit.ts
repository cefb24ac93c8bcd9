import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedDatabase } from '../src/core/database/embedded-database';
import { migrateDatabase } from '../src/core/database/migrate-database';
import { FerryConfig, loadConfig } from '../src/core/config/ferry-config';
import { MasterKeys } from '../src/core/secrets/master-keys';

/** Small shared helpers of the API benchmarks: a throwaway database, config, figures. */

export const print = (line = ''): void => {
  // Benchmarks print their figures; the lint rule against console is for app code.
  process.stdout.write(`${line}\n`);
};

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export function envNumber(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a non-negative number (got "${raw}")`);
  return value;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no free port'))));
    });
  });
}

export interface BenchDatabase {
  ownerUrl: string;
  appUrl: string;
  stop(): Promise<void>;
}

/** A real PostgreSQL in a throwaway folder on a free port, migrated like production (owner + app role). */
export async function startBenchDatabase(): Promise<BenchDatabase> {
  const dataDir = await mkdtemp(join(tmpdir(), 'ferry-bench-'));
  await chmod(dataDir, 0o711);
  const server = await startEmbeddedDatabase({ dataDir, port: await freePort(), database: 'ferry_bench', persistent: false });
  try {
    await migrateDatabase(server.ownerUrl, server.appUrl);
  } catch (error) {
    await server.stop();
    throw error;
  }
  return { ownerUrl: server.ownerUrl, appUrl: server.appUrl, stop: () => server.stop() };
}

/** Ferry's validated configuration for a bench process; `env` wins over the defaults. */
export function benchConfig(env: Record<string, string>): FerryConfig {
  return loadConfig({ LOG_LEVEL: process.env['BENCH_LOG_LEVEL'] ?? 'error', FERRY_ADMIN_DIST: '/nonexistent', ...env });
}

export const benchMasterKeys = (): MasterKeys => new MasterKeys(randomBytes(32), null);

export interface Summary {
  count: number;
  p50: number;
  p95: number;
  max: number;
  mean: number;
}

/** Nearest-rank percentiles (no interpolation: every figure printed is a measured value). */
export function summarize(values: number[]): Summary {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
  return {
    count: sorted.length,
    p50: rank(50),
    p95: rank(95),
    max: sorted[sorted.length - 1] ?? NaN,
    mean: sorted.length ? sorted.reduce((a, b) => a + b, 0) / sorted.length : NaN,
  };
}

export const ms = (value: number): string => (Number.isFinite(value) ? `${Math.round(value).toLocaleString('en-US')} ms` : 'n/a');

export function formatSummary(s: Summary): string {
  return `n=${s.count}  p50 ${ms(s.p50)}  p95 ${ms(s.p95)}  max ${ms(s.max)}  mean ${ms(s.mean)}`;
}

/** Polls `probe` until it returns a value or the deadline passes (then undefined). */
export async function waitFor<T>(probe: () => Promise<T | undefined> | T | undefined, timeoutMs: number, everyMs = 100): Promise<T | undefined> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() >= deadline) return undefined;
    await sleep(everyMs);
  }
}
