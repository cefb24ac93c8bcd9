import baseConfig, { serverOnlyImports } from '../../eslint.config.mjs';

// A dev script: it drives the emulators and Ferry over HTTP, like a person would.
export default [...baseConfig, serverOnlyImports(['**/*.ts'])];
