import baseConfig from '../../eslint.config.mjs';
import { serverOnlyImports } from '../../eslint.restrictions.mjs';

// Emulators are an independent reading of the public docs: nothing of Ferry's, no framework.
export default [...baseConfig, serverOnlyImports];
