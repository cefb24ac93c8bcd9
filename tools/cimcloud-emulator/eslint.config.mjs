import baseConfig, { serverOnlyImports } from '../../eslint.config.mjs';

// Plain TypeScript: no framework or database code (DESIGN §3).
export default [...baseConfig, serverOnlyImports(['**/*.ts'])];
