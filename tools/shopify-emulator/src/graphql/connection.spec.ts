import { decodeCursor, encodeCursor, paginate } from './connection';

describe('Relay pagination', () => {
  const rows = [3, 1, 2, 5, 4].map((id) => ({ id, at: id <= 3 ? 'A' : 'B' }));
  const position = (r: { id: number; at: string }) => ({
    id: r.id,
    value: r.at,
  });

  it('orders by value then id and seeks past the cursor', () => {
    const first = paginate(rows, position, { first: 2 });
    expect(first.nodes.map((r) => r.id)).toEqual([1, 2]);
    expect(first.pageInfo).toMatchObject({
      hasNextPage: true,
      hasPreviousPage: false,
    });
    const second = paginate(rows, position, {
      first: 2,
      after: first.pageInfo.endCursor,
    });
    expect(second.nodes.map((r) => r.id)).toEqual([3, 4]);
    expect(second.pageInfo.hasPreviousPage).toBe(true);
  });

  it('pages backwards and in reverse', () => {
    expect(
      paginate(rows, position, { last: 2 }).nodes.map((r) => r.id),
    ).toEqual([4, 5]);
    expect(
      paginate(rows, position, { first: 2, reverse: true }).nodes.map(
        (r) => r.id,
      ),
    ).toEqual([5, 4]);
    const end = encodeCursor({ id: 4, value: 'B' });
    expect(
      paginate(rows, position, { last: 2, before: end }).nodes.map((r) => r.id),
    ).toEqual([2, 3]);
  });

  it('keeps a cursor valid when the row it points at is gone', () => {
    const cursor = encodeCursor({ id: 2, value: 'A' });
    const without = rows.filter((r) => r.id !== 2);
    expect(
      paginate(without, position, { first: 10, after: cursor }).nodes.map(
        (r) => r.id,
      ),
    ).toEqual([3, 4, 5]);
  });

  it('rejects a forged cursor', () => {
    expect(() => decodeCursor('bm90LWpzb24=')).toThrow('Invalid cursor.');
  });
});
