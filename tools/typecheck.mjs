// Type-checks every project's tsconfig (app/lib and spec) with `tsc --noEmit`.
// Jest transpiles without type-checking for speed; this is where types are enforced.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const roots = ['apps', 'libs', 'tools'];
const configs = [];
for (const root of roots) {
  for (const entry of readdirSync(root, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    for (const name of ['tsconfig.app.json', 'tsconfig.lib.json', 'tsconfig.spec.json']) {
      const file = join(root, entry.name, name);
      if (existsSync(file)) configs.push(file);
    }
  }
}
// Benchmarks have their own tsconfig (they run outside the app's build).
for (const extra of ['apps/api/bench/tsconfig.json']) if (existsSync(extra)) configs.push(extra);
let failed = 0;
for (const config of configs) {
  try {
    execFileSync('npx', ['tsc', '-p', config, '--noEmit'], { stdio: 'inherit' });
    console.warn(`typecheck ok: ${config}`);
  } catch {
    failed++;
    console.error(`typecheck FAILED: ${config}`);
  }
}
process.exit(failed ? 1 : 0);
