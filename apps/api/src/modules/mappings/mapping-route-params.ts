import { ParseIntPipe } from '@nestjs/common';
import { problems } from '../../core/http/problem';

/** `:version` of the mapping routes: a version number (else 400). */
export const versionParam = new ParseIntPipe({ exceptionFactory: () => problems.badRequest('must be a version number', 'version') });
