import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const workspace = resolve(__dirname, '..', '..', '..');
const ALIASES: Record<string, string> = {
  '@ferry/contracts': join(workspace, 'libs/contracts/src/index.ts'),
};
const NODE_ONLY =
  /^(node:|fs$|path$|os$|crypto$|worker_threads$|child_process$|perf_hooks$|http$|https$)/;

/** Every module specifier reachable from a file, following relative imports and Ferry aliases. */
function reachableImports(
  entry: string,
): { file: string; specifier: string }[] {
  const seen = new Set<string>();
  const found: { file: string; specifier: string }[] = [];
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    const source = readFileSync(file, 'utf8');
    for (const match of source.matchAll(
      /(?:import|export)\s[^;]*?from\s+'([^']+)'|require(?:\.resolve)?\('([^']+)'\)/g,
    )) {
      const specifier = match[1] ?? match[2];
      found.push({ file, specifier });
      const target = specifier.startsWith('.')
        ? resolve(dirname(file), specifier)
        : ALIASES[specifier];
      if (target === undefined) continue;
      const candidates = [target, `${target}.ts`, join(target, 'index.ts')];
      const next = candidates.find((c) => existsSync(c) && c.endsWith('.ts'));
      if (next) visit(next);
    }
  };
  visit(entry);
  return found;
}

describe('entry points', () => {
  it('keep the main entry browser-safe: no Node built-in is reachable from src/index.ts', () => {
    const imports = reachableImports(join(__dirname, 'index.ts'));
    expect(imports.length).toBeGreaterThan(20);
    expect(
      imports.filter(
        (i) => NODE_ONLY.test(i.specifier) && !i.file.endsWith('.spec.ts'),
      ),
    ).toEqual([]);
    const packages = new Set(
      imports
        .map((i) => i.specifier)
        .filter((s) => !s.startsWith('.') && !s.startsWith('@ferry/')),
    );
    expect([...packages]).toEqual(['jsonata']);
  });

  it('puts the worker pool behind the Node entry only', () => {
    const imports = reachableImports(join(__dirname, 'node.ts'));
    expect(imports.some((i) => i.specifier === 'node:worker_threads')).toBe(
      true,
    );
  });
});
