import { resolveApiVersion, versionAtLeast } from './api-versions';

describe('API versions', () => {
  it.each([
    ['2026-10', '2026-10'],
    ['2026-01', '2026-01'],
    ['2025-10', '2026-01'],
    ['2023-04', '2026-01'],
    ['2027-01', '2027-01'],
    ['unstable', 'unstable'],
    ['2027-04', null],
    ['2026-02', null],
    ['v1', null],
  ])('%s is served as %s', (requested, served) => {
    expect(resolveApiVersion(requested)).toBe(served);
  });

  it('orders versions', () => {
    expect(versionAtLeast('2026-04', '2026-04')).toBe(true);
    expect(versionAtLeast('2026-01', '2026-04')).toBe(false);
    expect(versionAtLeast('unstable', '2026-04')).toBe(true);
  });
});
