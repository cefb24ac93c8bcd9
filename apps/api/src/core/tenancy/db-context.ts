/**
 * What a database transaction may see. Row-level security policies read these as
 * transaction-local settings; anything left out reads as "not set" and grants nothing.
 */
export interface DbContext {
  /** The tenant the work is for: tenant-owned rows of this tenant only. */
  tenantId?: string;
  /** The signed-in person: their own user row, memberships and sessions. */
  userId?: string;
  /** Platform operators may list and create tenants. */
  platformOperator?: boolean;
  /** Login and invitations: the user row with this email. */
  lookupEmail?: string;
  /** API-key authentication: the key with this prefix. */
  apiKeyPrefix?: string;
  /** Cookie authentication: the session with this token hash (hex). */
  sessionHash?: string;
  /** Login throttling: attempts from this address. */
  clientIp?: string;
  /** The scheduler tick: claims due schedules of every tenant (schedules table only). */
  scheduler?: boolean;
  /** The metrics endpoint: reads aggregates of runs, errors and schedules of every tenant. */
  metrics?: boolean;
}

const SETTINGS: ReadonlyArray<[keyof DbContext, string]> = [
  ['tenantId', 'app.tenant_id'],
  ['userId', 'app.user_id'],
  ['platformOperator', 'app.platform_operator'],
  ['lookupEmail', 'app.lookup_email'],
  ['apiKeyPrefix', 'app.api_key_prefix'],
  ['sessionHash', 'app.session_hash'],
  ['clientIp', 'app.client_ip'],
  ['scheduler', 'app.scheduler'],
  ['metrics', 'app.metrics'],
];

/** One statement that sets every setting for the current transaction (`is_local = true`). */
export const SET_DB_CONTEXT_SQL = `select ${SETTINGS.map((_, i) => `set_config('${SETTINGS[i][1]}', $${i + 1}, true)`).join(', ')}`;

export function dbContextParameters(context: DbContext): string[] {
  return SETTINGS.map(([key]) => {
    const value = context[key];
    if (value === undefined || value === false) return '';
    return value === true ? 'on' : value;
  });
}
