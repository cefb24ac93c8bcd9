import { StringStream } from '@codemirror/language';
import { jsonataStreamParser, JsonataTokenState } from './jsonata-language';

/** The tokens of some lines as `[text, type]`, blanks left out, the state carried across lines. */
function tokens(...lines: string[]): [string, string | null][] {
  const parser = jsonataStreamParser;
  const state = parser.startState?.(2) as JsonataTokenState;
  const out: [string, string | null][] = [];
  for (const line of lines) {
    const stream = new StringStream(line, 2, 2);
    while (!stream.eol()) {
      const type = parser.token(stream, state);
      const text = stream.current();
      if (text.trim() !== '') out.push([text, type]);
      stream.start = stream.pos;
    }
  }
  return out;
}

describe('jsonata tokenizer', () => {
  it('reads paths, strings, numbers and operators', () => {
    expect(tokens('shippingAddress.city & "x\\"y" & 12.5e2')).toEqual([
      ['shippingAddress', 'propertyName'],
      ['.', 'operator'],
      ['city', 'propertyName'],
      ['&', 'operator'],
      ['"x\\"y"', 'string'],
      ['&', 'operator'],
      ['12.5e2', 'number'],
    ]);
  });

  it('tells functions, variables and the context variables apart', () => {
    expect(tokens('$truncate($a.name, 15) ~> $$ ; $')).toEqual([
      ['$truncate', 'variableName.function'],
      ['(', 'bracket'],
      ['$a', 'variableName'],
      ['.', 'operator'],
      ['name', 'propertyName'],
      [',', 'punctuation'],
      ['15', 'number'],
      [')', 'bracket'],
      ['~>', 'operator'],
      ['$$', 'variableName.special'],
      [';', 'punctuation'],
      ['$', 'variableName.special'],
    ]);
  });

  it('reads keywords, literals, assignments and backquoted names', () => {
    expect(tokens("$x := `first name` and true or null in ['a']")).toEqual([
      ['$x', 'variableName'],
      [':=', 'operator'],
      ['`first name`', 'propertyName'],
      ['and', 'keyword'],
      ['true', 'bool'],
      ['or', 'keyword'],
      ['null', 'null'],
      ['in', 'keyword'],
      ['[', 'bracket'],
      ["'a'", 'string'],
      [']', 'bracket'],
    ]);
  });

  it('carries a block comment across lines', () => {
    expect(tokens('name /* a', 'b */ & sku')).toEqual([
      ['name', 'propertyName'],
      ['/* a', 'comment'],
      ['b */', 'comment'],
      ['&', 'operator'],
      ['sku', 'propertyName'],
    ]);
  });

  it('reads a slash as a regex where a value starts and as division after a value', () => {
    expect(tokens('$match(sku, /^[A-Z/]+-\\d/i)')).toContainEqual(['/^[A-Z/]+-\\d/i', 'regexp']);
    expect(tokens('total / 2')).toEqual([
      ['total', 'propertyName'],
      ['/', 'operator'],
      ['2', 'number'],
    ]);
  });

  it('never stalls on unexpected characters', () => {
    expect(tokens('a ¤ b')).toEqual([
      ['a', 'propertyName'],
      ['¤', 'invalid'],
      ['b', 'propertyName'],
    ]);
  });
});
