import { checkCron, nextRunAfter } from './schedule-timing';

describe('schedule timing', () => {
  it('keeps the phase of interval schedules and skips missed periods', () => {
    const due = new Date('2026-01-01T00:00:07Z');
    expect(nextRunAfter({ intervalSeconds: 300, cron: null }, due, new Date('2026-01-01T00:00:08Z')).toISOString()).toBe('2026-01-01T00:05:07.000Z');
    expect(nextRunAfter({ intervalSeconds: 300, cron: null }, due, new Date('2026-01-01T00:17:00Z')).toISOString()).toBe('2026-01-01T00:20:07.000Z');
  });

  it('follows cron expressions in UTC', () => {
    expect(nextRunAfter({ intervalSeconds: null, cron: '15 */2 * * *' }, new Date(), new Date('2026-01-01T03:20:00Z')).toISOString()).toBe('2026-01-01T04:15:00.000Z');
  });

  it('explains a bad cron expression', () => {
    expect(checkCron('*/5 * * * *')).toBeNull();
    expect(checkCron('every minute')).toBe('must have 5 fields: minute hour day-of-month month day-of-week');
    expect(checkCron('61 * * * *')).toEqual(expect.any(String));
  });
});
