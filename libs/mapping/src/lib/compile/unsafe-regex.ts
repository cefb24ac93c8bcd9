/**
 * Finds regular expressions that can backtrack catastrophically, so they are refused
 * at compile time with a clear message instead of hanging a worker until it is killed:
 * a repeated group that contains another repetition (`(a+)+`, `(.*,){20}`), and a
 * repeated alternation whose branches overlap (`(a|a)*`, `(ab|a)+`). Returns the reason,
 * or null. Not a proof of safety: the worker pool's budget stays the last line.
 */
export function findUnsafeRegexReason(source: string): string | null {
  if (source.length > 1000)
    return 'the regular expression is longer than 1000 characters';
  interface Group {
    start: number;
    repeats: boolean;
    branches: string[];
    branchStart: number;
  }
  const stack: Group[] = [
    { start: 0, repeats: false, branches: [], branchStart: 0 },
  ];
  // What the last atom was, so a following quantifier knows what it repeats.
  let last:
    | { kind: 'atom' }
    | { kind: 'group'; group: Group; text: string }
    | null = null;
  let i = 0;
  const quantifierAt = (at: number): { max: number; length: number } | null => {
    const c = source[at];
    if (c === '*' || c === '+') return { max: Infinity, length: 1 };
    if (c === '?') return { max: 1, length: 1 };
    if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(at));
      if (!m) return null;
      const max =
        m[2] === undefined
          ? Number(m[1])
          : m[3] === ''
            ? Infinity
            : Number(m[3]);
      return { max, length: m[0].length };
    }
    return null;
  };
  while (i < source.length) {
    const c = source[i];
    const top = stack[stack.length - 1];
    if (c === '\\') {
      i += 2;
      last = { kind: 'atom' };
      continue;
    }
    if (c === '[') {
      let j = i + 1;
      if (source[j] === '^') j++;
      if (source[j] === ']') j++;
      while (j < source.length && source[j] !== ']')
        j += source[j] === '\\' ? 2 : 1;
      i = j + 1;
      last = { kind: 'atom' };
      continue;
    }
    if (c === '(') {
      let contentStart = i + 1;
      if (source[i + 1] === '?') {
        const m = /^\?(<[=!]|[:=!]|<[A-Za-z_][A-Za-z0-9_]*>)/.exec(
          source.slice(i + 1),
        );
        contentStart += m ? m[0].length : 1;
      }
      stack.push({
        start: contentStart,
        repeats: false,
        branches: [],
        branchStart: contentStart,
      });
      i = contentStart;
      last = null;
      continue;
    }
    if (c === '|') {
      top.branches.push(source.slice(top.branchStart, i));
      top.branchStart = i + 1;
      i++;
      last = null;
      continue;
    }
    if (c === ')' && stack.length > 1) {
      const group = stack.pop() as Group;
      group.branches.push(source.slice(group.branchStart, i));
      const parent = stack[stack.length - 1];
      if (group.repeats) parent.repeats = true;
      last = { kind: 'group', group, text: source.slice(group.start, i) };
      i++;
      continue;
    }
    const q = quantifierAt(i);
    if (q !== null) {
      if (q.max > 1) {
        if (last?.kind === 'group') {
          const { group, text } = last;
          if (group.repeats)
            return `"(${text})" repeats a group that itself repeats (nested quantifiers backtrack exponentially)`;
          const b = group.branches;
          for (let x = 0; x < b.length; x++) {
            for (let y = 0; y < b.length; y++) {
              if (x !== y && b[y].startsWith(b[x])) {
                return `"(${text})" repeats alternatives that can match the same text (overlapping alternation backtracks exponentially)`;
              }
            }
          }
        }
        top.repeats = true;
      }
      i += q.length;
      if (source[i] === '?') i++;
      last = null;
      continue;
    }
    last = { kind: 'atom' };
    i++;
  }
  return null;
}
