import { AuditEntry } from '@ferry/contracts';

/** Who made the change: a person's email, an API key, or the system. */
export function auditActor(entry: AuditEntry): string {
  if (entry.actor.email) return entry.actor.email;
  if (entry.actor.apiKeyId) return `API key ${entry.actor.apiKeyId}`;
  if (entry.actor.userId) return `user ${entry.actor.userId}`;
  return 'Ferry';
}

/** What was changed: its type and id. */
export function auditTarget(entry: AuditEntry): string {
  return entry.targetId ? `${entry.targetType} ${entry.targetId}` : entry.targetType;
}

function show(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

/** The details as short `key: value` lines (secrets are never in them). */
export function auditDetails(entry: AuditEntry): string[] {
  return Object.entries(entry.details ?? {}).map(([key, value]) => `${key}: ${show(value)}`);
}
