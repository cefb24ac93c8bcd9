import type { MappingFailure } from './mapping-failure';

/** Thrown by `compileMapping` when a definition has errors; lists all of them. */
export class MappingCompileError extends Error {
  constructor(readonly failures: readonly MappingFailure[]) {
    super(
      `Mapping does not compile: ${failures
        .map(
          (f) =>
            `${f.field ?? 'mapping'}${f.line ? ` (line ${f.line}, column ${f.column})` : ''}: ${f.message}`,
        )
        .join('; ')}`,
    );
    this.name = 'MappingCompileError';
  }
}
