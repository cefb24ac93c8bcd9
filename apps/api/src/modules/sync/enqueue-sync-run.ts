import { EntityManager } from 'typeorm';
import { JobQueue } from '../../core/queue/job-queue';
import { SYNC_QUEUES } from '../../core/queue/queue-definitions';
import { SyncJobPayload } from './flow-runner';

/**
 * Queues a run of a flow for a tenant. The tenant is the singleton key of the flow's stately
 * queue: one waiting and one running job per tenant × flow. Null when one is already waiting.
 */
export function enqueueSyncRun(queue: JobQueue, payload: SyncJobPayload, transaction?: EntityManager): Promise<string | null> {
  return queue.enqueue(SYNC_QUEUES[payload.flow], payload, { singletonKey: payload.tenantId }, transaction);
}
