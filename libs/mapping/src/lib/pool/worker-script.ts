import { createErpFunctionLibrary } from '../engine/erp-function-library';
import { createEvaluationCore } from '../engine/evaluation-core';
import { createFastPathCompiler } from '../engine/fast-path';
import { createTargetValidator } from '../validate/validate-target';
import { runWorkerLoop } from './worker-loop';

/**
 * The source of a sandbox worker, for `new Worker(script, { eval: true })`.
 *
 * Why source text: the worker must start the same way under Jest (TypeScript through
 * ts-jest), `node -r @swc-node/register`, and the webpack-bundled API, and a worker
 * *file* would need a TypeScript loader in the first two and an extra bundle entry in the
 * third. The engine's worker-side parts are written as self-contained functions (no
 * imports, no module-level helpers), so their compiled text — whatever compiled them —
 * runs as is. jsonata is required by absolute path.
 */
export function buildWorkerScript(): string {
  return [
    `'use strict';`,
    `const { parentPort, workerData } = require('node:worker_threads');`,
    `const jsonataModule = require(workerData.jsonataPath);`,
    `const jsonata = typeof jsonataModule === 'function' ? jsonataModule : jsonataModule.default;`,
    `const createErpFunctionLibrary = (${createErpFunctionLibrary.toString()});`,
    `const createEvaluationCore = (${createEvaluationCore.toString()});`,
    `const createFastPathCompiler = (${createFastPathCompiler.toString()});`,
    `const createTargetValidator = (${createTargetValidator.toString()});`,
    `const runWorkerLoop = (${runWorkerLoop.toString()});`,
    `const core = createEvaluationCore(jsonata, createErpFunctionLibrary, createFastPathCompiler);`,
    `runWorkerLoop(parentPort, core, createTargetValidator(), workerData.progress);`,
  ].join('\n');
}
