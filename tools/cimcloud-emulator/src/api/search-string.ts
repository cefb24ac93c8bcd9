import type { JsonObject, JsonValue } from '../core/json-value';
import { HttpError, errorBody } from '../http/http-error';

/**
 * The documented searchstring filter (`searchlike~nm~bob|and|(…|or|…)`): a subset with
 * and/or, parentheses, <<date>> and <<dateadd:unit:n>>. `searchequal` is an ASSUMED name.
 */
type Filter =
  | { kind: 'command'; op: string; field: string; values: string[] }
  | { kind: 'and' | 'or'; left: Filter; right: Filter };

const COMPARISONS = new Set([
  'searchlike',
  'searchequal',
  'searchnotequal',
  'searchgreaterthan',
  'searchgreaterthanequal',
  'searchgreatherthanequal', // spelled so in CIMcloud's own example
  'searchlessthan',
  'searchlessthanequal',
  'searchbetween',
]);

const bad = (message: string): HttpError => new HttpError(400, errorBody(`Invalid searchstring: ${message}`));

class Parser {
  private pos = 0;

  constructor(private readonly text: string) {}

  parse(): Filter {
    const filter = this.or(0);
    if (this.pos !== this.text.length) throw bad(`unexpected "${this.text.slice(this.pos)}"`);
    return filter;
  }

  private or(depth: number): Filter {
    let left = this.and(depth);
    while (this.text.startsWith('|or|', this.pos)) {
      this.pos += 4;
      left = { kind: 'or', left, right: this.and(depth) };
    }
    return left;
  }

  private and(depth: number): Filter {
    let left = this.term(depth);
    while (this.text.startsWith('|and|', this.pos)) {
      this.pos += 5;
      left = { kind: 'and', left, right: this.term(depth) };
    }
    return left;
  }

  private term(depth: number): Filter {
    if (this.text[this.pos] === '(') {
      this.pos++;
      const inner = this.or(depth + 1);
      if (this.text[this.pos] !== ')') throw bad('missing ")"');
      this.pos++;
      return inner;
    }
    let end = this.pos;
    while (end < this.text.length) {
      if (this.text.startsWith('|and|', end) || this.text.startsWith('|or|', end)) break;
      if (depth > 0 && this.text[end] === ')') break;
      end++;
    }
    const [op, field, ...values] = this.text.slice(this.pos, end).split('~');
    this.pos = end;
    const name = op.toLowerCase();
    if (!COMPARISONS.has(name)) throw bad(`unknown command "${op}"`);
    if (!field || values.length === 0 || (name === 'searchbetween' && values.length < 2)) {
      throw bad(`"${op}" needs a field and a value`);
    }
    return { kind: 'command', op: name, field, values };
  }
}

/** Resolves <<date>> and <<dateadd:days:-10>> against the emulator's clock. */
function resolveValue(value: string, nowMs: number): string {
  const fn = /^<<(date|dateadd):?(\w+)?:?(-?\d+)?>>$/i.exec(value);
  if (!fn) return value;
  const date = new Date(nowMs);
  if (fn[1].toLowerCase() === 'dateadd') {
    const amount = Number(fn[3] ?? 0);
    const unit = (fn[2] ?? 'days').toLowerCase();
    if (unit.startsWith('day')) date.setUTCDate(date.getUTCDate() + amount);
    else if (unit.startsWith('hour')) date.setUTCHours(date.getUTCHours() + amount);
    else if (unit.startsWith('minute')) date.setUTCMinutes(date.getUTCMinutes() + amount);
    else if (unit.startsWith('month')) date.setUTCMonth(date.getUTCMonth() + amount);
    else throw bad(`unknown dateadd unit "${unit}"`);
    return date.toISOString();
  }
  return date.toISOString().slice(0, 10);
}

const ISO_LIKE = /^\d{4}-\d{2}-\d{2}/;

/** Compares a row value with a filter value: numbers, then dates, then text (case-insensitive). */
function compare(rowValue: JsonValue, value: string): number {
  if (typeof rowValue === 'number' && value.trim() !== '' && Number.isFinite(Number(value))) return rowValue - Number(value);
  const text = rowValue === null ? '' : String(rowValue);
  if (ISO_LIKE.test(text)) {
    const a = Date.parse(text);
    const b = Date.parse(value);
    if (!Number.isNaN(a) && !Number.isNaN(b)) return a - b;
  }
  return text.toLowerCase().localeCompare(value.toLowerCase());
}

function matches(filter: Filter, row: JsonObject, nowMs: number): boolean {
  if (filter.kind !== 'command') {
    const left = matches(filter.left, row, nowMs);
    return filter.kind === 'and' ? left && matches(filter.right, row, nowMs) : left || matches(filter.right, row, nowMs);
  }
  if (!(filter.field in row)) throw bad(`invalid column name "${filter.field}"`);
  const rowValue = row[filter.field];
  const [first, second] = filter.values.map((v) => resolveValue(v, nowMs));
  switch (filter.op) {
    case 'searchlike':
      return String(rowValue ?? '').toLowerCase().includes(first.toLowerCase());
    case 'searchequal':
      return compare(rowValue, first) === 0;
    case 'searchnotequal':
      return compare(rowValue, first) !== 0;
    case 'searchgreaterthan':
      return compare(rowValue, first) > 0;
    case 'searchgreaterthanequal':
    case 'searchgreatherthanequal':
      return compare(rowValue, first) >= 0;
    case 'searchlessthan':
      return compare(rowValue, first) < 0;
    case 'searchlessthanequal':
      return compare(rowValue, first) <= 0;
    default:
      return compare(rowValue, first) >= 0 && compare(rowValue, second) <= 0;
  }
}

/** Filters rows by a searchstring; an empty searchstring keeps them all. */
export function applySearchString(rows: JsonObject[], searchString: string | undefined, nowMs: number): JsonObject[] {
  if (!searchString) return rows;
  const filter = new Parser(searchString).parse();
  return rows.filter((row) => matches(filter, row, nowMs));
}
