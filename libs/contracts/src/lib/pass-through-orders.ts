/** Where a Shopify order is on its way to the ERP (the seed's "Pass Through Orders" view). */
export const PASS_THROUGH_STATUSES = ['mapped', 'sent', 'imported', 'import_failed', 'failed', 'skipped'] as const;
export type PassThroughStatus = (typeof PASS_THROUGH_STATUSES)[number];

export interface PassThroughOrderSummary {
  id: string;
  shopifyOrderId: string;
  shopifyOrderName: string;
  shopifyCreatedAt: string;
  shopifyUpdatedAt: string;
  orderNumber: string | null;
  status: PassThroughStatus;
  skipReason: string | null;
  erpSalesOrderNo: string | null;
  erpError: string | null;
  editedAfterImport: boolean;
  /** The open error of this order, if any. */
  openErrorId: string | null;
  sentAt: string | null;
  importedAt: string | null;
  updatedAt: string;
}

export interface PassThroughOrderDetail extends PassThroughOrderSummary {
  /** The Shopify order as read (Admin API GraphQL shape). */
  sourcePayload: unknown;
  /** The CIMcloud pass-through order Ferry made of it, if mapping succeeded. */
  mappedPayload: unknown;
  mappingVersion: { id: string; version: number } | null;
  errors: RecordErrorSummary[];
  /**
   * The last legs of the journey: the ERP's shipment packages of this order and the Shopify
   * fulfillments Ferry made of them, oldest first (the API always sends it; empty until shipped).
   */
  shipments?: OrderShipment[];
}

/** Where an ERP shipment package is on its way to Shopify (the shipment_pushes ledger). */
export const SHIPMENT_PUSH_STATUSES = ['pending', 'fulfilled', 'failed', 'skipped'] as const;
export type ShipmentPushStatus = (typeof SHIPMENT_PUSH_STATUSES)[number];

/** One ERP shipment package of an order and its Shopify fulfillment (DESIGN §2.2). */
export interface OrderShipment {
  id: string;
  invoiceNo: string;
  packageNo: string;
  /** ERP ship-via code. */
  shipVia: string | null;
  trackingNumber: string | null;
  /** Carrier name and tracking URL as sent to Shopify (after the ship-via → carrier lookup). */
  trackingCompany: string | null;
  trackingUrl: string | null;
  /** Shipped lines by ERP item code. */
  lines: Array<{ itemCode: string; quantity: number }>;
  status: ShipmentPushStatus;
  /** The Shopify fulfillment's id, once created. */
  fulfillmentId: string | null;
  /** Why it was not pushed (failed) or had nothing to push (skipped). */
  error: string | null;
  /** When Ferry read the shipment from the ERP. */
  readAt: string;
  /** When the Shopify fulfillment was created (null unless fulfilled). */
  pushedAt: string | null;
}

export const ERROR_CATEGORIES = [
  'mapping_error',
  'validation_error',
  'sku_not_matched',
  'location_not_matched',
  'cimcloud_rejected',
  'erp_import_failed',
  'shopify_user_error',
  'rate_limited',
  'auth_failed',
  'upstream_unavailable',
] as const;
export type ErrorCategory = (typeof ERROR_CATEGORIES)[number];

export const ERROR_STATES = ['open', 'retrying', 'resolved', 'skipped'] as const;
export type ErrorState = (typeof ERROR_STATES)[number];

/** An entry of the error queue (DESIGN §3.1). */
export interface RecordErrorSummary {
  id: string;
  flow: 'orders' | 'shipments' | 'inventory';
  recordKey: string;
  category: ErrorCategory;
  message: string;
  field: string | null;
  state: ErrorState;
  attempts: number;
  firstSeenAt: string;
  lastSeenAt: string;
  nextRetryAt: string | null;
}

/** Retry or skip every open error matching a filter; `dryRun` only counts them. */
export interface BulkErrorActionRequest {
  flow?: 'orders' | 'shipments' | 'inventory';
  category?: ErrorCategory;
  dryRun?: boolean;
}

export interface BulkErrorActionResponse {
  matched: number;
  /** 0 on a dry run. */
  changed: number;
}
