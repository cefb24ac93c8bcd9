import { CompletionContext, CompletionResult } from '@codemirror/autocomplete';
import { EditorState } from '@codemirror/state';
import { TYPICAL_SHOPIFY_ORDER } from '@ferry/mapping';
import { CompletionCatalog, expressionCompletionSource } from './expression-completions';
import { samplePaths } from './sample-paths';

const catalog = (place: CompletionCatalog['place'] = 'rule'): CompletionCatalog => ({
  paths: samplePaths(TYPICAL_SHOPIFY_ORDER),
  defaultKeys: ['customerNo', 'shipVia'],
  lookupTables: ['ship_via', 'item_codes'],
  place,
});

/** Completes `text` with the cursor at `|` (its end by default). */
function complete(text: string, place: CompletionCatalog['place'] = 'rule', explicit = false): CompletionResult | null {
  const pos = text.includes('|') ? text.indexOf('|') : text.length;
  const doc = text.replace('|', '');
  const state = EditorState.create({ doc });
  const result = expressionCompletionSource(() => catalog(place))(new CompletionContext(state, pos, explicit));
  return result instanceof Promise ? null : result;
}

const labels = (result: CompletionResult | null) => result?.options.map((o) => o.label) ?? [];

describe('sample paths', () => {
  it('walks the sample record in document order, through arrays as jsonata does', () => {
    const paths = samplePaths(TYPICAL_SHOPIFY_ORDER);
    const byPath = new Map(paths.map((p) => [p.path, p]));
    expect(paths[0]).toEqual({ path: 'id', type: 'string', example: '"gid://shopify/Order/5612345678901"' });
    expect(byPath.get('shippingAddress.city')).toEqual({ path: 'shippingAddress.city', type: 'string', example: '"New York"' });
    expect(byPath.get('totalPriceSet.shopMoney.amount')?.example).toBe('"114.48"');
    expect(byPath.get('lineItems.nodes')?.type).toBe('array');
    expect(byPath.get('lineItems.nodes.sku')).toEqual({
      path: 'lineItems.nodes.sku',
      type: 'string',
      example: '"WB-1000-BLK"',
      within: 'lineItems.nodes',
      relative: 'sku',
    });
    expect(byPath.get('lineItems.nodes.originalUnitPriceSet.shopMoney.amount')?.relative).toBe('originalUnitPriceSet.shopMoney.amount');
    expect(byPath.get('tags')?.type).toBe('array');
    expect(paths.filter((p) => p.path === 'lineItems.nodes.sku')).toHaveLength(1);
  });

  it('backquotes keys that are not plain names, and merges the keys of all array items', () => {
    const paths = samplePaths({ rows: [{ a: 1 }, { b: null, 'first name': 'x' }] }).map((p) => p.path);
    expect(paths).toEqual(['rows', 'rows.a', 'rows.b', 'rows.`first name`']);
  });

  it('stays bounded on deep documents', () => {
    let deep: Record<string, unknown> = { leaf: 1 };
    for (let i = 0; i < 50; i++) deep = { next: deep };
    expect(samplePaths(deep).length).toBeLessThanOrEqual(10);
  });
});

describe('expression completions', () => {
  it('completes field paths of the sample from what is typed', () => {
    const result = complete('$truncate(shippingAddress.ci');
    expect(result?.from).toBe('$truncate('.length);
    expect(labels(result)).toContain('shippingAddress.city');
    expect(result?.options.find((o) => o.label === 'shippingAddress.city')?.detail).toBe('string · "New York"');
  });

  it('offers item-relative paths and $$ paths in rules under an iterator', () => {
    const row = labels(complete('sk', 'iterator'));
    expect(row).toContain('sku');
    expect(row).toContain('$$.name');
    expect(row).not.toContain('lineItems.nodes.sku');
    const plain = labels(complete('sk', 'rule'));
    expect(plain).toContain('lineItems.nodes.sku');
    expect(plain).not.toContain('sku');
  });

  it('completes $ functions and bindings, by where the expression is', () => {
    const result = complete('$tru');
    expect(result?.from).toBe(0);
    const names = labels(result);
    for (const name of ['$defaults', '$lookup', '$runAt', '$truncate', '$formatDate', '$money', '$substring', '$uppercase']) expect(names).toContain(name);
    expect(names).not.toContain('$index');
    expect(names).not.toContain('$mapped');
    expect(labels(complete('$', 'iterator'))).toContain('$index');
    expect(labels(complete('$', 'document'))).toContain('$mapped');
    expect(result?.options.find((o) => o.label === '$truncate')?.info).toContain('maxLength');
  });

  it('completes $defaults keys and lookup table names', () => {
    const defaults = complete('$defaults.sh');
    expect(defaults?.from).toBe('$defaults.'.length);
    expect(labels(defaults)).toEqual(['customerNo', 'shipVia']);
    const tables = complete('$lookup("sh');
    expect(tables?.from).toBe('$lookup("'.length);
    expect(labels(tables)).toEqual(['ship_via', 'item_codes']);
  });

  it('stays quiet inside strings and comments, and when nothing is typed', () => {
    expect(complete('"shipping')).toBeNull();
    expect(complete('/* shipping')).toBeNull();
    expect(complete('name & ')).toBeNull();
    expect(labels(complete('name & ', 'rule', true))).toContain('shippingAddress.city');
    expect(labels(complete('"a" & nam|e'))).toContain('name');
  });
});
