import { Foundation1764201600000 } from './1764201600000-foundation';

/** Every migration, in order. New ones are appended here. */
export const MIGRATIONS = [Foundation1764201600000];
