import { toGid } from '../../store/gid';
import { WebhookSubscriptionRecord } from '../../store/model';
import { GraphQLSource } from '../request-context';

export function webhookSubscriptionView(
  sub: WebhookSubscriptionRecord,
): GraphQLSource {
  return {
    id: toGid('WebhookSubscription', sub.id),
    legacyResourceId: String(sub.id),
    topic: sub.topic,
    uri: sub.uri,
    format: sub.format,
    apiVersion: {
      handle: sub.apiVersion,
      displayName: sub.apiVersion,
      supported: true,
    },
    createdAt: sub.createdAt,
    updatedAt: sub.updatedAt,
  };
}
