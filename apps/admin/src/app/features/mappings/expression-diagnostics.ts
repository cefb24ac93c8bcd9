import { Diagnostic } from '@codemirror/lint';
import { Text } from '@codemirror/state';
import { MappingFailureDto } from '@ferry/contracts';

/** Where a failure points in an expression: document offsets of the marked range. */
export function failureRange(doc: Text, failure: Pick<MappingFailureDto, 'line' | 'column' | 'token'>): { from: number; to: number } {
  if (failure.line === undefined || doc.length === 0) return { from: 0, to: doc.length };
  const line = doc.line(Math.min(Math.max(1, failure.line), doc.lines));
  // The engine's column is 1-based and names the last character of the offending token.
  const column = Math.max(1, failure.column ?? 1);
  const last = Math.min(line.from + column - 1, line.to === line.from ? line.from : line.to - 1);
  const token = failure.token;
  if (token !== undefined && token !== '') {
    const start = last - token.length + 1;
    if (start >= line.from && doc.sliceString(start, last + 1) === token) return { from: start, to: last + 1 };
    // Some errors point just before the token instead (e.g. an unexpected end).
    if (doc.sliceString(last, last + token.length) === token) return { from: last, to: last + token.length };
  }
  return { from: last, to: Math.min(last + 1, line.to) };
}

/** A lint marker for a compile or evaluation failure of one expression. */
export function failureDiagnostic(doc: Text, failure: MappingFailureDto, severity: Diagnostic['severity'] = 'error'): Diagnostic {
  const { from, to } = failureRange(doc, failure);
  const where = failure.line !== undefined ? ` (line ${failure.line}, column ${failure.column ?? 1})` : '';
  return { from, to, severity, message: `${failure.message}${where}`, source: failure.jsonataCode ?? failure.code };
}
