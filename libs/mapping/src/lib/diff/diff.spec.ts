import type { MappingDefinition } from '@ferry/contracts';
import { compileMapping } from '../compile/compile-mapping';
import { inProcessMapper } from '../run/record-mapper';
import { runMappingTests } from '../test-cases/run-mapping-tests';
import { resolveTargetSchema } from '../validate/resolve-target-schema';
import { compareMappingVersions } from './compare-mapping-versions';
import { diffJson } from './diff-json';

describe('diffJson', () => {
  it('lists added, removed and changed fields with their paths', () => {
    expect(
      diffJson(
        {
          a: 1,
          b: { c: 'x', d: [1, 2] },
          gone: true,
          rows: [{ sku: 'A' }, { sku: 'B' }],
        },
        {
          a: 2,
          b: { c: 'x', d: [1, 3, 4] },
          added: null,
          rows: [{ sku: 'A' }],
        },
      ),
    ).toEqual([
      { path: 'a', kind: 'changed', before: 1, after: 2 },
      { path: 'added', kind: 'added', after: null },
      { path: 'b.d[1]', kind: 'changed', before: 2, after: 3 },
      { path: 'b.d[2]', kind: 'added', after: 4 },
      { path: 'gone', kind: 'removed', before: true },
      { path: 'rows[1]', kind: 'removed', before: { sku: 'B' } },
    ]);
  });

  it('compares whole documents and type changes', () => {
    expect(diffJson({ a: 1 }, { a: 1 })).toEqual([]);
    expect(diffJson(undefined, { a: 1 })).toEqual([
      { path: '$', kind: 'added', after: { a: 1 } },
    ]);
    expect(diffJson({ a: [1] }, { a: { 0: 1 } })).toEqual([
      { path: 'a', kind: 'changed', before: [1], after: { 0: 1 } },
    ]);
  });
});

const base: MappingDefinition = {
  flow: 'inventory',
  targetSchemaId: 'shopify.inventory-quantity',
  fieldRules: [
    { target: 'inventoryItemId', expression: 'item' },
    { target: 'locationId', expression: 'location' },
    { target: 'quantity', expression: 'onHand - committed' },
    { target: 'changeFromQuantity', expression: 'null' },
  ],
  lookupTables: [],
  testCases: [
    {
      name: 'available',
      input: {
        item: 'gid://shopify/InventoryItem/1',
        location: 'gid://shopify/Location/2',
        onHand: 5,
        committed: 2,
      },
      expected: {
        inventoryItemId: 'gid://shopify/InventoryItem/1',
        locationId: 'gid://shopify/Location/2',
        quantity: 3,
        changeFromQuantity: null,
      },
    },
  ],
};
const schema = resolveTargetSchema(base);

describe('runMappingTests', () => {
  it('passes a matching case and gives a field-level diff for a failing one', async () => {
    const changed = compileMapping({
      ...base,
      fieldRules: base.fieldRules.map((r) =>
        r.target === 'quantity' ? { ...r, expression: 'onHand' } : r,
      ),
    });
    const [ok] = await runMappingTests(
      inProcessMapper(compileMapping(base), schema),
      base.testCases,
    );
    expect(ok).toMatchObject({
      name: 'available',
      passed: true,
      differences: [],
      issues: [],
    });
    const [failing] = await runMappingTests(
      inProcessMapper(changed, schema),
      base.testCases,
    );
    expect(failing).toMatchObject({
      passed: false,
      differences: [{ path: 'quantity', kind: 'changed', before: 3, after: 5 }],
    });
  });

  it('reports a case whose mapping fails with the error', async () => {
    const broken = compileMapping({
      ...base,
      fieldRules: [{ target: 'quantity', expression: 'onHand - "x"' }],
    });
    const [result] = await runMappingTests(
      inProcessMapper(broken, schema),
      base.testCases,
    );
    expect(result).toMatchObject({
      passed: false,
      error: { code: 'MAPPING_EVALUATION_ERROR', field: 'quantity' },
    });
  });
});

describe('compareMappingVersions', () => {
  it('reports what a new version changes on a set of records', async () => {
    const before = compileMapping(base);
    const after = compileMapping({
      ...base,
      fieldRules: base.fieldRules.map((r) =>
        r.target === 'quantity'
          ? { ...r, expression: '$max([0, onHand - committed])' }
          : r,
      ),
    });
    const record = (
      key: string,
      onHand: number,
      committed: number,
      item = 'gid://shopify/InventoryItem/1',
    ) => ({
      key,
      input: { item, location: 'gid://shopify/Location/2', onHand, committed },
    });
    const report = await compareMappingVersions(
      inProcessMapper(before, schema),
      inProcessMapper(after, schema),
      [
        record('same', 5, 2),
        record('negative', 1, 4),
        record('bad-item', 1, 1, 'nope'),
        record('fixed', 1.5, 0),
      ],
      { runAt: '2026-01-01T00:00:00Z' },
    );
    expect(report).toMatchObject({
      total: 4,
      changed: 1,
      unchanged: 3,
      newlyBroken: 0,
      newlyFixed: 0,
      fieldCounts: { quantity: 1 },
    });
    expect(report.records).toEqual([
      expect.objectContaining({
        key: 'negative',
        before: 'valid',
        after: 'valid',
        differences: [
          { path: 'quantity', kind: 'changed', before: -3, after: 0 },
        ],
      }),
    ]);

    const breaking = compileMapping({
      ...base,
      fieldRules: base.fieldRules.filter((r) => r.target !== 'locationId'),
    });
    const broken = await compareMappingVersions(
      inProcessMapper(before, schema),
      inProcessMapper(breaking, schema),
      [record('a', 1, 0), record('b', 2, 0)],
      {
        runAt: '2026-01-01T00:00:00Z',
      },
    );
    expect(broken).toMatchObject({
      changed: 2,
      newlyBroken: 2,
      fieldCounts: { locationId: 2 },
    });
    expect(broken.records[0].afterIssues).toEqual(['locationId: is required']);
  });
});
