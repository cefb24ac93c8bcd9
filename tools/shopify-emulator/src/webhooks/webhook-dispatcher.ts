import { randomUUID } from 'node:crypto';
import { EmulatorClock } from '../clock/emulator-clock';
import { SeededRandom } from '../store/seeded-random';
import { ShopEvent, ShopStore } from '../store/shop-store';
import { WebhookSubscriptionRecord } from '../store/model';
import { eventPayload } from './rest-payloads';
import { signWebhookBody } from './webhook-signature';
import { topicHeader } from './webhook-topics';

export type DeliveryStatus = 'pending' | 'delivered' | 'failed' | 'dropped';

export interface DeliveryRecord {
  webhookId: string;
  eventId: string;
  topic: string;
  shopDomain: string;
  uri: string;
  triggeredAt: string;
  /** Every HTTP attempt's outcome: a status code or a network error message. */
  attempts: (number | string)[];
  status: DeliveryStatus;
  duplicate: boolean;
  body: string;
}

export interface WebhookOptions {
  /** Retries after the first attempt (Shopify: 8 over about 4 hours). */
  maxRetries: number;
  /** First retry delay in emulated ms; doubles each time. */
  firstRetryDelayMs: number;
  /** Probability in [0,1] that an event is delivered twice. */
  duplicateRate: number;
  /** Per-attempt timeout in real ms (Shopify waits 5 s). */
  timeoutMs: number;
}

export const DEFAULT_WEBHOOK_OPTIONS: WebhookOptions = {
  maxRetries: 8,
  firstRetryDelayMs: 60_000,
  duplicateRate: 0,
  timeoutMs: 5000,
};

/**
 * Delivers events to subscriptions with Shopify's headers and HMAC. Retries use an
 * exponential backoff measured on the emulator clock (so tests can compress it); a
 * subscription is removed after its retries are exhausted.
 */
export class WebhookDispatcher {
  readonly deliveries: DeliveryRecord[] = [];
  dropping = false;
  private pending = 0;
  private idleWaiters: (() => void)[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private closed = false;

  constructor(
    readonly options: WebhookOptions,
    private readonly clock: EmulatorClock,
    private readonly random: SeededRandom,
    private readonly secretOf: (
      shopDomain: string,
      appId: number,
    ) => string | null,
  ) {}

  dispatch(store: ShopStore, event: ShopEvent): void {
    const subs = [...store.webhookSubscriptions.values()].filter(
      (s) => topicHeader(s.topic) === event.topic,
    );
    if (subs.length === 0) return;
    const payload = eventPayload(store, event);
    if (!payload) return;
    const body = JSON.stringify(payload);
    const eventId = randomUUID();
    const triggeredAt = store.nowIso();
    for (const sub of subs) {
      this.enqueue(store, sub, event.topic, body, eventId, triggeredAt, false);
      if (
        this.options.duplicateRate > 0 &&
        this.random.next() < this.options.duplicateRate
      ) {
        this.enqueue(store, sub, event.topic, body, eventId, triggeredAt, true);
      }
    }
  }

  private enqueue(
    store: ShopStore,
    sub: WebhookSubscriptionRecord,
    topic: string,
    body: string,
    eventId: string,
    triggeredAt: string,
    duplicate: boolean,
  ): void {
    const record: DeliveryRecord = {
      webhookId: randomUUID(),
      eventId,
      topic,
      shopDomain: store.domain,
      uri: sub.uri,
      triggeredAt,
      attempts: [],
      status: 'pending',
      duplicate,
      body,
    };
    this.deliveries.push(record);
    if (this.dropping) {
      record.status = 'dropped';
      return;
    }
    this.pending++;
    this.schedule(0, () => this.attempt(store, sub, record));
  }

  private schedule(emulatedDelayMs: number, run: () => Promise<void>): void {
    if (this.closed) return this.finish();
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      void run();
    }, this.clock.toRealMs(emulatedDelayMs));
    this.timers.add(timer);
  }

  private async attempt(
    store: ShopStore,
    sub: WebhookSubscriptionRecord,
    record: DeliveryRecord,
  ): Promise<void> {
    const secret = this.secretOf(store.domain, sub.appId);
    if (secret === null) {
      record.status = 'failed';
      return this.finish();
    }
    let outcome: number | string;
    try {
      const response = await fetch(record.uri, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'X-Shopify-Topic': record.topic,
          'X-Shopify-Hmac-Sha256': signWebhookBody(record.body, secret),
          'X-Shopify-Shop-Domain': record.shopDomain,
          'X-Shopify-API-Version': sub.apiVersion,
          'X-Shopify-Webhook-Id': record.webhookId,
          'X-Shopify-Event-Id': record.eventId,
          'X-Shopify-Triggered-At': record.triggeredAt,
        },
        body: record.body,
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
      await response.arrayBuffer();
      outcome = response.status;
    } catch (error) {
      outcome = error instanceof Error ? error.message : String(error);
    }
    record.attempts.push(outcome);
    if (typeof outcome === 'number' && outcome >= 200 && outcome < 300) {
      record.status = 'delivered';
      return this.finish();
    }
    const retry = record.attempts.length - 1;
    if (retry >= this.options.maxRetries) {
      record.status = 'failed';
      store.webhookSubscriptions.delete(sub.id);
      return this.finish();
    }
    this.schedule(this.options.firstRetryDelayMs * 2 ** retry, () =>
      this.attempt(store, sub, record),
    );
  }

  private finish(): void {
    this.pending = Math.max(0, this.pending - 1);
    if (this.pending === 0) {
      const waiters = this.idleWaiters;
      this.idleWaiters = [];
      for (const w of waiters) w();
    }
  }

  /** Resolves when no delivery is pending (delivered, failed for good, or dropped). */
  settle(): Promise<void> {
    if (this.pending === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  close(): void {
    this.closed = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    this.pending = 0;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const w of waiters) w();
  }
}
