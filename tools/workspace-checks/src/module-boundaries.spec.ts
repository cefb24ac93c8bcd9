import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * The project boundaries of DESIGN §9 are enforced by `npm run lint`. These cases prove the
 * rules really restrict: each forbidden import must be reported, each allowed one must pass.
 */
describe('lint: project boundaries', () => {
  const root = join(__dirname, '../../..');
  const cases: Array<{ filePath: string; source: string }> = [];
  let results: string[][] = [];

  /** Queues a probe now; its problems are read once, after one ESLint run over all probes. */
  function probe(filePath: string, source: string): () => string[] {
    const index = cases.push({ filePath, source }) - 1;
    return () => results[index];
  }

  const forbidden: Array<[string, string, string]> = [
    ['a connector imports another connector', 'libs/shopify/src/lib/probe.ts', "import * as x from '@ferry/cimcloud';"],
    ['a connector imports the mapping engine', 'libs/cimcloud/src/lib/probe.ts', "import * as x from '@ferry/mapping';"],
    ['the admin imports a server-only connector', 'apps/admin/src/app/probe.ts', "import * as x from '@ferry/shopify';"],
    ['the mapping engine imports a connector', 'libs/mapping/src/lib/probe.ts', "import * as x from '@ferry/shopify';"],
    ['an emulator imports Ferry contracts', 'tools/shopify-emulator/src/probe.ts', "import * as x from '@ferry/contracts';"],
    ['the contracts import the mapping engine', 'libs/contracts/src/lib/probe.ts', "import * as x from '@ferry/mapping';"],
  ];

  const forbiddenProbes = forbidden.map(([name, filePath, source]) => [name, probe(filePath, `${source}\nexport const y = x;\n`)] as const);
  const nestInConnector = probe('libs/cimcloud/src/lib/probe.ts', "import { Injectable } from '@nestjs/common';\nexport const y = Injectable;\n");
  const pgInAdmin = probe('apps/admin/src/app/probe.ts', "import { Pool } from 'pg';\nexport const y = Pool;\n");

  const allowed: Array<[string, string, string]> = [
    ['the API imports a connector', 'apps/api/src/probe.ts', "import * as x from '@ferry/shopify';"],
    ['the admin imports the mapping engine', 'apps/admin/src/app/probe.ts', "import * as x from '@ferry/mapping';"],
    ['the mapping engine imports contracts', 'libs/mapping/src/lib/probe.ts', "import * as x from '@ferry/contracts';"],
    ['a connector imports contracts', 'libs/shopify/src/lib/probe.ts', "import * as x from '@ferry/contracts';"],
  ];

  const allowedProbes = allowed.map(([name, filePath, source]) => [name, probe(filePath, `${source}\nexport const y = x;\n`)] as const);

  beforeAll(() => {
    const output = execFileSync('node', [join(__dirname, 'lint-sources.mjs')], { cwd: root, input: JSON.stringify(cases), encoding: 'utf8' });
    results = JSON.parse(output) as string[][];
  }, 120000);

  it.each(forbiddenProbes)('fails when %s', (_, problems) => {
    expect(problems()).toContain('@nx/enforce-module-boundaries');
  });

  it('fails when a connector imports NestJS or the admin imports a server package', () => {
    expect(nestInConnector()).toContain('no-restricted-imports');
    expect(pgInAdmin()).toContain('no-restricted-imports');
  });

  it.each(allowedProbes)('passes when %s', (_, problems) => {
    expect(problems()).toEqual([]);
  });
});
