import { CsvSyntaxError, parseCsv, toCsv } from './csv';

describe('CSV', () => {
  it('round-trips cells with commas, quotes and line breaks', () => {
    const rows = [['key', 'value'], ['UPS, Ground', 'say "hi"'], ['multi\nline', '']];
    expect(parseCsv(toCsv(rows))).toEqual(rows);
  });

  it('reads LF and CRLF files, with or without a final newline and a BOM', () => {
    expect(parseCsv('\uFEFFa,b\nc,d')).toEqual([['a', 'b'], ['c', 'd']]);
    expect(parseCsv('a,b\r\nc,d\r\n')).toEqual([['a', 'b'], ['c', 'd']]);
  });

  it('neutralises spreadsheet formulas on export', () => {
    expect(toCsv([['=cmd()', '+1', 'ok']])).toBe("'=cmd(),'+1,ok\r\n");
  });

  it('names the line of a syntax error', () => {
    expect(() => parseCsv('a,b\n"open,c\n')).toThrow(new CsvSyntaxError(3, 'a quoted cell is not closed'));
    expect(() => parseCsv('a,b\nx"y,c\n')).toThrow('line 2: a quote inside an unquoted cell');
  });
});
