import { ERP_FUNCTION_NAMES } from '@ferry/mapping';

/** A `$name` an expression can use: a function or a binding, with a line of help. */
export interface ExpressionName {
  /** Without the `$`. */
  name: string;
  kind: 'function' | 'binding';
  info: string;
  /** Where it is available: every rule, rules under an iterator (`details[].…`), the document expression. */
  scope: 'all' | 'iterator' | 'document';
}

/** jsonata 2.x's built-in functions (`$now` and `$millis` are bound to the run's time, `$eval` is refused). */
const JSONATA_FUNCTIONS: readonly (readonly [string, string])[] = [
  ['string', '$string(arg[, prettify]) — the value as a string'],
  ['length', '$length(str) — number of characters'],
  ['substring', '$substring(str, start[, length])'],
  ['substringBefore', '$substringBefore(str, chars)'],
  ['substringAfter', '$substringAfter(str, chars)'],
  ['uppercase', '$uppercase(str)'],
  ['lowercase', '$lowercase(str)'],
  ['trim', '$trim(str) — removes surrounding blanks, collapses inner ones'],
  ['pad', '$pad(str, width[, char])'],
  ['contains', '$contains(str, pattern)'],
  ['split', '$split(str, separator[, limit])'],
  ['join', '$join(array[, separator])'],
  ['match', '$match(str, pattern[, limit])'],
  ['replace', '$replace(str, pattern, replacement[, limit])'],
  ['base64encode', '$base64encode(str)'],
  ['base64decode', '$base64decode(str)'],
  ['encodeUrlComponent', '$encodeUrlComponent(str)'],
  ['encodeUrl', '$encodeUrl(str)'],
  ['decodeUrlComponent', '$decodeUrlComponent(str)'],
  ['decodeUrl', '$decodeUrl(str)'],
  ['number', '$number(arg) — a number from a numeric string'],
  ['abs', '$abs(number)'],
  ['floor', '$floor(number)'],
  ['ceil', '$ceil(number)'],
  ['round', '$round(number[, precision]) — rounds half to even'],
  ['power', '$power(base, exponent)'],
  ['sqrt', '$sqrt(number)'],
  ['random', '$random()'],
  ['formatNumber', '$formatNumber(number, picture[, options])'],
  ['formatBase', '$formatBase(number[, radix])'],
  ['formatInteger', '$formatInteger(number, picture)'],
  ['parseInteger', '$parseInteger(string, picture)'],
  ['sum', '$sum(array)'],
  ['max', '$max(array)'],
  ['min', '$min(array)'],
  ['average', '$average(array)'],
  ['count', '$count(array)'],
  ['append', '$append(array1, array2)'],
  ['sort', '$sort(array[, function])'],
  ['reverse', '$reverse(array)'],
  ['shuffle', '$shuffle(array)'],
  ['distinct', '$distinct(array)'],
  ['zip', '$zip(array1, …)'],
  ['keys', '$keys(object)'],
  ['spread', '$spread(object)'],
  ['merge', '$merge(array<object>)'],
  ['each', '$each(object, function)'],
  ['sift', '$sift(object, function)'],
  ['type', '$type(value)'],
  ['error', '$error(message)'],
  ['assert', '$assert(condition, message)'],
  ['boolean', '$boolean(arg)'],
  ['not', '$not(arg)'],
  ['exists', '$exists(arg)'],
  ['map', '$map(array, function)'],
  ['filter', '$filter(array, function)'],
  ['single', '$single(array, function)'],
  ['reduce', '$reduce(array, function[, init])'],
  ['now', '$now() — the run time (use $formatDate($runAt, …) to format it)'],
  ['millis', '$millis() — the run time in epoch milliseconds'],
  ['fromMillis', '$fromMillis(number[, picture[, timezone]])'],
  ['toMillis', '$toMillis(timestamp[, picture])'],
];

/** Help for the ERP function library (names from libs/mapping's ERP_FUNCTION_NAMES). */
const ERP_FUNCTION_HELP: Readonly<Record<(typeof ERP_FUNCTION_NAMES)[number], string>> = {
  truncate: '$truncate(text, maxLength) — cut to the ERP field length',
  padLeft: '$padLeft(text, width[, char])',
  padRight: '$padRight(text, width[, char])',
  pad: '$pad(text, width[, char]) — negative width pads on the left',
  code: '$code(text[, maxLength]) — trimmed, upper-case ERP code',
  formatDate: '$formatDate(date, "MM/DD/YYYY"[, utcOffset])',
  splitName: '$splitName(fullName) — { first, last }',
  money: '$money(amount[, decimals]) — rounded number from "12.50"',
  wrap: '$wrap(text, width) — lines broken between words',
  nodes: '$nodes(connection) — the items of a GraphQL connection',
  yesNo: '$yesNo(flag[, fallback]) — "Y" or "N"',
};

const BINDINGS: readonly ExpressionName[] = [
  { name: 'defaults', kind: 'binding', info: "$defaults — the tenant's default order values", scope: 'all' },
  { name: 'lookup', kind: 'function', info: '$lookup(table, key[, fallback]) — a lookup table value', scope: 'all' },
  { name: 'runAt', kind: 'binding', info: "$runAt — the run's timestamp (ISO 8601)", scope: 'all' },
  { name: 'index', kind: 'binding', info: "$index — the row's position (rules under an iterator)", scope: 'iterator' },
  { name: 'mapped', kind: 'binding', info: "$mapped — the field rules' result (document expression)", scope: 'document' },
];

/** Every `$name` of the mapping language: bindings first, then the ERP library, then jsonata's built-ins. */
export const EXPRESSION_NAMES: readonly ExpressionName[] = [
  ...BINDINGS,
  ...ERP_FUNCTION_NAMES.map((name): ExpressionName => ({ name, kind: 'function', info: ERP_FUNCTION_HELP[name], scope: 'all' })),
  ...JSONATA_FUNCTIONS.filter(([name]) => !(ERP_FUNCTION_NAMES as readonly string[]).includes(name)).map(
    ([name, info]): ExpressionName => ({ name, kind: 'function', info, scope: 'all' }),
  ),
];
