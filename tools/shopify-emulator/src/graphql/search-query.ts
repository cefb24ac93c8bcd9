/**
 * The subset of Shopify's search syntax Ferry relies on:
 * `field:value`, comparators `:>`, `:>=`, `:<`, `:<=`, quoted values ('…' or "…"),
 * implicit or explicit AND, OR between groups, `-field:value` / `NOT field:value`,
 * a trailing `*` prefix wildcard. Dates compare as instants.
 */
export type Comparator = '=' | '>' | '>=' | '<' | '<=';

export interface SearchTerm {
  field: string | null;
  comparator: Comparator;
  value: string;
  negated: boolean;
}

/** OR of AND-groups. An empty query matches everything. */
export type SearchQuery = SearchTerm[][];

function tokenize(input: string): string[] {
  const tokens: string[] = [];
  let current = '';
  let quote: string | null = null;
  for (const ch of input) {
    if (quote) {
      current += ch;
      if (ch === quote) quote = null;
    } else if (ch === "'" || ch === '"') {
      quote = ch;
      current += ch;
    } else if (/\s/.test(ch)) {
      if (current) tokens.push(current);
      current = '';
    } else if (ch === '(' || ch === ')') {
      // grouping is not emulated; parentheses are dropped
      if (current) tokens.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  if (current) tokens.push(current);
  return tokens;
}

function unquote(value: string): string {
  if (
    value.length >= 2 &&
    (value[0] === "'" || value[0] === '"') &&
    value[value.length - 1] === value[0]
  ) {
    return value.slice(1, -1).replace(/\\(.)/g, '$1');
  }
  return value;
}

function parseTerm(token: string, negated: boolean): SearchTerm {
  let raw = token;
  let neg = negated;
  if (raw.startsWith('-')) {
    neg = true;
    raw = raw.slice(1);
  }
  const colon = raw.indexOf(':');
  if (colon <= 0)
    return { field: null, comparator: '=', value: unquote(raw), negated: neg };
  const field = raw.slice(0, colon).toLowerCase();
  let rest = raw.slice(colon + 1);
  let comparator: Comparator = '=';
  for (const candidate of ['>=', '<=', '>', '<'] as const) {
    if (rest.startsWith(candidate)) {
      comparator = candidate;
      rest = rest.slice(candidate.length);
      break;
    }
  }
  return { field, comparator, value: unquote(rest), negated: neg };
}

export function parseSearchQuery(
  input: string | null | undefined,
): SearchQuery {
  if (!input || !input.trim()) return [];
  const groups: SearchQuery = [[]];
  let negateNext = false;
  for (const token of tokenize(input)) {
    if (token === 'AND') continue;
    if (token === 'OR') {
      groups.push([]);
      continue;
    }
    if (token === 'NOT') {
      negateNext = true;
      continue;
    }
    groups[groups.length - 1]?.push(parseTerm(token, negateNext));
    negateNext = false;
  }
  return groups.filter((g) => g.length > 0);
}

/** A field's value(s) for matching; undefined means the field is not searchable. */
export type FieldValue = string | number | boolean | null;
export type FieldLookup = (
  field: string | null,
) => FieldValue | FieldValue[] | undefined;

const DATE_LIKE = /^\d{4}-\d{2}-\d{2}/;

function compareOne(actual: FieldValue, term: SearchTerm): boolean {
  if (actual === null) return false;
  if (typeof actual === 'number') {
    const wanted = Number(term.value);
    return applyComparator(actual - wanted, term.comparator);
  }
  if (typeof actual === 'boolean')
    return String(actual) === term.value.toLowerCase();
  if (DATE_LIKE.test(actual) && DATE_LIKE.test(term.value)) {
    const wanted = Date.parse(
      /T|\s/.test(term.value) || term.value.length > 10
        ? term.value
        : `${term.value}T00:00:00Z`,
    );
    return applyComparator(Date.parse(actual) - wanted, term.comparator);
  }
  const a = actual.toLowerCase();
  const b = term.value.toLowerCase();
  if (term.comparator === '=')
    return b.endsWith('*') ? a.startsWith(b.slice(0, -1)) : a === b;
  return applyComparator(a < b ? -1 : a > b ? 1 : 0, term.comparator);
}

function applyComparator(diff: number, comparator: Comparator): boolean {
  switch (comparator) {
    case '=':
      return diff === 0;
    case '>':
      return diff > 0;
    case '>=':
      return diff >= 0;
    case '<':
      return diff < 0;
    case '<=':
      return diff <= 0;
  }
}

function termMatches(term: SearchTerm, lookup: FieldLookup): boolean {
  const values = lookup(term.field);
  // Unknown fields are ignored by Shopify's search rather than rejected.
  if (values === undefined) return true;
  const list = Array.isArray(values) ? values : [values];
  const hit = list.some((v) => compareOne(v, term));
  return term.negated ? !hit : hit;
}

export function matchesSearch(
  query: SearchQuery,
  lookup: FieldLookup,
): boolean {
  if (query.length === 0) return true;
  return query.some((group) =>
    group.every((term) => termMatches(term, lookup)),
  );
}
