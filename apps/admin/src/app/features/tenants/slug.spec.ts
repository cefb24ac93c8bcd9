import { SLUG_PATTERN, slugify } from './slug';

describe('slugify', () => {
  it('turns a name into lower-case words joined by dashes', () => {
    expect(slugify('Acme Tools GmbH')).toBe('acme-tools-gmbh');
    expect(slugify('  Müller & Söhne!  ')).toBe('muller-sohne');
  });

  it('keeps at most 40 characters and never ends with a dash', () => {
    const slug = slugify('a'.repeat(39) + ' b');
    expect(slug.length).toBeLessThanOrEqual(40);
    expect(slug.endsWith('-')).toBe(false);
  });
});

describe('SLUG_PATTERN', () => {
  it('accepts what the API accepts', () => {
    expect(SLUG_PATTERN.test('acme')).toBe(true);
    expect(SLUG_PATTERN.test('acme-tools-2')).toBe(true);
    expect(SLUG_PATTERN.test('a'.repeat(40))).toBe(true);
  });

  it('refuses too short, too long, upper case and edge dashes', () => {
    expect(SLUG_PATTERN.test('ab')).toBe(false);
    expect(SLUG_PATTERN.test('a'.repeat(41))).toBe(false);
    expect(SLUG_PATTERN.test('Acme')).toBe(false);
    expect(SLUG_PATTERN.test('-acme')).toBe(false);
    expect(SLUG_PATTERN.test('acme-')).toBe(false);
  });
});
