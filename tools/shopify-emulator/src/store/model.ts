/** Records the emulator keeps per shop. Money in cents, times as ISO strings. */

export type ShopPlan = 'STANDARD' | 'ADVANCED' | 'PLUS' | 'ENTERPRISE';

export interface MailingAddress {
  firstName: string | null;
  lastName: string | null;
  company: string | null;
  address1: string | null;
  address2: string | null;
  city: string | null;
  province: string | null;
  provinceCode: string | null;
  zip: string | null;
  country: string | null;
  countryCode: string | null;
  phone: string | null;
}

export interface CustomerRecord {
  id: number;
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  phone: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface LocationRecord {
  id: number;
  name: string;
  isActive: boolean;
  fulfillsOnlineOrders: boolean;
  address: MailingAddress;
}

export interface ProductRecord {
  id: number;
  title: string;
  handle: string;
  vendor: string;
  status: 'ACTIVE' | 'DRAFT' | 'ARCHIVED';
  createdAt: string;
  updatedAt: string;
  variantIds: number[];
}

export interface VariantRecord {
  id: number;
  productId: number;
  title: string;
  sku: string | null;
  barcode: string | null;
  priceCents: number;
  inventoryItemId: number;
  createdAt: string;
  updatedAt: string;
}

export interface InventoryItemRecord {
  id: number;
  variantId: number;
  sku: string | null;
  tracked: boolean;
  createdAt: string;
  updatedAt: string;
}

/** Quantity names that are stored; on_hand and unavailable are derived. */
export const STORED_QUANTITY_NAMES = [
  'available',
  'committed',
  'reserved',
  'damaged',
  'quality_control',
  'safety_stock',
  'incoming',
] as const;
export type StoredQuantityName = (typeof STORED_QUANTITY_NAMES)[number];

export interface InventoryLevelRecord {
  id: number;
  inventoryItemId: number;
  locationId: number;
  quantities: Record<StoredQuantityName, number>;
  updatedAt: string;
}

export interface LineItemRecord {
  id: number;
  title: string;
  variantTitle: string | null;
  sku: string | null;
  vendor: string | null;
  quantity: number;
  currentQuantity: number;
  unitPriceCents: number;
  discountCents: number;
  taxCents: number;
  variantId: number | null;
  productId: number | null;
  requiresShipping: boolean;
  taxable: boolean;
}

export interface ShippingLineRecord {
  id: number;
  title: string;
  code: string | null;
  source: string | null;
  carrierIdentifier: string | null;
  priceCents: number;
}

export type FinancialStatus =
  | 'PENDING'
  | 'AUTHORIZED'
  | 'PAID'
  | 'PARTIALLY_PAID'
  | 'REFUNDED'
  | 'VOIDED';

/** One version of an order's updated_at as the (lagging) search index sees it. */
export interface SearchIndexEntry {
  updatedAt: string;
  visibleFromMs: number;
}

export interface OrderRecord {
  id: number;
  number: number;
  name: string;
  createdAt: string;
  updatedAt: string;
  processedAt: string;
  cancelledAt: string | null;
  cancelReason: string | null;
  closedAt: string | null;
  email: string | null;
  phone: string | null;
  note: string | null;
  poNumber: string | null;
  sourceName: string;
  tags: string[];
  customAttributes: { key: string; value: string }[];
  currencyCode: string;
  customerId: number | null;
  shippingAddress: MailingAddress | null;
  billingAddress: MailingAddress | null;
  lineItems: LineItemRecord[];
  shippingLines: ShippingLineRecord[];
  financialStatus: FinancialStatus;
  searchIndex: SearchIndexEntry[];
}

export type FulfillmentOrderStatus =
  | 'OPEN'
  | 'IN_PROGRESS'
  | 'CLOSED'
  | 'CANCELLED'
  | 'ON_HOLD'
  | 'SCHEDULED'
  | 'INCOMPLETE';

export interface FulfillmentOrderLineItemRecord {
  id: number;
  lineItemId: number;
  totalQuantity: number;
  remainingQuantity: number;
}

export interface FulfillmentOrderRecord {
  id: number;
  orderId: number;
  locationId: number;
  status: FulfillmentOrderStatus;
  lineItems: FulfillmentOrderLineItemRecord[];
  createdAt: string;
  updatedAt: string;
}

export interface TrackingInfo {
  company: string | null;
  number: string | null;
  url: string | null;
}

export interface FulfillmentRecord {
  id: number;
  orderId: number;
  locationId: number;
  name: string;
  status: 'SUCCESS' | 'CANCELLED';
  trackingInfo: TrackingInfo[];
  lineItems: { lineItemId: number; quantity: number }[];
  notifyCustomer: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface WebhookSubscriptionRecord {
  id: number;
  appId: number;
  topic: string;
  uri: string;
  format: 'JSON';
  apiVersion: string;
  createdAt: string;
  updatedAt: string;
}

export interface AppRecord {
  id: number;
  title: string;
  clientId: string;
  clientSecret: string;
  scopes: string[];
  staticToken: string | null;
}
