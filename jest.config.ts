import type { Config } from 'jest';
import { getJestProjectsAsync } from '@nx/jest';

// One Jest run over every project. The API project starts one embedded PostgreSQL for the
// whole run (its globalSetup); test files get their own database cloned from a migrated template.
// testTimeout is a global option (a project's own is ignored in a multi-project run): 30 s
// for every test and hook, since the API's hooks start apps and emulators on a shared 2-core machine.
export default async (): Promise<Config> => ({
  projects: await getJestProjectsAsync(),
  testTimeout: 30000,
});
