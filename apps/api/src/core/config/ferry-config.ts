import { plainToInstance, Transform } from 'class-transformer';
import { parseMasterKey } from '../secrets/master-keys';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  Min,
  MinLength,
  validateSync,
  ValidationError,
} from 'class-validator';

export const FERRY_ROLES = ['api', 'worker', 'all'] as const;
export type FerryRole = (typeof FERRY_ROLES)[number];

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
type LogLevel = (typeof LOG_LEVELS)[number];

const toInt = ({ value }: { value: unknown }) =>
  typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
const postgresUrl = /^postgres(ql)?:\/\/[^\s]+$/;

/**
 * Every environment variable Ferry reads, validated once at start (see README "Configuration").
 * Nothing else in the code reads process.env.
 */
export class FerryConfig {
  /** Which parts this process runs: the HTTP API, the background workers, or both. */
  @IsIn(FERRY_ROLES)
  FERRY_ROLE: FerryRole = 'all';

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @IsString()
  HOST = '0.0.0.0';

  /** Owner connection: runs migrations. Without it Ferry starts an embedded PostgreSQL. */
  @IsOptional()
  @Matches(postgresUrl, { message: 'must be a postgres:// URL' })
  DATABASE_URL?: string;

  /** Application connection: a role that owns no table and cannot bypass row-level security. */
  @IsOptional()
  @Matches(postgresUrl, { message: 'must be a postgres:// URL' })
  DATABASE_APP_URL?: string;

  /** Local state of `npm start`: the embedded database and its generated passwords. */
  @IsString()
  FERRY_DATA_DIR = '.ferry';

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(65535)
  EMBEDDED_PG_PORT = 54329;

  /** First start only: the platform operator to create. Without them a one-time password is printed. */
  @IsOptional()
  @IsEmail({}, { message: 'must be an email address' })
  FERRY_ADMIN_EMAIL?: string;

  @IsOptional()
  @IsString()
  @MinLength(12, { message: 'must be at least 12 characters' })
  FERRY_ADMIN_PASSWORD?: string;

  /**
   * Wraps every tenant's data key (32 bytes, base64 or hex). Required with an external
   * database; with the embedded one a key is generated into FERRY_DATA_DIR on first start.
   */
  @IsOptional()
  @IsString()
  FERRY_MASTER_KEY?: string;

  /** During a master-key rotation: the key being replaced (see README "Rotating the master key"). */
  @IsOptional()
  @IsString()
  FERRY_MASTER_KEY_PREVIOUS?: string;

  /** Where people reach Ferry; an https URL makes session cookies `Secure`. */
  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true }, { message: 'must be an http(s) URL' })
  FERRY_PUBLIC_URL?: string;

  /** The built admin (served by the API so that a person opens one URL). */
  @IsString()
  FERRY_ADMIN_DIST = 'dist/apps/admin/browser';

  @IsIn(LOG_LEVELS)
  LOG_LEVEL: LogLevel = 'info';

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(24 * 30)
  SESSION_TTL_HOURS = 12;

  /** Failed logins allowed per email address within the window before 429. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_MAX_FAILURES = 5;

  /** Failed logins allowed per client IP within the window before 429. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_MAX_FAILURES_PER_IP = 50;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(24 * 60)
  LOGIN_WINDOW_MINUTES = 15;

  /**
   * Lets tenants point a connection at another base URL than Shopify's or CIMcloud's (an
   * emulator, a proxy). Off by default: on a shared server it would let a tenant make
   * Ferry call arbitrary addresses.
   */
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'must be true or false' })
  FERRY_ALLOW_CONNECTOR_BASE_URLS = false;

  /**
   * Set by `npm start` (tools/demo) alone: this Ferry talks to the Shopify and CIMcloud
   * emulators, and the admin says so on every page. Refused with DATABASE_URL (a deployment).
   */
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'must be true or false' })
  FERRY_DEMO_MODE = false;

  /**
   * Least time between two reads of ERP import results per tenant. CIMcloud allows 100 calls
   * per 15 minutes per authorization: sending orders must not starve behind status polls.
   */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(3600)
  ORDERS_IMPORT_CHECK_SECONDS = 60;

  /**
   * Calls per second and per 15 minutes of one CIMcloud App Authorization (CIMcloud's
   * documented default 2 and 100). Raise them only when CIMcloud raised them for you.
   */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1000)
  CIMCLOUD_CALLS_PER_SECOND = 2;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  CIMCLOUD_CALLS_PER_15_MIN = 100;

  /** Bearer token Prometheus sends to /api/v1/metrics; without it the endpoint answers 401. */
  @IsOptional()
  @IsString()
  @MinLength(16, { message: 'must be at least 16 characters' })
  METRICS_TOKEN?: string;

  /**
   * How far behind its checkpoint an orders run reads again: Shopify's search lags writes
   * by seconds, and every re-read order costs query points (the ledger drops repeats).
   */
  @Transform(toInt)
  @IsInt()
  @Min(5)
  @Max(3600)
  ORDERS_OVERLAP_SECONDS = 120;

  /** How often a worker claims due schedules (ms); 0 turns the tick off in this process. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(60_000)
  SCHEDULER_TICK_MS = 1000;

  /** Sync jobs a worker fetches per poll and queue (and runs concurrently). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(500)
  WORKER_BATCH_SIZE = 20;

  /** How often a worker polls each queue, in seconds (pg-boss' minimum is 0.5). */
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' && value.trim() !== '' ? Number(value) : value))
  @Min(0.5)
  @Max(60)
  WORKER_POLL_SECONDS = 0.5;

  /**
   * A running sync run renews its lease every third of this; a run whose lease lapsed (its
   * worker was killed or lost the database) is taken over by another worker. Seconds.
   */
  @Transform(toInt)
  @IsInt()
  @Min(3)
  @Max(3600)
  RUN_LEASE_SECONDS = 60;
}

