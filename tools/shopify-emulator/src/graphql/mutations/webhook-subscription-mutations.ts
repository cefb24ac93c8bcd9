import { parseGid, toGid } from '../../store/gid';
import { WebhookSubscriptionRecord } from '../../store/model';
import { WEBHOOK_TOPICS } from '../../webhooks/webhook-topics';
import { requireScope } from '../access-scopes';
import { GraphQLSource, RequestContext } from '../request-context';
import { webhookSubscriptionView } from '../views/webhook-subscription-view';

export function webhookSubscriptionCreate(
  args: {
    topic: string;
    webhookSubscription: {
      uri?: string | null;
      callbackUrl?: string | null;
      format?: string | null;
    };
  },
  ctx: RequestContext,
): GraphQLSource {
  const topic = WEBHOOK_TOPICS[args.topic];
  if (topic && topic.scopes.length > 0)
    requireScope(ctx.app.scopes, topic.scopes, 'webhookSubscriptionCreate');
  const uri =
    args.webhookSubscription.uri ?? args.webhookSubscription.callbackUrl ?? '';
  const field = [
    'webhookSubscription',
    args.webhookSubscription.uri !== undefined ? 'uri' : 'callbackUrl',
  ];
  if (!uri)
    return {
      webhookSubscription: null,
      userErrors: [{ field, message: "Address can't be blank" }],
    };
  if (!/^(https?|pubsub|arn):/.test(uri)) {
    return {
      webhookSubscription: null,
      userErrors: [{ field, message: 'Address is invalid' }],
    };
  }
  const duplicate = [...ctx.store.webhookSubscriptions.values()].some(
    (s) => s.appId === ctx.app.id && s.topic === args.topic && s.uri === uri,
  );
  if (duplicate) {
    return {
      webhookSubscription: null,
      userErrors: [
        { field, message: 'Address for this topic has already been taken' },
      ],
    };
  }
  const now = ctx.store.nowIso();
  const sub: WebhookSubscriptionRecord = {
    id: ctx.store.nextId(),
    appId: ctx.app.id,
    topic: args.topic,
    uri,
    format: 'JSON',
    apiVersion: ctx.apiVersion,
    createdAt: now,
    updatedAt: now,
  };
  ctx.store.webhookSubscriptions.set(sub.id, sub);
  return { webhookSubscription: webhookSubscriptionView(sub), userErrors: [] };
}

export function webhookSubscriptionDelete(
  args: { id: string },
  ctx: RequestContext,
): GraphQLSource {
  const id = parseGid(args.id, 'WebhookSubscription');
  const sub = id === null ? undefined : ctx.store.webhookSubscriptions.get(id);
  if (!sub || sub.appId !== ctx.app.id) {
    return {
      deletedWebhookSubscriptionId: null,
      userErrors: [
        { field: ['id'], message: 'Webhook subscription does not exist' },
      ],
    };
  }
  ctx.store.webhookSubscriptions.delete(sub.id);
  return {
    deletedWebhookSubscriptionId: toGid('WebhookSubscription', sub.id),
    userErrors: [],
  };
}
