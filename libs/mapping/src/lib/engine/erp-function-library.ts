/** A function callable from mapping expressions as `$name(...)`. */
export type MappingFunction = (...args: unknown[]) => unknown;

/** Names of the ERP function library, as documented for mapping authors. */
export const ERP_FUNCTION_NAMES = [
  'truncate',
  'padLeft',
  'padRight',
  'pad',
  'code',
  'formatDate',
  'splitName',
  'money',
  'wrap',
  'nodes',
  'yesNo',
] as const;

/**
 * The ERP function library bound into every mapping (DESIGN §5): truncate, pad, codes,
 * dates, names, money; plus a bounded replacement of jsonata's `$pad`.
 *
 * Self-contained on purpose: it references nothing outside its own body, because the
 * worker pool ships its source text (`Function.prototype.toString`) into worker threads,
 * which run without a TypeScript loader. Errors are thrown as `{ code, message, value }`
 * like jsonata's own, so jsonata adds the expression position.
 */
/* istanbul ignore next -- runs as source text inside worker threads too */
export function createErpFunctionLibrary(
  maxStringLength: number,
): Record<string, MappingFunction> {
  const fail = (fn: string, message: string, value?: unknown): never => {
    throw {
      code: 'FERRY_FUNCTION_ARGUMENT',
      message: `$${fn}: ${message}`,
      value,
    };
  };
  const text = (fn: string, value: unknown): string | undefined => {
    if (value === undefined || value === null) return undefined;
    if (typeof value === 'string') return value;
    if (typeof value === 'number' || typeof value === 'boolean')
      return String(value);
    return fail(fn, 'expects a string', value);
  };
  const count = (
    fn: string,
    value: unknown,
    name: string,
    max: number,
  ): number => {
    if (
      typeof value !== 'number' ||
      !Number.isInteger(value) ||
      value < 0 ||
      value > max
    ) {
      return fail(fn, `${name} must be a whole number from 0 to ${max}`, value);
    }
    return value;
  };
  const padChar = (fn: string, value: unknown, fallback: string): string => {
    if (value === undefined) return fallback;
    if (typeof value !== 'string' || Array.from(value).length !== 1)
      return fail(fn, 'the pad character must be one character', value);
    return value;
  };
  const pad = (
    fn: string,
    value: unknown,
    width: unknown,
    char: unknown,
    left: boolean,
  ): string | undefined => {
    const s = text(fn, value);
    if (s === undefined) return undefined;
    const w = count(fn, width, 'width', maxStringLength);
    const c = padChar(fn, char, ' ');
    const missing = w - Array.from(s).length;
    if (missing <= 0) return s;
    return left ? c.repeat(missing) + s : s + c.repeat(missing);
  };
  const two = (n: number): string => String(n).padStart(2, '0');

  return {
    /** `$truncate(text, length)`: at most `length` characters (code points), trailing blanks removed. */
    truncate(value: unknown, length: unknown): unknown {
      const s = text('truncate', value);
      if (s === undefined) return undefined;
      const n = count('truncate', length, 'length', maxStringLength);
      if (s.length <= n) return s; // UTF-16 length bounds the character count
      const chars = Array.from(s);
      return chars.length <= n ? s : chars.slice(0, n).join('').trimEnd();
    },
    /** `$padLeft(text, width[, char])`: pads on the left to `width` (zero-fill codes with "0"). */
    padLeft(value: unknown, width: unknown, char?: unknown): unknown {
      return pad('padLeft', value, width, char, true);
    },
    /** `$padRight(text, width[, char])`: pads on the right to `width`. */
    padRight(value: unknown, width: unknown, char?: unknown): unknown {
      return pad('padRight', value, width, char, false);
    },
    /** jsonata's `$pad(text, width[, char])` (negative width pads left), with a bounded width. */
    pad(value: unknown, width: unknown, char?: unknown): unknown {
      if (typeof width !== 'number' || !Number.isInteger(width))
        return fail('pad', 'width must be a whole number', width);
      return pad('pad', value, Math.abs(width), char, width < 0);
    },
    /** `$code(text[, maxLength])`: an ERP code: trimmed, upper-case, optionally truncated. */
    code(value: unknown, maxLength?: unknown): unknown {
      const s = text('code', value);
      if (s === undefined) return undefined;
      const upper = s.trim().toUpperCase();
      if (maxLength === undefined) return upper;
      const n = count('code', maxLength, 'maxLength', maxStringLength);
      return Array.from(upper).slice(0, n).join('').trimEnd();
    },
    /**
     * `$formatDate(date, format[, utcOffset])`: formats an ISO 8601 date-time (or epoch
     * milliseconds) with YYYY, YY, MM, M, DD, D, HH, mm, ss, in the given offset ("-05:00",
     * default UTC). E.g. `$formatDate(createdAt, "MM/DD/YYYY", "-05:00")`.
     */
    formatDate(value: unknown, format: unknown, utcOffset?: unknown): unknown {
      if (value === undefined || value === null) return undefined;
      const millis =
        typeof value === 'number'
          ? value
          : typeof value === 'string'
            ? Date.parse(value)
            : NaN;
      if (!Number.isFinite(millis))
        return fail(
          'formatDate',
          'expects an ISO 8601 date or epoch milliseconds',
          value,
        );
      if (typeof format !== 'string' || format.length > 100)
        return fail('formatDate', 'format must be a short string', format);
      let offsetMinutes = 0;
      if (utcOffset !== undefined && utcOffset !== 'Z') {
        const m =
          typeof utcOffset === 'string'
            ? /^([+-])(\d{2}):?(\d{2})$/.exec(utcOffset)
            : null;
        if (!m)
          return fail(
            'formatDate',
            'utcOffset must look like "+02:00", "-0500" or "Z"',
            utcOffset,
          );
        offsetMinutes =
          (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
      }
      const d = new Date(millis + offsetMinutes * 60000);
      const parts: Record<string, string> = {
        YYYY: String(d.getUTCFullYear()).padStart(4, '0'),
        YY: two(d.getUTCFullYear() % 100),
        MM: two(d.getUTCMonth() + 1),
        M: String(d.getUTCMonth() + 1),
        DD: two(d.getUTCDate()),
        D: String(d.getUTCDate()),
        HH: two(d.getUTCHours()),
        mm: two(d.getUTCMinutes()),
        ss: two(d.getUTCSeconds()),
      };
      return format.replace(
        /YYYY|YY|MM|M|DD|D|HH|mm|ss/g,
        (token) => parts[token],
      );
    },
    /** `$splitName(fullName)`: `{ "first", "last" }`; the last word is the last name. */
    splitName(value: unknown): unknown {
      const s = text('splitName', value);
      if (s === undefined) return undefined;
      const words = s
        .trim()
        .split(/\s+/)
        .filter((w) => w !== '');
      if (words.length === 0) return { first: '', last: '' };
      if (words.length === 1) return { first: words[0], last: '' };
      return {
        first: words.slice(0, -1).join(' '),
        last: words[words.length - 1],
      };
    },
    /**
     * `$money(amount[, decimals])`: a number rounded half away from zero to `decimals`
     * (default 2) places, from a number or a decimal string such as Shopify's "12.50".
     * Rounds on the decimal text, so 1.005 gives 1.01 (not binary 1.00).
     */
    money(value: unknown, decimals?: unknown): unknown {
      if (value === undefined || value === null) return undefined;
      const places =
        decimals === undefined ? 2 : count('money', decimals, 'decimals', 6);
      const n =
        typeof value === 'number'
          ? value
          : typeof value === 'string' && value.trim() !== ''
            ? Number(value)
            : NaN;
      if (!Number.isFinite(n))
        return fail('money', 'expects a number or a decimal string', value);
      const sign = n < 0 ? -1 : 1;
      const shifted = Math.round(Number(`${Math.abs(n)}e${places}`));
      const rounded = sign * Number(`${shifted}e-${places}`);
      return rounded === 0 ? 0 : rounded;
    },
    /** `$wrap(text, width)`: lines of at most `width` characters, broken between words. */
    wrap(value: unknown, width: unknown): unknown {
      const s = text('wrap', value);
      if (s === undefined) return undefined;
      const w = count('wrap', width, 'width', maxStringLength);
      if (w === 0) return fail('wrap', 'width must be at least 1', width);
      const trimmed = s.trim();
      if (trimmed.length <= w && !/\s\s|[\t\n\r\f\v]/.test(trimmed))
        return trimmed === '' ? [] : [trimmed];
      const lines: string[] = [];
      let line = '';
      for (const word of s
        .trim()
        .split(/\s+/)
        .filter((x) => x !== '')) {
        let rest = Array.from(word);
        while (rest.length > 0) {
          const room = line === '' ? w : w - Array.from(line).length - 1;
          if (rest.length <= room) {
            line = line === '' ? rest.join('') : `${line} ${rest.join('')}`;
            rest = [];
          } else if (line !== '') {
            lines.push(line);
            line = '';
          } else {
            lines.push(rest.slice(0, w).join(''));
            rest = rest.slice(w);
          }
        }
      }
      if (line !== '') lines.push(line);
      return lines;
    },
    /** `$nodes(connection)`: the items of a GraphQL connection (`nodes` or `edges.node`), or the array itself. */
    nodes(value: unknown): unknown {
      if (value === undefined || value === null) return undefined;
      if (Array.isArray(value)) return value;
      if (typeof value !== 'object')
        return fail('nodes', 'expects a GraphQL connection or an array', value);
      const connection = value as { nodes?: unknown; edges?: unknown };
      if (Array.isArray(connection.nodes)) return connection.nodes;
      if (Array.isArray(connection.edges)) {
        return connection.edges
          .map((edge: unknown) =>
            edge !== null && typeof edge === 'object'
              ? (edge as { node?: unknown }).node
              : undefined,
          )
          .filter((node: unknown) => node !== undefined && node !== null);
      }
      return undefined;
    },
    /** `$yesNo(flag[, fallback])`: "Y" or "N" from a boolean (or "Y"/"N"/"true"/"false"); `fallback` when absent. */
    yesNo(value: unknown, fallback?: unknown): unknown {
      const v = value === undefined || value === null ? fallback : value;
      if (v === undefined || v === null) return undefined;
      if (v === true || v === 'Y' || v === 'y' || v === 'true') return 'Y';
      if (v === false || v === 'N' || v === 'n' || v === 'false') return 'N';
      return fail('yesNo', 'expects a boolean, "Y" or "N"', v);
    },
  };
}
