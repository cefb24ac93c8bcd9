import { findUnsafeRegexReason } from './unsafe-regex';

describe('findUnsafeRegexReason', () => {
  it.each([
    '(a+)+$',
    '(a*)*b',
    '(x+x+)+y',
    '(.*,){20}$',
    '((ab)*c)+',
    '(a|a)*$',
    '(ab|a)+c',
    '(?:\\d+)+$',
    '(a|)+',
  ])('refuses %s', (source) => {
    expect(findUnsafeRegexReason(source)).toEqual(expect.stringContaining('('));
  });

  it.each([
    '\\s+',
    '^\\d{2}$',
    '(ab)+',
    '(a|b)+',
    '(\\d{3})-(\\d{4})',
    'a{2,5}',
    '([+-])(\\d{2})',
  ])('accepts %s', (source) => {
    expect(findUnsafeRegexReason(source)).toBeNull();
  });

  it('is conservative: a repeated group with a repetition inside is refused even behind a separator', () => {
    expect(findUnsafeRegexReason('[a-z]+(\\.[a-z]+)*')).toContain(
      'nested quantifiers',
    );
  });

  it('refuses very long patterns', () => {
    expect(findUnsafeRegexReason('a'.repeat(1001))).toContain(
      'longer than 1000',
    );
  });
});
