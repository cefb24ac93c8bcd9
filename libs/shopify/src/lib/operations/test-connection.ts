import { ShopifyGraphqlClient } from '../client/shopify-graphql-client';
import { REQUIRED_SCOPES, scopeGranted } from './required-scopes';

export interface ConnectionReport {
  shopName: string;
  shopDomain: string;
  plan: string;
  currencyCode: string;
  grantedScopes: string[];
  missingScopes: { scope: string; consequence: string }[];
}

const QUERY = `query FerryTestConnection {
  shop { name myshopifyDomain currencyCode plan { displayName } }
  currentAppInstallation { accessScopes { handle } }
}`;

interface Result {
  shop: {
    name: string;
    myshopifyDomain: string;
    currencyCode: string;
    plan: { displayName: string };
  };
  currentAppInstallation: { accessScopes: { handle: string }[] };
}

/** "Test connection": who is the shop, on which plan, and which scopes are missing. */
export async function testConnection(
  client: ShopifyGraphqlClient,
): Promise<ConnectionReport> {
  const data = await client.request<Result>(QUERY);
  const granted = data.currentAppInstallation.accessScopes.map((s) => s.handle);
  return {
    shopName: data.shop.name,
    shopDomain: data.shop.myshopifyDomain,
    plan: data.shop.plan.displayName,
    currencyCode: data.shop.currencyCode,
    grantedScopes: granted,
    missingScopes: Object.entries(REQUIRED_SCOPES)
      .filter(([scope]) => !scopeGranted(granted, scope))
      .map(([scope, consequence]) => ({ scope, consequence })),
  };
}
