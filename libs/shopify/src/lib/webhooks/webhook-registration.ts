import { ShopifyGraphqlClient } from '../client/shopify-graphql-client';
import { ShopifyUserError } from '../client/shopify-errors';

const LIST = `query FerryWebhooks($topics: [WebhookSubscriptionTopic!]) {
  webhookSubscriptions(first: 100, topics: $topics) { nodes { id topic uri } }
}`;

const CREATE = `mutation FerryWebhookCreate($topic: WebhookSubscriptionTopic!, $uri: String!) {
  webhookSubscriptionCreate(topic: $topic, webhookSubscription: { uri: $uri, format: JSON }) {
    webhookSubscription { id }
    userErrors { field message }
  }
}`;

/** Subscribes `uri` to a topic (e.g. ORDERS_UPDATED); an existing identical subscription is reused. */
export async function registerWebhook(
  client: ShopifyGraphqlClient,
  topic: string,
  uri: string,
): Promise<string> {
  const existing = await client.request<{
    webhookSubscriptions: { nodes: { id: string; uri: string }[] };
  }>(LIST, { topics: [topic] });
  const same = existing.webhookSubscriptions.nodes.find((s) => s.uri === uri);
  if (same) return same.id;
  const data = await client.request<{
    webhookSubscriptionCreate: {
      webhookSubscription: { id: string } | null;
      userErrors: { field: string[] | null; message: string }[];
    };
  }>(CREATE, { topic, uri });
  const payload = data.webhookSubscriptionCreate;
  if (!payload.webhookSubscription)
    throw new ShopifyUserError('webhookSubscriptionCreate', payload.userErrors);
  return payload.webhookSubscription.id;
}