/** Variables without a default (Object.keys of a fresh FerryConfig does not list them). */
const OPTIONAL_KEYS = [
  'DATABASE_URL',
  'DATABASE_APP_URL',
  'FERRY_ADMIN_EMAIL',
  'FERRY_ADMIN_PASSWORD',
  'FERRY_PUBLIC_URL',
  'FERRY_MASTER_KEY',
  'FERRY_MASTER_KEY_PREVIOUS',
  'METRICS_TOKEN',
];

export class InvalidConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'InvalidConfigError';
  }
}

/** Validates the environment once; names every bad variable in one message. */
export function loadConfig(env: NodeJS.ProcessEnv): FerryConfig {
  const known = Object.keys(new FerryConfig());
  const raw: Record<string, string> = {};
  for (const key of [...known, ...OPTIONAL_KEYS]) {
    const value = env[key];
    if (value !== undefined && value !== '') raw[key] = value;
  }
  const config = plainToInstance(FerryConfig, raw);
  const problems = validateSync(config, { forbidUnknownValues: true }).flatMap((error) => describe(error, raw));
  if (config.DATABASE_URL && !config.DATABASE_APP_URL) {
    problems.push('DATABASE_APP_URL: is required with DATABASE_URL (the application connects as a separate role without BYPASSRLS)');
  }
  if (!config.DATABASE_URL && config.DATABASE_APP_URL) {
    problems.push('DATABASE_URL: is required with DATABASE_APP_URL (migrations run as the owner role)');
  }
  if (Boolean(config.FERRY_ADMIN_EMAIL) !== Boolean(config.FERRY_ADMIN_PASSWORD)) {
    problems.push('FERRY_ADMIN_EMAIL / FERRY_ADMIN_PASSWORD: set both or neither');
  }
  for (const key of ['FERRY_MASTER_KEY', 'FERRY_MASTER_KEY_PREVIOUS'] as const) {
    const value = config[key];
    if (value !== undefined && !parseMasterKey(value)) problems.push(`${key}: must be 32 bytes, as base64 (44 characters) or hex (64 characters)`);
  }
  if (config.DATABASE_URL && config.FERRY_DEMO_MODE) {
    problems.push('FERRY_DEMO_MODE: is for `npm start` on the embedded database only; unset it with DATABASE_URL');
  }
  if (config.DATABASE_URL && !config.FERRY_MASTER_KEY) {
    problems.push('FERRY_MASTER_KEY: is required with DATABASE_URL (generate one with: openssl rand -base64 32)');
  }
  if (problems.length) throw new InvalidConfigError(problems);
  return config;
}

const SECRET_KEYS = new Set(['DATABASE_URL', 'DATABASE_APP_URL', 'FERRY_ADMIN_PASSWORD', 'FERRY_MASTER_KEY', 'FERRY_MASTER_KEY_PREVIOUS', 'METRICS_TOKEN']);

function describe(error: ValidationError, raw: Record<string, string>): string[] {
  const shown = SECRET_KEYS.has(error.property) ? '' : ` (got "${raw[error.property] ?? ''}")`;
  return Object.values(error.constraints ?? {}).map((message) => {
    const reason = message.startsWith(error.property) ? message.slice(error.property.length).trim() : message;
    return `${error.property}: ${reason}${shown}`;
  });
}
