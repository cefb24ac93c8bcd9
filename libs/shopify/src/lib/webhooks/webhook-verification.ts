import { createHmac, timingSafeEqual } from 'node:crypto';

export type HeaderBag = Record<string, string | string[] | undefined>;

export interface VerifiedWebhook {
  topic: string;
  shopDomain: string;
  apiVersion: string | null;
  /** Same across Shopify's retries of one delivery. */
  webhookId: string | null;
  /** Same for duplicates of one event: the de-duplication key. */
  eventId: string | null;
  triggeredAt: string | null;
}

export type WebhookVerification =
  | { valid: true; webhook: VerifiedWebhook }
  | { valid: false; reason: string };

function header(headers: HeaderBag, name: string): string | null {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== wanted) continue;
    return Array.isArray(value) ? (value[0] ?? null) : (value ?? null);
  }
  return null;
}

/**
 * Verifies X-Shopify-Hmac-Sha256 over the raw body (bytes as received, before any JSON
 * parsing) against each secret (several during a rotation), in constant time with the
 * length checked first, then reads topic, shop and ids from the headers.
 */
export function verifyShopifyWebhook(
  rawBody: Buffer | string,
  headers: HeaderBag,
  secrets: readonly string[],
): WebhookVerification {
  const signature = header(headers, 'x-shopify-hmac-sha256');
  if (!signature) return { valid: false, reason: 'missing signature' };
  const given = Buffer.from(signature, 'base64');
  if (given.length !== 32)
    return { valid: false, reason: 'malformed signature' };
  const body =
    typeof rawBody === 'string' ? Buffer.from(rawBody, 'utf8') : rawBody;
  const matches = secrets.some((secret) => {
    const expected = createHmac('sha256', secret).update(body).digest();
    return expected.length === given.length && timingSafeEqual(expected, given);
  });
  if (!matches) return { valid: false, reason: 'signature mismatch' };
  const topic = header(headers, 'x-shopify-topic');
  const shopDomain = header(headers, 'x-shopify-shop-domain');
  if (!topic || !shopDomain)
    return { valid: false, reason: 'missing topic or shop domain' };
  return {
    valid: true,
    webhook: {
      topic,
      shopDomain,
      apiVersion: header(headers, 'x-shopify-api-version'),
      webhookId: header(headers, 'x-shopify-webhook-id'),
      eventId: header(headers, 'x-shopify-event-id'),
      triggeredAt: header(headers, 'x-shopify-triggered-at'),
    },
  };
}
