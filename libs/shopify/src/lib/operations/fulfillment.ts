import { ShopifyGraphqlClient } from '../client/shopify-graphql-client';
import {
  ShopifyError,
  ShopifyUnavailableError,
  ShopifyUserError,
} from '../client/shopify-errors';

export interface FulfillmentOrderLine {
  id: string;
  lineItemId: string;
  sku: string | null;
  totalQuantity: number;
  remainingQuantity: number;
}

export interface FulfillmentOrder {
  id: string;
  status: string;
  supportedActions: string[];
  locationId: string | null;
  lines: FulfillmentOrderLine[];
}

export interface ExistingFulfillment {
  id: string;
  trackingNumbers: string[];
}

/** About 540 points: 5 fulfillment orders × 50 lines stays under the 1000-point limit. */
const READ_QUERY = `query FerryFulfillmentOrders($id: ID!) {
  order(id: $id) {
    fulfillments(first: 50) { id trackingInfo(first: 5) { number } }
    fulfillmentOrders(first: 5) { nodes {
      id status supportedActions { action } assignedLocation { location { id } }
      lineItems(first: 50) { nodes { id totalQuantity remainingQuantity sku lineItem { id } } }
    } }
  }
}`;

const CREATE_MUTATION = `mutation FerryFulfillmentCreate($fulfillment: FulfillmentInput!) {
  fulfillmentCreate(fulfillment: $fulfillment) {
    fulfillment { id status }
    userErrors { field message }
  }
}`;

interface ReadResult {
  order: {
    fulfillments: { id: string; trackingInfo: { number: string | null }[] }[];
    fulfillmentOrders: {
      nodes: {
        id: string;
        status: string;
        supportedActions: { action: string }[];
        assignedLocation: { location: { id: string } | null };
        lineItems: {
          nodes: {
            id: string;
            totalQuantity: number;
            remainingQuantity: number;
            sku: string | null;
            lineItem: { id: string };
          }[];
        };
      }[];
    };
  } | null;
}

export interface OrderFulfillmentState {
  fulfillmentOrders: FulfillmentOrder[];
  fulfillments: ExistingFulfillment[];
}

/** The order's fulfillment orders (with remaining quantities) and its fulfillments. */
export async function getFulfillmentState(
  client: ShopifyGraphqlClient,
  orderId: string,
): Promise<OrderFulfillmentState> {
  const data = await client.request<ReadResult>(READ_QUERY, { id: orderId });
  if (!data.order)
    throw new ShopifyError('query', `order ${orderId} not found`);
  return {
    fulfillments: data.order.fulfillments.map((f) => ({
      id: f.id,
      trackingNumbers: f.trackingInfo
        .map((t) => t.number)
        .filter((n): n is string => n !== null),
    })),
    fulfillmentOrders: data.order.fulfillmentOrders.nodes.map((fo) => ({
      id: fo.id,
      status: fo.status,
      supportedActions: fo.supportedActions.map((a) => a.action),
      locationId: fo.assignedLocation.location?.id ?? null,
      lines: fo.lineItems.nodes.map((l) => ({
        id: l.id,
        lineItemId: l.lineItem.id,
        sku: l.sku,
        totalQuantity: l.totalQuantity,
        remainingQuantity: l.remainingQuantity,
      })),
    })),
  };
}

export interface ShipmentInput {
  orderId: string;
  /** Fulfillment order line item id → quantity; all of one order and one location. */
  lines: {
    fulfillmentOrderId: string;
    fulfillmentOrderLineItemId: string;
    quantity: number;
  }[];
  /** Required: it is how a lost response is recognised on the re-read. */
  trackingNumber: string;
  trackingCompany?: string | null;
  trackingUrl?: string | null;
  notifyCustomer?: boolean;
}

export type ShipmentResult =
  | { outcome: 'created'; fulfillmentId: string }
  | { outcome: 'alreadyFulfilled'; fulfillmentId: string };

/**
 * Creates a fulfillment without ever fulfilling a shipment twice. fulfillmentCreate is
 * not idempotent, so the client never repeats it blindly: before every attempt the
 * order is re-read, and a fulfillment already carrying this tracking number means the
 * earlier attempt (whose response was lost) went through.
 */
export async function createFulfillmentSafely(
  client: ShopifyGraphqlClient,
  input: ShipmentInput,
  maxAttempts = 4,
): Promise<ShipmentResult> {
  let lastError: ShopifyError | null = null;
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    const state = await getFulfillmentState(client, input.orderId);
    const existing = state.fulfillments.find((f) =>
      f.trackingNumbers.includes(input.trackingNumber),
    );
    if (existing)
      return { outcome: 'alreadyFulfilled', fulfillmentId: existing.id };
    const byFo = new Map<string, { id: string; quantity: number }[]>();
    for (const line of input.lines) {
      const list = byFo.get(line.fulfillmentOrderId) ?? [];
      list.push({
        id: line.fulfillmentOrderLineItemId,
        quantity: line.quantity,
      });
      byFo.set(line.fulfillmentOrderId, list);
    }
    for (const foId of byFo.keys()) {
      const fo = state.fulfillmentOrders.find((f) => f.id === foId);
      if (!fo?.supportedActions.includes('CREATE_FULFILLMENT')) {
        throw new ShopifyUserError('fulfillmentCreate', [
          {
            field: ['fulfillmentOrderId'],
            message: `fulfillment order ${foId} cannot be fulfilled (status ${fo?.status ?? 'unknown'})`,
          },
        ]);
      }
    }
    try {
      const data = await client.request<{
        fulfillmentCreate: {
          fulfillment: { id: string } | null;
          userErrors: { field: string[] | null; message: string }[];
        };
      }>(
        CREATE_MUTATION,
        {
          fulfillment: {
            lineItemsByFulfillmentOrder: [...byFo.entries()].map(
              ([fulfillmentOrderId, lines]) => ({
                fulfillmentOrderId,
                fulfillmentOrderLineItems: lines,
              }),
            ),
            trackingInfo: {
              number: input.trackingNumber,
              company: input.trackingCompany ?? null,
              url: input.trackingUrl ?? null,
            },
            notifyCustomer: input.notifyCustomer ?? false,
          },
        },
        { retryUnsafe: false },
      );
      const payload = data.fulfillmentCreate;
      if (payload.userErrors.length > 0 || !payload.fulfillment)
        throw new ShopifyUserError('fulfillmentCreate', payload.userErrors);
      return { outcome: 'created', fulfillmentId: payload.fulfillment.id };
    } catch (error) {
      // Only an ambiguous failure is worth a re-read and another try.
      if (!(error instanceof ShopifyUnavailableError)) throw error;
      lastError = error;
    }
  }
  throw (
    lastError ?? new ShopifyUnavailableError('fulfillment not confirmed', true)
  );
}
