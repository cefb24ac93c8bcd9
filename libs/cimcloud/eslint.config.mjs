import baseConfig from '../../eslint.config.mjs';
import { serverOnlyImports } from '../../eslint.restrictions.mjs';

// Plain TypeScript: no NestJS, TypeORM or database driver (DESIGN §3).
export default [...baseConfig, serverOnlyImports];
