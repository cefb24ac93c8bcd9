import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { register } from 'tsconfig-paths';

// `node -r @swc-node/register` compiles TypeScript but does not read the workspace's
// path aliases (tsconfig.base.json): register them before the engine is loaded.
const root = join(__dirname, '..', '..', '..');
const base = JSON.parse(
  readFileSync(join(root, 'tsconfig.base.json'), 'utf8'),
) as { compilerOptions: { paths: Record<string, string[]> } };
register({ baseUrl: root, paths: base.compilerOptions.paths });
