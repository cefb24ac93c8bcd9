// Node-only entry of the mapping engine: the worker-thread sandbox the API maps with.
// Everything browser-safe is re-exported so the API needs one import path.
export * from './index';
export * from './lib/pool/worker-protocol';
export * from './lib/pool/worker-script';
export * from './lib/pool/mapping-worker-pool';
