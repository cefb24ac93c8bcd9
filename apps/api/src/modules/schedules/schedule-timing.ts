import { CronTime } from 'cron';

export interface ScheduleTiming {
  intervalSeconds: number | null;
  cron: string | null;
}

/** A cron expression (5 fields, UTC), or the parser's reason it is not one. */
export function checkCron(expression: string): string | null {
  if (expression.trim().split(/\s+/).length !== 5) return 'must have 5 fields: minute hour day-of-month month day-of-week';
  try {
    new CronTime(expression, 'UTC');
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : 'is not a cron expression';
  }
}

/**
 * The next run after `due` that is in the future. Interval schedules keep their phase
 * (due + k × interval), so the start times spread by tenant stay spread.
 */
export function nextRunAfter(timing: ScheduleTiming, due: Date, now: Date): Date {
  if (timing.intervalSeconds) {
    const step = timing.intervalSeconds * 1000;
    const periods = Math.floor((now.getTime() - due.getTime()) / step) + 1;
    return new Date(due.getTime() + Math.max(1, periods) * step);
  }
  return new CronTime(timing.cron as string, 'UTC').getNextDateFrom(now).toJSDate();
}
