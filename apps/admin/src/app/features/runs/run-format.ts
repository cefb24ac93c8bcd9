import { RunStatus, RunSummary, RunTrigger } from '@ferry/contracts';

export const RUN_STATUS_TONES: Record<RunStatus, 'ok' | 'busy' | 'bad'> = {
  running: 'busy',
  succeeded: 'ok',
  failed: 'bad',
};

export const RUN_TRIGGER_LABELS: Record<RunTrigger, string> = {
  schedule: 'Schedule',
  webhook: 'Webhook',
  manual: 'Run now',
  backfill: 'Backfill',
  retry: 'Retry',
};

/** `850 ms`, `12.3 s`, `4 min 05 s`, `1 h 02 min`; empty while unknown. */
export function formatDuration(ms: number | null): string {
  if (ms === null || ms < 0) return '';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const seconds = Math.round(ms / 1000);
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ${String(seconds % 60).padStart(2, '0')} s`;
  const minutes = Math.round(seconds / 60);
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
}

/** The progress bar's value (0–100), or null when the share done is unknown. */
export function progressPercent(run: Pick<RunSummary, 'status' | 'progress'>): number | null {
  if (run.status === 'succeeded') return 100;
  const fraction = run.progress?.fraction;
  if (fraction === null || fraction === undefined) return null;
  return Math.round(Math.min(1, Math.max(0, fraction)) * 100);
}
