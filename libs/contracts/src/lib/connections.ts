/** The systems a tenant connects (DESIGN §4). One connection of each kind per tenant. */
export const CONNECTION_KINDS = ['shopify', 'cimcloud'] as const;
export type ConnectionKind = (typeof CONNECTION_KINDS)[number];

/**
 * How Ferry authenticates to Shopify: a static Admin API token of a custom app made in the
 * store admin ("Develop apps"), or a Dev Dashboard app's client ID and secret
 * (client-credentials grant — the only way for apps created since 2026-01-01).
 */
export const SHOPIFY_AUTH_MODES = ['admin_token', 'client_credentials'] as const;
export type ShopifyAuthMode = (typeof SHOPIFY_AUTH_MODES)[number];

/**
 * Saving a connection. Secrets are write-only: leave one out to keep the stored value.
 * `adminBaseUrl`/`baseUrl` point at another endpoint than the real service (an emulator,
 * a proxy); leave them out in production.
 */
export interface ShopifyConnectionRequest {
  /** `acme.myshopify.com` */
  shopDomain: string;
  authMode: ShopifyAuthMode;
  /** `shpat_…` (admin_token) */
  accessToken?: string;
  /** client_credentials */
  clientId?: string;
  clientSecret?: string;
  /** Signs webhooks; for client_credentials apps defaults to the client secret. */
  webhookSecret?: string;
  adminBaseUrl?: string;
}

export interface CimcloudConnectionRequest {
  /** The `{sitename}` in `https://api.cimcloud.com/{sitename}/` */
  siteName: string;
  authUserName: string;
  /** From Worker Portal › App Authorizations */
  authKey?: string;
  authPassword?: string;
  baseUrl?: string;
}

/** A stored secret, never shown: only that it is set and its last characters. */
export interface MaskedSecret {
  /** e.g. `••••••••1a2b` */
  hint: string;
}

export interface MissingScope {
  scope: string;
  /** What stops working without it. */
  breaks: string;
}

export interface ShopifyTestDetails {
  shopName: string;
  plan: string;
  currency: string;
  grantedScopes: string[];
  missingScopes: MissingScope[];
}

export interface ConnectionTestResult {
  ok: boolean;
  testedAt: string;
  /** One sentence for people: what worked, or what is wrong and how to fix it. */
  message: string;
  /** Shopify only. */
  shopify: ShopifyTestDetails | null;
}

export interface ShopifyConnectionSummary {
  kind: 'shopify';
  shopDomain: string;
  authMode: ShopifyAuthMode;
  clientId: string | null;
  adminBaseUrl: string | null;
  accessToken: MaskedSecret | null;
  clientSecret: MaskedSecret | null;
  webhookSecret: MaskedSecret | null;
  lastTest: ConnectionTestResult | null;
  updatedAt: string;
}

export interface CimcloudConnectionSummary {
  kind: 'cimcloud';
  siteName: string;
  authUserName: string;
  baseUrl: string | null;
  authKey: MaskedSecret | null;
  authPassword: MaskedSecret | null;
  lastTest: ConnectionTestResult | null;
  updatedAt: string;
}

/** `GET /api/v1/connections`: null where not connected yet. */
export interface ConnectionsResponse {
  shopify: ShopifyConnectionSummary | null;
  cimcloud: CimcloudConnectionSummary | null;
}
