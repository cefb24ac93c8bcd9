import { Text } from '@codemirror/state';
import { DEFAULT_ORDER_MAPPING, MappingCompileError, compileMapping } from '@ferry/mapping';
import { MappingDefinition } from '@ferry/contracts';
import { failureDiagnostic, failureRange } from './expression-diagnostics';

const doc = (text: string) => Text.of(text.split('\n'));

/** The engine's failure for one broken rule of the default order mapping. */
function compileFailure(expression: string) {
  const definition: MappingDefinition = {
    ...DEFAULT_ORDER_MAPPING,
    fieldRules: DEFAULT_ORDER_MAPPING.fieldRules.map((r) => (r.target === 'po_number' ? { ...r, expression } : r)),
  };
  try {
    compileMapping(definition);
  } catch (error) {
    if (error instanceof MappingCompileError) return error.failures.find((f) => f.field === 'po_number');
  }
  return undefined;
}

describe('error markers', () => {
  it('marks the token the engine names, at its line and column', () => {
    const expression = '$x := name;\n$truncate($x,, 15)';
    const failure = compileFailure(expression);
    expect(failure).toMatchObject({ line: 2, code: 'MAPPING_SYNTAX_ERROR' });
    const range = failureRange(doc(expression), failure ?? {});
    expect(expression.slice(range.from, range.to)).toBe(failure?.token);
    expect(doc(expression).lineAt(range.from).number).toBe(2);
  });

  it('marks one character at the column when the token is not there', () => {
    const text = 'abc\ndefgh';
    expect(failureRange(doc(text), { line: 2, column: 3 })).toEqual({ from: 6, to: 7 });
    expect(failureRange(doc(text), { line: 2, column: 3, token: 'zz' })).toEqual({ from: 6, to: 7 });
    expect(failureRange(doc(text), { line: 2, column: 3, token: 'def' })).toEqual({ from: 4, to: 7 });
  });

  it('keeps positions inside the document', () => {
    const text = 'ab\n';
    expect(failureRange(doc(text), { line: 9, column: 40 })).toEqual({ from: 3, to: 3 });
    expect(failureRange(doc('abc'), { line: 1, column: 99 })).toEqual({ from: 2, to: 3 });
    expect(failureRange(doc(''), { line: 1, column: 1 })).toEqual({ from: 0, to: 0 });
  });

  it('marks the whole expression when the failure has no position', () => {
    expect(failureRange(doc('a\nb'), {})).toEqual({ from: 0, to: 3 });
  });

  it('says where in its message and names the jsonata code', () => {
    const diagnostic = failureDiagnostic(doc('a +'), { code: 'MAPPING_SYNTAX_ERROR', message: 'Unexpected end', line: 1, column: 3, jsonataCode: 'S0207' });
    expect(diagnostic).toEqual({ from: 2, to: 3, severity: 'error', message: 'Unexpected end (line 1, column 3)', source: 'S0207' });
  });
});
