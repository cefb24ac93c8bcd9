import { parseTargetPath } from './target-path';

describe('parseTargetPath', () => {
  it('parses dotted paths and row iterators', () => {
    expect(parseTargetPath('customer.name')).toEqual([
      { name: 'customer', isArray: false },
      { name: 'name', isArray: false },
    ]);
    expect(parseTargetPath('details[].sku')).toEqual([
      { name: 'details', isArray: true },
      { name: 'sku', isArray: false },
    ]);
  });

  it.each([
    '',
    'a..b',
    'a[0]',
    'a.b c',
    '__proto__',
    'a.constructor',
    'x.prototype.y',
    '1abc',
  ])('refuses %p', (path) => {
    expect(typeof parseTargetPath(path)).toBe('string');
  });
});
