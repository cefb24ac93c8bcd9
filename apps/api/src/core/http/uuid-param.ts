import { ParseUUIDPipe } from '@nestjs/common';
import { problems } from './problem';

/** Validates an id path parameter; a malformed one is a 400 naming the parameter. */
export function uuidParam(name: string): ParseUUIDPipe {
  return new ParseUUIDPipe({ exceptionFactory: () => problems.badRequest('must be a UUID', name) });
}
