import { flattenToJsonl } from './jsonl-flattener';

describe('bulk JSONL flattening', () => {
  it('emits nested connection nodes as child lines with __parentId', () => {
    const result = flattenToJsonl({
      orders: {
        edges: [
          {
            node: {
              id: 'gid://shopify/Order/1',
              name: '#1',
              lineItems: {
                edges: [{ node: { id: 'gid://shopify/LineItem/9', sku: 'A' } }],
              },
            },
          },
          {
            node: {
              id: 'gid://shopify/Order/2',
              name: '#2',
              lineItems: { nodes: [] },
            },
          },
        ],
      },
    });
    expect(
      result.jsonl
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l)),
    ).toEqual([
      { id: 'gid://shopify/Order/1', name: '#1' },
      {
        id: 'gid://shopify/LineItem/9',
        sku: 'A',
        __parentId: 'gid://shopify/Order/1',
      },
      { id: 'gid://shopify/Order/2', name: '#2' },
    ]);
    expect(result).toMatchObject({ objectCount: 3, rootObjectCount: 2 });
  });
});
