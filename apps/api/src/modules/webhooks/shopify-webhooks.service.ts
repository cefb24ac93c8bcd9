import { Injectable, Logger } from '@nestjs/common';
import { VerifiedWebhook } from '@ferry/shopify';
import { JobQueue } from '../../core/queue/job-queue';
import { DbContextRunner } from '../../core/tenancy/db-context-runner';
import { ShopifyConfig, ShopifySecrets } from '../connections/connection-secrets';
import { ConnectionStore } from '../connections/connection-store';
import { enqueueSyncRun } from '../sync/enqueue-sync-run';
import { SyncJobPayload } from '../sync/flow-runner';

/** Topics that mean "orders changed": they trigger an immediate orders run. */
const ORDER_TOPICS = new Set(['orders/create', 'orders/updated', 'orders/paid', 'orders/cancelled']);

@Injectable()
export class ShopifyWebhooksService {
  private readonly logger = new Logger('ShopifyWebhooks');

  constructor(
    private readonly db: DbContextRunner,
    private readonly store: ConnectionStore,
    private readonly queue: JobQueue,
  ) {}

  /** The secrets a delivery may be signed with: the webhook secret (current and previous), or the app's client secret. */
  async secretsOf(tenantId: string): Promise<string[]> {
    try {
      const connection = await this.db.run({ tenantId }, (m) => this.store.open<ShopifyConfig, ShopifySecrets>(m, tenantId, 'shopify'));
      if (!connection) return [];
      return [...connection.secrets.webhookSecrets, ...(connection.secrets.clientSecret ? [connection.secrets.clientSecret] : [])];
    } catch {
      // An unreadable connection verifies nothing; the sender gets the same 401 as a bad signature.
      return [];
    }
  }

  /**
   * Records the event (its id de-duplicates Shopify's repeats) and, for order topics, queues
   * an orders run. The queue keeps at most one waiting run per tenant: a burst is one run.
   */
  async accept(tenantId: string, webhook: VerifiedWebhook): Promise<boolean> {
    const eventId = webhook.eventId ?? webhook.webhookId;
    return this.db.run({ tenantId }, async (m) => {
      if (eventId) {
        const inserted = (await m.query(
          `insert into webhook_events (tenant_id, event_id, topic) values ($1, $2, $3) on conflict do nothing returning event_id`,
          [tenantId, eventId, webhook.topic],
        )) as unknown[];
        if (inserted.length === 0) return true;
      }
      if (ORDER_TOPICS.has(webhook.topic)) {
        const payload: SyncJobPayload = { tenantId, flow: 'orders', trigger: 'webhook' };
        await enqueueSyncRun(this.queue, payload, m);
      } else {
        this.logger.log({ tenantId, topic: webhook.topic }, 'Webhook received');
      }
      return false;
    });
  }
}
