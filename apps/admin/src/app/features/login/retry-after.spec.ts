import { retryAfterSeconds } from './retry-after';

describe('retryAfterSeconds', () => {
  it('reads delay-seconds', () => {
    expect(retryAfterSeconds('42')).toBe(42);
    expect(retryAfterSeconds(' 0 ')).toBe(0);
  });

  it('reads an HTTP date relative to now', () => {
    const now = Date.parse('2026-11-27T00:00:00Z');
    expect(retryAfterSeconds('Fri, 27 Nov 2026 00:01:30 GMT', now)).toBe(90);
    expect(retryAfterSeconds('Thu, 26 Nov 2026 23:00:00 GMT', now)).toBe(0);
  });

  it('answers null when absent or unreadable', () => {
    expect(retryAfterSeconds(null)).toBeNull();
    expect(retryAfterSeconds('')).toBeNull();
    expect(retryAfterSeconds('soon')).toBeNull();
  });
});
