import { AbstractControl, ValidationErrors, ValidatorFn } from '@angular/forms';
import { ScheduleSummary } from '@ferry/contracts';

export const MIN_INTERVAL_MINUTES = 1;
export const MAX_INTERVAL_MINUTES = 1440;

interface CronField {
  name: string;
  min: number;
  max: number;
  /** Accepts three-letter names (jan, mon). */
  names: boolean;
}

const CRON_FIELDS: readonly CronField[] = [
  { name: 'minute', min: 0, max: 59, names: false },
  { name: 'hour', min: 0, max: 23, names: false },
  { name: 'day of month', min: 1, max: 31, names: false },
  { name: 'month', min: 1, max: 12, names: true },
  { name: 'day of week', min: 0, max: 7, names: true },
];

const CRON_ITEM = /^(\*|([0-9]+|[a-z]{3})(-([0-9]+|[a-z]{3}))?)(\/([0-9]+))?$/i;

/** Why a cron expression is not 5 valid fields (minute hour day-of-month month day-of-week), or null. */
export function cronProblem(expression: string): string | null {
  const fields = expression.trim().split(/\s+/).filter(Boolean);
  if (fields.length !== 5) return 'must have 5 fields: minute hour day-of-month month day-of-week';
  for (const [i, field] of fields.entries()) {
    const rule = CRON_FIELDS[i];
    for (const item of field.split(',')) {
      const match = CRON_ITEM.exec(item);
      if (!match) return `the ${rule.name} field "${field}" is not valid`;
      const [, , from, , to, , step] = match;
      for (const value of [from, to]) {
        if (value === undefined) continue;
        if (/^[0-9]+$/.test(value)) {
          const n = Number(value);
          if (n < rule.min || n > rule.max) return `the ${rule.name} must be between ${rule.min} and ${rule.max}`;
        } else if (!rule.names) {
          return `the ${rule.name} field "${field}" is not valid`;
        }
      }
      if (step !== undefined && Number(step) < 1) return `the ${rule.name} step must be at least 1`;
    }
  }
  return null;
}

/** Whole minutes from 1 to 1440 (24 hours). */
export const intervalValidator: ValidatorFn = (control: AbstractControl): ValidationErrors | null => {
  const value: unknown = control.value;
  if (value === null || value === undefined || value === '') return { interval: 'Enter the minutes between runs' };
  const n = Number(value);
  if (!Number.isInteger(n) || n < MIN_INTERVAL_MINUTES || n > MAX_INTERVAL_MINUTES) {
    return { interval: `Whole minutes from ${MIN_INTERVAL_MINUTES} to ${MAX_INTERVAL_MINUTES} (24 hours)` };
  }
  return null;
};

export const cronValidator: ValidatorFn = (control: AbstractControl): ValidationErrors | null => {
  const value = typeof control.value === 'string' ? control.value : '';
  if (!value.trim()) return { cron: 'Enter a cron expression' };
  const problem = cronProblem(value);
  return problem ? { cron: `Not a cron expression: ${problem}` } : null;
};

/** "Every 5 minutes", "Every 2 hours", "Cron 0 * * * * (UTC)". */
export function describeTiming(schedule: Pick<ScheduleSummary, 'intervalMinutes' | 'cron'>): string {
  if (schedule.cron) return `Cron ${schedule.cron} (UTC)`;
  const minutes = schedule.intervalMinutes;
  if (!minutes) return 'Not set';
  if (minutes === 1) return 'Every minute';
  if (minutes % 60 === 0) return minutes === 60 ? 'Every hour' : `Every ${minutes / 60} hours`;
  return `Every ${minutes} minutes`;
}
