/**
 * Every queue Ferry uses, defined once: the owner creates them at migration time (the
 * application role cannot create pg-boss's per-queue partitions).
 */
export interface QueueDefinition {
  name: string;
  /** `stately`: one waiting + one running job per singleton key, so a tenant × flow never runs twice at once. */
  policy: 'standard' | 'stately';
  retryLimit: number;
  retryDelaySeconds: number;
  expireInSeconds: number;
  deadLetter?: string;
}

export const PG_BOSS_SCHEMA = 'pgboss';

export const DEAD_LETTER_QUEUE = 'ferry.dead-letter';

export const SYNC_QUEUES = {
  orders: 'sync.orders',
  shipments: 'sync.shipments',
  inventory: 'sync.inventory',
} as const;

/**
 * pg-boss's own expiry of a running sync job is only a backstop: a killed worker's run is
 * taken over once its lease (RUN_LEASE_SECONDS) lapses (modules/sync/run-takeover.ts), and a
 * long backfill that renews its lease must not be failed and restarted under its feet.
 */
const SYNC_JOB_EXPIRY_SECONDS = 4 * 3600;

export const QUEUE_DEFINITIONS: QueueDefinition[] = [
  { name: DEAD_LETTER_QUEUE, policy: 'standard', retryLimit: 0, retryDelaySeconds: 0, expireInSeconds: 3600 },
  ...Object.values(SYNC_QUEUES).map(
    (name): QueueDefinition => ({ name, policy: 'stately', retryLimit: 5, retryDelaySeconds: 10, expireInSeconds: SYNC_JOB_EXPIRY_SECONDS, deadLetter: DEAD_LETTER_QUEUE }),
  ),
];
