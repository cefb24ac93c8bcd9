import { ParseIntPipe } from '@nestjs/common';
import { Flow, FLOWS } from '@ferry/contracts';
import { enumParam } from '../../core/http/enum-param';
import { problems } from '../../core/http/problem';

/** `:flow` of the mapping routes: orders, shipments or inventory (else 400). */
export const flowParam = (value: string): Flow => enumParam('flow', FLOWS, value);

/** `:version` of the mapping routes: a version number (else 400). */
export const versionParam = new ParseIntPipe({ exceptionFactory: () => problems.badRequest('must be a version number', 'version') });
