import { parseGid, toGid } from '../../store/gid';
import { FulfillmentOrderRecord } from '../../store/model';
import { requireScope } from '../access-scopes';
import { GraphQLSource, RequestContext } from '../request-context';
import { fulfillmentView, supportedActions } from '../views/order-views';

interface FulfillmentInput {
  lineItemsByFulfillmentOrder: {
    fulfillmentOrderId: string;
    fulfillmentOrderLineItems?: { id: string; quantity: number }[] | null;
  }[];
  trackingInfo?: {
    company?: string | null;
    number?: string | null;
    numbers?: string[] | null;
    url?: string | null;
    urls?: string[] | null;
  } | null;
  notifyCustomer?: boolean | null;
}

interface UserError {
  field: string[] | null;
  message: string;
}

function failure(userErrors: UserError[]): GraphQLSource {
  return { fulfillment: null, userErrors };
}

/**
 * fulfillmentCreate: validates everything first, then applies atomically. It is not
 * idempotent, like Shopify's: a retry after a lost response fulfils again whatever
 * quantity is still remaining.
 */
export function fulfillmentCreate(
  args: { fulfillment: FulfillmentInput },
  ctx: RequestContext,
): GraphQLSource {
  requireScope(
    ctx.app.scopes,
    [
      'write_merchant_managed_fulfillment_orders',
      'write_assigned_fulfillment_orders',
      'write_third_party_fulfillment_orders',
    ],
    'fulfillmentCreate',
  );
  const input = args.fulfillment;
  if (input.lineItemsByFulfillmentOrder.length === 0) {
    return failure([
      {
        field: ['fulfillment', 'lineItemsByFulfillmentOrder'],
        message: 'Line items by fulfillment order must not be empty.',
      },
    ]);
  }
  const items: {
    fulfillmentOrder: FulfillmentOrderRecord;
    lineItemId: number;
    foLineItemId: number;
    quantity: number;
  }[] = [];
  const orders = new Set<number>();
  const locations = new Set<number>();
  for (const [index, group] of input.lineItemsByFulfillmentOrder.entries()) {
    const path = [
      'fulfillment',
      'lineItemsByFulfillmentOrder',
      String(index),
      'fulfillmentOrderId',
    ];
    const foId = parseGid(group.fulfillmentOrderId, 'FulfillmentOrder');
    const fo =
      foId === null ? undefined : ctx.store.fulfillmentOrders.get(foId);
    if (!fo)
      return failure([
        { field: path, message: 'Fulfillment order does not exist.' },
      ]);
    if (!supportedActions(fo).includes('CREATE_FULFILLMENT')) {
      return failure([
        {
          field: path,
          message: `Fulfillment order ${foId} has an unfulfillable status= ${fo.status.toLowerCase()}.`,
        },
      ]);
    }
    orders.add(fo.orderId);
    locations.add(fo.locationId);
    const requested =
      group.fulfillmentOrderLineItems &&
      group.fulfillmentOrderLineItems.length > 0
        ? group.fulfillmentOrderLineItems
        : fo.lineItems
            .filter((l) => l.remainingQuantity > 0)
            .map((l) => ({
              id: toGid('FulfillmentOrderLineItem', l.id),
              quantity: l.remainingQuantity,
            }));
    for (const [lineIndex, line] of requested.entries()) {
      const lineId = parseGid(line.id, 'FulfillmentOrderLineItem');
      const foLine = fo.lineItems.find((l) => l.id === lineId);
      if (!foLine) {
        return failure([
          {
            field: [
              'fulfillment',
              'lineItemsByFulfillmentOrder',
              String(index),
              'fulfillmentOrderLineItems',
              String(lineIndex),
              'id',
            ],
            message: 'Fulfillment order line item does not exist.',
          },
        ]);
      }
      const alreadyRequested = items
        .filter((i) => i.foLineItemId === foLine.id)
        .reduce((s, i) => s + i.quantity, 0);
      if (
        line.quantity <= 0 ||
        line.quantity + alreadyRequested > foLine.remainingQuantity
      ) {
        return failure([
          {
            field: ['fulfillment'],
            message: 'Invalid fulfillment order line item quantity requested.',
          },
        ]);
      }
      items.push({
        fulfillmentOrder: fo,
        lineItemId: foLine.lineItemId,
        foLineItemId: foLine.id,
        quantity: line.quantity,
      });
    }
  }
  if (orders.size > 1) {
    return failure([
      {
        field: ['fulfillment'],
        message: 'All fulfillment orders must belong to the same order.',
      },
    ]);
  }
  if (locations.size > 1) {
    return failure([
      {
        field: ['fulfillment'],
        message:
          'All fulfillment orders must be assigned to the same location.',
      },
    ]);
  }
  if (items.length === 0) {
    return failure([
      {
        field: ['fulfillment'],
        message: 'Invalid fulfillment order line item quantity requested.',
      },
    ]);
  }
  const tracking = input.trackingInfo
    ? {
        company: input.trackingInfo.company ?? null,
        number:
          input.trackingInfo.number ?? input.trackingInfo.numbers?.[0] ?? null,
        url: input.trackingInfo.url ?? input.trackingInfo.urls?.[0] ?? null,
      }
    : null;
  const [orderId] = [...orders];
  const [locationId] = [...locations];
  if (orderId === undefined || locationId === undefined)
    return failure([
      { field: ['fulfillment'], message: 'Fulfillment order does not exist.' },
    ]);
  const fulfillment = ctx.store.applyFulfillment({
    orderId,
    locationId,
    items,
    trackingInfo: tracking,
    notifyCustomer: input.notifyCustomer ?? false,
  });
  return { fulfillment: fulfillmentView(ctx, fulfillment), userErrors: [] };
}
