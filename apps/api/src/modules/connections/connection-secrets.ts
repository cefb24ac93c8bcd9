/** The secret part of each connection kind: sealed as one JSON document, never returned. */
export interface ShopifySecrets {
  accessToken?: string;
  clientSecret?: string;
  /** Current first; the previous one stays accepted for webhooks during a rotation. */
  webhookSecrets: string[];
}

export interface CimcloudSecrets {
  authKey?: string;
  authPassword?: string;
}

export interface ShopifyConfig {
  shopDomain: string;
  authMode: 'admin_token' | 'client_credentials';
  clientId: string | null;
  adminBaseUrl: string | null;
}

export interface CimcloudConfig {
  siteName: string;
  authUserName: string;
  baseUrl: string | null;
}

export interface StoredConnection<Config, Secrets> {
  config: Config;
  secrets: Secrets;
  updatedAt: Date;
}

/** Associated data of a connection's sealed secrets: bound to its tenant (by the vault) and kind. */
export const connectionSecretPurpose = (kind: 'shopify' | 'cimcloud') => `connection:${kind}`;
