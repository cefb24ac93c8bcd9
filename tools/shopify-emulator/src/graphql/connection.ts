import { GraphQLError } from 'graphql';

/** Relay arguments common to every connection field. */
export interface PageArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
  reverse?: boolean | null;
}

/** The sort position of a node: the sort key value, then the id as tie-breaker. */
export interface SortPosition {
  id: number;
  value: string | number;
}

export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  nodes: T[];
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
}

/**
 * Cursors are opaque base64 JSON of the last position (like Shopify's
 * {"last_id":…,"last_value":…}), so paging is a seek, not an offset: rows inserted or
 * moved elsewhere never shift a page boundary.
 */
export function encodeCursor(position: SortPosition): string {
  return Buffer.from(
    JSON.stringify({ last_id: position.id, last_value: position.value }),
  ).toString('base64');
}

export function decodeCursor(cursor: string): SortPosition {
  try {
    const parsed: unknown = JSON.parse(
      Buffer.from(cursor, 'base64').toString('utf8'),
    );
    if (
      parsed &&
      typeof parsed === 'object' &&
      'last_id' in parsed &&
      'last_value' in parsed
    ) {
      const id = parsed.last_id;
      const value = parsed.last_value;
      if (
        typeof id === 'number' &&
        (typeof value === 'string' || typeof value === 'number')
      )
        return { id, value };
    }
  } catch {
    // fall through to the error below
  }
  throw new GraphQLError('Invalid cursor.', {
    extensions: { code: 'BAD_REQUEST' },
  });
}

function compare(a: SortPosition, b: SortPosition): number {
  if (a.value < b.value) return -1;
  if (a.value > b.value) return 1;
  return a.id - b.id;
}

/**
 * Pages `items` in sort order. `first`/`last` were checked by the cost analysis; in a
 * bulk operation (`unbounded`) a missing size means "everything".
 */
export function paginate<T>(
  items: readonly T[],
  positionOf: (item: T) => SortPosition,
  args: PageArgs,
  unbounded = false,
): Connection<T> {
  const direction = args.reverse ? -1 : 1;
  const after = args.after ? decodeCursor(args.after) : null;
  const before = args.before ? decodeCursor(args.before) : null;
  // Seek first, sort what is left: paging deep into a big list stays cheap.
  let skippedBefore = 0;
  let skippedAfter = 0;
  const window: { item: T; position: SortPosition }[] = [];
  for (const item of items) {
    const position = positionOf(item);
    if (after && direction * compare(position, after) <= 0) skippedBefore++;
    else if (before && direction * compare(position, before) >= 0)
      skippedAfter++;
    else window.push({ item, position });
  }
  window.sort((a, b) => direction * compare(a.position, b.position));
  let page = window;
  if (typeof args.first === 'number')
    page = window.slice(0, Math.max(0, args.first));
  else if (typeof args.last === 'number')
    page = window.slice(Math.max(0, window.length - args.last));
  else if (!unbounded) page = [];
  const edges = page.map((row) => ({
    cursor: encodeCursor(row.position),
    node: row.item,
  }));
  const fromEnd =
    typeof args.first !== 'number' && typeof args.last === 'number';
  return {
    edges,
    nodes: page.map((row) => row.item),
    pageInfo: {
      hasNextPage: fromEnd
        ? skippedAfter > 0
        : page.length < window.length ||
          (page.length === 0 ? false : skippedAfter > 0),
      hasPreviousPage: fromEnd
        ? page.length < window.length || skippedBefore > 0
        : skippedBefore > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}
