import { inputPathsRead } from './input-paths-read';

const reads = (...rules: [target: string, expression: string][]): string[] =>
  [
    ...inputPathsRead(
      rules.map(([target, expression]) => ({ target, expression })),
    ),
  ].sort();

describe('inputPathsRead', () => {
  it('follows paths, both branches of a condition and variables bound in a block', () => {
    expect(
      reads([
        'x',
        '$a := billingAddress.address1 ? billingAddress : shippingAddress;\n$truncate($a.city, 20)',
      ]),
    ).toEqual([
      'billingAddress',
      'billingAddress.address1',
      'billingAddress.city',
      'shippingAddress',
      'shippingAddress.city',
    ]);
  });

  it('reads connections through $nodes, filters in the row context and rows rules from their rows', () => {
    expect(
      reads(
        ['details[].sku', 'sku ? $trim(sku)'],
        ['details[]', '$nodes(lineItems)[currentQuantity > 0]'],
        ['ship', '$nodes(shippingLines)[0].title'],
      ),
    ).toEqual([
      'lineItems',
      'lineItems.nodes',
      'lineItems.nodes.currentQuantity',
      'lineItems.nodes.sku',
      'shippingLines',
      'shippingLines.nodes',
      'shippingLines.nodes.title',
    ]);
  });

  it('ignores the context bindings and passes $lookup fallbacks and $append through', () => {
    expect(
      reads(
        ['a', '$lookup("t", code, $defaults.shipVia)'],
        ['b', '$append($wrap(note, 30), [customer])[1].email'],
      ),
    ).toEqual(['code', 'customer', 'customer.email', 'note']);
  });

  it('refuses what it cannot follow instead of missing a read', () => {
    expect(() => reads(['a', '$sort(lineItems).sku'])).toThrow(
      /unknown function \$sort/,
    );
    expect(() => reads(['a', '$undeclared.x'])).toThrow(/unbound variable/);
    expect(() => reads(['a', '{"k": customer}.k.email'])).toThrow(
      /unsupported unary/,
    );
    expect(() => reads(['rows[].x', 'y'])).toThrow(/no rule lists the rows/);
  });
});
