import type { Config } from 'jest';
import { getJestProjectsAsync } from '@nx/jest';

// One Jest run over every project. The API project starts one embedded PostgreSQL for the
// whole run (its globalSetup); test files get their own database cloned from a migrated template.
export default async (): Promise<Config> => ({
  projects: await getJestProjectsAsync(),
});
