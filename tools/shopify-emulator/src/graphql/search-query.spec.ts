import { matchesSearch, parseSearchQuery } from './search-query';

describe('search syntax subset', () => {
  const order = (field: string | null) =>
    ({
      updated_at: '2026-03-01T10:00:00Z',
      status: ['open', 'any'],
      sku: ['A-1', 'B-2'],
      name: '#1001',
    })[field ?? 'name'];

  it.each([
    ["updated_at:>='2026-03-01T10:00:00Z'", true],
    ["updated_at:>'2026-03-01T10:00:00Z'", false],
    ['updated_at:<2026-03-02', true],
    ['updated_at:>=2026-03-02', false],
    ['status:open', true],
    ['-status:open', false],
    ['NOT status:closed', true],
    ["sku:'B-2'", true],
    ['sku:B*', true],
    ['status:closed OR sku:A-1', true],
    ['status:closed AND sku:A-1', false],
    ['status:open sku:C-3', false],
    ['unknown_field:x', true],
    ['', true],
  ])('%s → %s', (query, expected) => {
    expect(matchesSearch(parseSearchQuery(query), order)).toBe(expected);
  });

  it('parses quoted values with spaces', () => {
    expect(parseSearchQuery(`tag:"big order" status:open`)).toEqual([
      [
        { field: 'tag', comparator: '=', value: 'big order', negated: false },
        { field: 'status', comparator: '=', value: 'open', negated: false },
      ],
    ]);
  });
});
