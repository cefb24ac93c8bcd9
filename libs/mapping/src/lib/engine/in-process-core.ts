import { jsonataFactory } from '../compile/jsonata-factory';
import { createErpFunctionLibrary } from './erp-function-library';
import { createEvaluationCore } from './evaluation-core';
import { createFastPathCompiler } from './fast-path';

/** The evaluation core on the current thread (browser preview, tests, trusted callers). */
export const inProcessCore = createEvaluationCore(
  jsonataFactory,
  createErpFunctionLibrary,
  createFastPathCompiler,
);
