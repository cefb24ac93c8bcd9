import {
  FinancialStatus,
  MailingAddress,
  ShopPlan,
  StoredQuantityName,
} from '../store/model';

/** Inputs and outputs of the control API (in-process and over HTTP). Ids are GIDs. */

export interface CreateShopInput {
  /** "acme" or "acme.myshopify.com". */
  shop: string;
  name?: string;
  plan?: ShopPlan;
  currencyCode?: string;
  /** Scopes of the default app; defaults to everything Ferry needs. */
  scopes?: string[];
  searchLagMs?: number;
  protectedCustomerDataAccess?: boolean;
  throttleMode?: 'graphql' | 'http429';
}

export interface AppCredentials {
  appId: number;
  clientId: string;
  clientSecret: string;
  scopes: string[];
  /** Static shpat_ token (admin-created custom app), null for a Dev Dashboard app. */
  accessToken: string | null;
}

export interface ShopInfo {
  domain: string;
  /** Path-prefixed GraphQL URL for the latest version. */
  graphqlUrl: string;
  /** Path-prefixed client-credentials token URL. */
  tokenUrl: string;
  app: AppCredentials;
}

export interface InstallAppInput {
  title?: string;
  scopes?: string[];
  /** true: issue a static token; false: client-credentials only. Default true. */
  staticToken?: boolean;
}

export interface AddProductInput {
  title: string;
  vendor?: string;
  variants: {
    title?: string;
    sku?: string | null;
    price?: string;
    barcode?: string | null;
  }[];
}

export interface ProductInfo {
  productId: string;
  variants: {
    variantId: string;
    inventoryItemId: string;
    sku: string | null;
  }[];
}

export interface StockInput {
  inventoryItemId: string;
  locationId: string;
  quantities: Partial<Record<StoredQuantityName, number>>;
}

export interface CreateOrderInput {
  email?: string | null;
  phone?: string | null;
  note?: string | null;
  poNumber?: string | null;
  tags?: string[];
  customAttributes?: { key: string; value: string }[];
  customerId?: string | null;
  shippingAddress?: Partial<MailingAddress> | null;
  billingAddress?: Partial<MailingAddress> | null;
  lineItems: {
    variantId?: string;
    sku?: string | null;
    title?: string;
    quantity: number;
    price?: string;
    requiresShipping?: boolean;
  }[];
  shippingLines?: { title: string; price: string }[];
  financialStatus?: FinancialStatus;
  createdAt?: string;
  locationId?: string;
}

export interface OrderInfo {
  orderId: string;
  name: string;
  updatedAt: string;
  fulfillmentOrderIds: string[];
}

export interface ShopSummary {
  domain: string;
  plan: ShopPlan;
  orders: number;
  fulfillments: number;
  products: number;
  variants: number;
  locations: number;
  webhookSubscriptions: number;
}
