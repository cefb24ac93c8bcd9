import {
  ORDER_FIELDS_NOT_YET_FETCHED,
  ORDER_FIELDS_READ_BY_DEFAULT_MAPPING,
} from '@ferry/contracts';
import { inputPathsRead } from '../testing/input-paths-read';
import { SHOPIFY_ORDER_CORPUS } from '../testing/shopify-order-corpus';
import { DEFAULT_ORDER_MAPPING } from './default-order-mapping';
import { TYPICAL_SHOPIFY_ORDER } from './typical-shopify-order';

const listed = ORDER_FIELDS_READ_BY_DEFAULT_MAPPING;

/** A path is covered when listed, or when it is an object on the way to a listed field. */
const covered = (path: string): boolean =>
  listed.some((field) => field === path || field.startsWith(`${path}.`));

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The objects that should hold the last field of `path` (connections' `nodes` flattened). */
function holdersOf(order: unknown, path: string): Record<string, unknown>[] {
  let level: unknown[] = [order];
  for (const segment of path.split('.').slice(0, -1))
    level = level.flatMap((v) => {
      const next = isRecord(v) ? v[segment] : undefined;
      return Array.isArray(next) ? next : [next];
    });
  return level.filter(isRecord);
}

/** Listed paths whose field the order lacks where its parent object exists (or anywhere, when `reachAll`). */
function missingIn(order: unknown, reachAll = false): string[] {
  return listed.filter((path) => {
    const field = path.split('.').pop() ?? '';
    const holders = holdersOf(order, path);
    return (
      (reachAll && holders.length === 0) ||
      holders.some((holder) => !(field in holder))
    );
  });
}

// The connector's raw order (libs/shopify, `rawOrders`) is checked against the same list
// with orders read from the emulator; together the two specs tie mapping and connector.
describe('default orders mapping and the Shopify connector agree on the order fields', () => {
  const reads = [...inputPathsRead(DEFAULT_ORDER_MAPPING.fieldRules)];

  it('reads only fields listed in ORDER_FIELDS_READ_BY_DEFAULT_MAPPING', () => {
    expect(reads.filter((path) => !covered(path))).toEqual([]);
  });

  it('reads every listed field (the connector fetches nothing for nothing)', () => {
    expect(listed.filter((path) => !reads.includes(path))).toEqual([]);
  });

  it('lists as "not yet fetched" only fields the mapping reads', () => {
    expect(
      ORDER_FIELDS_NOT_YET_FETCHED.filter((path) => !listed.includes(path)),
    ).toEqual([]);
  });

  it("has a test case in the connector's shape, with every listed field", () => {
    expect(missingIn(TYPICAL_SHOPIFY_ORDER, true)).toEqual([]);
  });

  it.each(SHOPIFY_ORDER_CORPUS.map((c) => [c.name, c.order] as const))(
    'corpus order "%s" uses the listed field names',
    (_name, order) => {
      expect(missingIn(order)).toEqual([]);
    },
  );
});
