import { createHmac } from 'node:crypto';

/** X-Shopify-Hmac-Sha256: base64 HMAC-SHA256 of the raw body, keyed with the app secret. */
export function signWebhookBody(rawBody: string, secret: string): string {
  return createHmac('sha256', secret).update(rawBody, 'utf8').digest('base64');
}
