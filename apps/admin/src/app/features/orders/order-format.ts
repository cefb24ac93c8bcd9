import { ErrorCategory, ErrorState, PassThroughOrderDetail, PassThroughOrderSummary, PassThroughStatus, ShipmentPushStatus } from '@ferry/contracts';

/** How a status is coloured: done, on its way, needs attention, or neutral. */
export type Tone = 'ok' | 'busy' | 'bad' | 'neutral';

export const SHIPMENT_STATUS_LABELS: Record<ShipmentPushStatus, string> = {
  pending: 'Waiting for Shopify',
  fulfilled: 'Fulfilled in Shopify',
  failed: 'Failed',
  skipped: 'Nothing left to fulfil',
};

export const SHIPMENT_STATUS_TONES: Record<ShipmentPushStatus, Tone> = { pending: 'busy', fulfilled: 'ok', failed: 'bad', skipped: 'neutral' };

export const ORDER_STATUS_LABELS: Record<PassThroughStatus, string> = {
  mapped: 'Mapped',
  sent: 'Sent',
  imported: 'Imported',
  import_failed: 'Import failed',
  failed: 'Failed',
  skipped: 'Skipped',
};

const ORDER_STATUS_TONES: Record<PassThroughStatus, Tone> = {
  mapped: 'busy',
  sent: 'busy',
  imported: 'ok',
  import_failed: 'bad',
  failed: 'bad',
  skipped: 'neutral',
};

export function orderStatusTone(status: PassThroughStatus): Tone {
  return ORDER_STATUS_TONES[status];
}

export const ERROR_CATEGORY_LABELS: Record<ErrorCategory, string> = {
  mapping_error: 'Mapping error',
  validation_error: 'Validation error',
  sku_not_matched: 'SKU not matched',
  location_not_matched: 'Location not matched',
  cimcloud_rejected: 'Rejected by CIMcloud',
  erp_import_failed: 'ERP import failed',
  shopify_user_error: 'Shopify error',
  rate_limited: 'Rate limited',
  auth_failed: 'Authentication failed',
  upstream_unavailable: 'Upstream unavailable',
};

export const ERROR_STATE_TONES: Record<ErrorState, Tone> = {
  open: 'bad',
  retrying: 'busy',
  resolved: 'ok',
  skipped: 'neutral',
};

/** One line about what went wrong with an order (empty when nothing did). */
export function orderErrorLine(order: PassThroughOrderSummary): string {
  if (order.erpError) return order.erpError;
  if (order.status === 'skipped' && order.skipReason) return order.skipReason;
  if (order.openErrorId) return 'Open error: see the order';
  return '';
}

export type JourneyState = 'done' | 'failed' | 'pending' | 'skipped';

export interface JourneyStep {
  key: 'shopify' | 'mapped' | 'sent' | 'erp';
  title: string;
  detail: string;
  state: JourneyState;
  /** When the step happened, if known. */
  at: string | null;
}

/** Shopify order → mapped payload (mapping version) → CIMcloud pass-through → ERP sales order. */
export function orderJourney(order: PassThroughOrderDetail): JourneyStep[] {
  const skipped = order.status === 'skipped';
  const mapped = order.mappedPayload !== null && order.mappedPayload !== undefined;
  const sent = order.sentAt !== null || order.status === 'imported' || order.status === 'import_failed';

  const mappedState: JourneyState = mapped ? 'done' : skipped ? 'skipped' : order.status === 'failed' ? 'failed' : 'pending';
  const sentState: JourneyState = sent ? 'done' : skipped ? 'skipped' : order.status === 'failed' && mapped ? 'failed' : 'pending';
  const erpState: JourneyState =
    order.status === 'imported' ? 'done' : order.status === 'import_failed' ? 'failed' : skipped ? 'skipped' : 'pending';

  let mappedDetail = 'Not mapped yet';
  if (mapped) mappedDetail = order.mappingVersion ? `Mapping version ${order.mappingVersion.version}` : 'Mapped';
  else if (skipped) mappedDetail = order.skipReason ?? 'Skipped';
  else if (mappedState === 'failed') mappedDetail = 'Mapping or validation failed';

  let sentDetail = sentState === 'failed' ? 'Not accepted by CIMcloud' : skipped ? 'Skipped' : 'Not sent yet';
  if (sent) sentDetail = order.orderNumber ? `Order ${order.orderNumber}` : 'Sent';

  let erpDetail = sent ? 'Waiting for the ERP import' : 'Not imported';
  if (order.status === 'imported') erpDetail = order.erpSalesOrderNo ? `Sales order ${order.erpSalesOrderNo}` : 'Imported';
  else if (order.status === 'import_failed') erpDetail = order.erpError ?? 'The ERP import failed';
  else if (skipped) erpDetail = 'Skipped';

  return [
    { key: 'shopify', title: `Shopify order ${order.shopifyOrderName}`, detail: 'Read from Shopify', state: 'done', at: order.shopifyCreatedAt },
    { key: 'mapped', title: 'Mapped payload', detail: mappedDetail, state: mappedState, at: null },
    { key: 'sent', title: 'CIMcloud pass-through', detail: sentDetail, state: sentState, at: order.sentAt },
    { key: 'erp', title: 'ERP sales order', detail: erpDetail, state: erpState, at: order.importedAt },
  ];
}

/** Pretty JSON of a payload ("—" when there is none). */
export function prettyJson(value: unknown): string {
  if (value === null || value === undefined) return '—';
  return JSON.stringify(value, null, 2);
}
