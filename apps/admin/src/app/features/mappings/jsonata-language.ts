import { StreamLanguage, StreamParser, StringStream } from '@codemirror/language';

/** Where the tokenizer is between lines: inside a `/* … *\/` comment or not, and what came last. */
export interface JsonataTokenState {
  inComment: boolean;
  /** The last token was a value (name, literal, closing bracket): a `/` after it divides, else it opens a regex. */
  afterValue: boolean;
}

const KEYWORDS = new Set(['and', 'or', 'in', 'function']);
const ATOMS: Readonly<Record<string, string>> = { true: 'bool', false: 'bool', null: 'null' };
const OPERATORS = [':=', '!=', '<=', '>=', '~>', '..', '?:', '??', '**'];

function skipComment(stream: StringStream, state: JsonataTokenState): string {
  while (!stream.eol()) {
    if (stream.match('*/')) {
      state.inComment = false;
      return 'comment';
    }
    stream.next();
  }
  return 'comment';
}

function skipString(stream: StringStream, quote: string): void {
  let escaped = false;
  for (let ch = stream.next(); ch !== undefined; ch = stream.next()) {
    if (ch === quote && !escaped) return;
    escaped = !escaped && ch === '\\';
  }
}

/** A regex literal `/…/flags` (jsonata reads one wherever a value may start). */
function skipRegex(stream: StringStream): void {
  let escaped = false;
  let inClass = false;
  for (let ch = stream.next(); ch !== undefined; ch = stream.next()) {
    if (!escaped) {
      if (ch === '[') inClass = true;
      else if (ch === ']') inClass = false;
      else if (ch === '/' && !inClass) {
        stream.match(/^[gimsuy]*/);
        return;
      }
    }
    escaped = !escaped && ch === '\\';
  }
}

/**
 * A CodeMirror stream tokenizer for JSONata (no language package exists): comments,
 * strings, numbers, `$names` and `$`/`$$`, keywords, regexes, operators and path names.
 * Token names are CodeMirror highlight tags, styled by the default highlight style.
 */
export const jsonataStreamParser: StreamParser<JsonataTokenState> = {
  name: 'jsonata',
  startState: () => ({ inComment: false, afterValue: false }),
  copyState: (state) => ({ ...state }),
  token(stream, state) {
    if (state.inComment) return skipComment(stream, state);
    if (stream.eatSpace()) return null;
    if (stream.match('/*')) {
      state.inComment = true;
      return skipComment(stream, state);
    }
    const token = readToken(stream, state);
    state.afterValue = token.value;
    return token.type;
  },
  languageData: { commentTokens: { block: { open: '/*', close: '*/' } } },
};

function readToken(stream: StringStream, state: JsonataTokenState): { type: string | null; value: boolean } {
  const ch = stream.peek() ?? '';
  if (ch === '"' || ch === "'") {
    stream.next();
    skipString(stream, ch);
    return { type: 'string', value: true };
  }
  if (ch === '`') {
    stream.next();
    skipString(stream, '`');
    return { type: 'propertyName', value: true };
  }
  if (stream.match(/^\d+(\.\d+)?([eE][+-]?\d+)?/)) return { type: 'number', value: true };
  if (stream.match(/^\$\$/)) return { type: 'variableName.special', value: true };
  if (stream.match(/^\$[\p{L}\p{N}_]+/u)) {
    return { type: stream.peek() === '(' ? 'variableName.function' : 'variableName', value: true };
  }
  if (ch === '$') {
    stream.next();
    return { type: 'variableName.special', value: true };
  }
  if (ch === '/' && !state.afterValue) {
    stream.next();
    skipRegex(stream);
    return { type: 'regexp', value: true };
  }
  const word = stream.match(/^[\p{L}_][\p{L}\p{N}_]*/u);
  if (word) {
    const text = stream.current();
    if (KEYWORDS.has(text)) return { type: 'keyword', value: false };
    if (ATOMS[text] !== undefined) return { type: ATOMS[text], value: true };
    return { type: 'propertyName', value: true };
  }
  if (stream.match('λ')) return { type: 'keyword', value: false };
  for (const operator of OPERATORS) if (stream.match(operator)) return { type: 'operator', value: false };
  stream.next();
  if (')]}'.includes(ch)) return { type: 'bracket', value: true };
  if ('([{'.includes(ch)) return { type: 'bracket', value: false };
  if (',;'.includes(ch)) return { type: 'punctuation', value: false };
  if ('+-*/%=<>!&?:.|#@^~'.includes(ch)) return { type: 'operator', value: false };
  return { type: 'invalid', value: false };
}

/** JSONata for CodeMirror 6: highlighting through the default highlight style. */
export const jsonataLanguage = StreamLanguage.define(jsonataStreamParser);
