import { toGid } from '../store/gid';
import { MailingAddress, OrderRecord } from '../store/model';
import { restMoneyString } from '../store/money';
import { ShopEvent, ShopStore, orderTotals } from '../store/shop-store';

/**
 * Webhook payloads are REST-shaped: snake_case keys, numeric ids next to
 * admin_graphql_api_id, money as "10.00" strings, timestamps with a zone offset and no
 * milliseconds, tags as one comma-separated string.
 */
type Payload = Record<string, unknown>;

export function restTimestamp(iso: string | null): string | null {
  if (!iso) return null;
  return `${iso.slice(0, 19)}+00:00`;
}

function address(a: MailingAddress | null): Payload | null {
  if (!a) return null;
  return {
    first_name: a.firstName,
    last_name: a.lastName,
    name: [a.firstName, a.lastName].filter(Boolean).join(' ') || null,
    company: a.company,
    address1: a.address1,
    address2: a.address2,
    city: a.city,
    province: a.province,
    province_code: a.provinceCode,
    zip: a.zip,
    country: a.country,
    country_code: a.countryCode,
    phone: a.phone,
  };
}

function fulfillmentStatus(
  store: ShopStore,
  order: OrderRecord,
): string | null {
  const status = store.displayFulfillmentStatus(order);
  if (status === 'FULFILLED') return 'fulfilled';
  if (status === 'PARTIALLY_FULFILLED') return 'partial';
  return null;
}

export function orderPayload(store: ShopStore, order: OrderRecord): Payload {
  const totals = orderTotals(order);
  const customer =
    order.customerId === null
      ? undefined
      : store.customers.get(order.customerId);
  const remaining = (lineItemId: number): number =>
    store
      .fulfillmentOrdersOf(order.id)
      .filter((fo) => fo.status !== 'CANCELLED')
      .flatMap((fo) => fo.lineItems)
      .filter((l) => l.lineItemId === lineItemId)
      .reduce((s, l) => s + l.remainingQuantity, 0);
  return {
    id: order.id,
    admin_graphql_api_id: toGid('Order', order.id),
    name: order.name,
    order_number: order.number,
    number: order.number - 1000,
    email: order.email,
    contact_email: order.email,
    phone: order.phone,
    created_at: restTimestamp(order.createdAt),
    updated_at: restTimestamp(order.updatedAt),
    processed_at: restTimestamp(order.processedAt),
    cancelled_at: restTimestamp(order.cancelledAt),
    cancel_reason: order.cancelReason?.toLowerCase() ?? null,
    closed_at: restTimestamp(order.closedAt),
    currency: order.currencyCode,
    presentment_currency: order.currencyCode,
    financial_status: order.financialStatus.toLowerCase(),
    fulfillment_status: fulfillmentStatus(store, order),
    subtotal_price: restMoneyString(totals.subtotal),
    total_price: restMoneyString(totals.total),
    total_tax: restMoneyString(totals.tax),
    total_discounts: restMoneyString(totals.discounts),
    total_line_items_price: restMoneyString(totals.subtotal + totals.discounts),
    note: order.note,
    note_attributes: order.customAttributes.map((a) => ({
      name: a.key,
      value: a.value,
    })),
    tags: order.tags.join(', '),
    po_number: order.poNumber,
    source_name: order.sourceName,
    test: false,
    customer: customer
      ? {
          id: customer.id,
          admin_graphql_api_id: toGid('Customer', customer.id),
          first_name: customer.firstName,
          last_name: customer.lastName,
          email: customer.email,
          phone: customer.phone,
        }
      : null,
    shipping_address: address(order.shippingAddress),
    billing_address: address(order.billingAddress),
    line_items: order.lineItems.map((li) => ({
      id: li.id,
      admin_graphql_api_id: toGid('LineItem', li.id),
      variant_id: li.variantId,
      product_id: li.productId,
      sku: li.sku,
      title: li.title,
      variant_title: li.variantTitle,
      name: li.variantTitle ? `${li.title} - ${li.variantTitle}` : li.title,
      vendor: li.vendor,
      quantity: li.quantity,
      current_quantity: li.currentQuantity,
      fulfillable_quantity: remaining(li.id),
      price: restMoneyString(li.unitPriceCents),
      total_discount: restMoneyString(li.discountCents),
      requires_shipping: li.requiresShipping,
      taxable: li.taxable,
    })),
    shipping_lines: order.shippingLines.map((sl) => ({
      id: sl.id,
      title: sl.title,
      code: sl.code,
      source: sl.source,
      price: restMoneyString(sl.priceCents),
    })),
  };
}

/** Renders the payload for an event, or null when its subject no longer exists. */
export function eventPayload(
  store: ShopStore,
  event: ShopEvent,
): Payload | null {
  const subject = event.subject;
  switch (subject.kind) {
    case 'order': {
      const order = store.orders.get(subject.id);
      return order ? orderPayload(store, order) : null;
    }
    case 'inventory_level': {
      const level = store.getLevel(subject.itemId, subject.locationId);
      if (!level) return null;
      return {
        inventory_item_id: level.inventoryItemId,
        location_id: level.locationId,
        available: level.quantities.available,
        updated_at: restTimestamp(level.updatedAt),
        admin_graphql_api_id: `${toGid('InventoryLevel', level.id)}?inventory_item_id=${level.inventoryItemId}`,
      };
    }
    case 'fulfillment': {
      const f = store.fulfillments.get(subject.id);
      if (!f) return null;
      const tracking = f.trackingInfo[0];
      return {
        id: f.id,
        admin_graphql_api_id: toGid('Fulfillment', f.id),
        order_id: f.orderId,
        name: f.name,
        status: f.status.toLowerCase(),
        location_id: f.locationId,
        created_at: restTimestamp(f.createdAt),
        updated_at: restTimestamp(f.updatedAt),
        tracking_company: tracking?.company ?? null,
        tracking_number: tracking?.number ?? null,
        tracking_numbers: tracking?.number ? [tracking.number] : [],
        tracking_url: tracking?.url ?? null,
        tracking_urls: tracking?.url ? [tracking.url] : [],
        line_items: f.lineItems.map((l) => ({
          id: l.lineItemId,
          quantity: l.quantity,
        })),
      };
    }
    case 'shop':
      return {
        id: store.options.id,
        name: store.options.name,
        domain: store.domain,
        myshopify_domain: store.domain,
        currency: store.options.currencyCode,
        plan_name: store.options.plan.toLowerCase(),
      };
  }
}
