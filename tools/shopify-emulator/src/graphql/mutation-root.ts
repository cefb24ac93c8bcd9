import { bulkOperationView } from './views/bulk-operation-view';
import { fulfillmentCreate } from './mutations/fulfillment-create';
import { inventorySetQuantities } from './mutations/inventory-set-quantities';
import {
  webhookSubscriptionCreate,
  webhookSubscriptionDelete,
} from './mutations/webhook-subscription-mutations';
import { GraphQLSource, RequestContext } from './request-context';

/** Root mutation fields. */
export const mutationRoot: GraphQLSource = {
  fulfillmentCreate,
  inventorySetQuantities,
  webhookSubscriptionCreate,
  webhookSubscriptionDelete,
  bulkOperationRunQuery: (args: { query: string }, ctx: RequestContext) => {
    const result = ctx.bulkOperations.run(ctx, args.query);
    return {
      bulkOperation: result.operation
        ? bulkOperationView(result.operation)
        : null,
      userErrors: result.userErrors,
    };
  },
};
