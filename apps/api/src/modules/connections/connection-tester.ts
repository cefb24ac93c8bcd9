import { Injectable } from '@nestjs/common';
import { ConnectionTestResult } from '@ferry/contracts';
import { CimcloudAuthError, CimcloudClient, CimcloudError } from '@ferry/cimcloud';
import { ShopifyError, ShopifyGraphqlClient, testConnection } from '@ferry/shopify';

/** "Test connection": one call to each side, turned into a sentence a person can act on. */
@Injectable()
export class ConnectionTester {
  async shopify(client: ShopifyGraphqlClient): Promise<ConnectionTestResult> {
    const testedAt = new Date().toISOString();
    try {
      const report = await testConnection(client);
      const missing = report.missingScopes.map((m) => ({ scope: m.scope, breaks: m.consequence }));
      return {
        ok: missing.length === 0,
        testedAt,
        message: missing.length
          ? `Connected to ${report.shopName}, but ${missing.length} required scope${missing.length > 1 ? 's are' : ' is'} missing: ${missing.map((m) => m.scope).join(', ')}. Grant them in the app's configuration and reinstall it.`
          : `Connected to ${report.shopName} (${report.plan}, ${report.currencyCode}) with every scope Ferry needs.`,
        shopify: { shopName: report.shopName, plan: report.plan, currency: report.currencyCode, grantedScopes: report.grantedScopes, missingScopes: missing },
      };
    } catch (error) {
      return { ok: false, testedAt, message: shopifyProblem(error), shopify: null };
    }
  }

  async cimcloud(client: CimcloudClient): Promise<ConnectionTestResult> {
    const testedAt = new Date().toISOString();
    try {
      const check = await client.testConnection();
      if (check.ok) return { ok: true, testedAt, message: 'CIMcloud accepted the App Authorization.', shopify: null };
      return { ok: false, testedAt, message: cimcloudProblem(check.error), shopify: null };
    } catch (error) {
      return { ok: false, testedAt, message: cimcloudProblem(error), shopify: null };
    }
  }
}

function shopifyProblem(error: unknown): string {
  if (error instanceof ShopifyError) {
    switch (error.kind) {
      case 'auth':
        return 'Shopify refused the credentials: check the access token, or the client ID and secret, and that the app is installed on this shop.';
      case 'config':
        return `Shopify does not know this shop or API version: ${error.message}`;
      case 'unavailable':
      case 'throttled':
        return `Shopify could not be reached or is busy; try again shortly (${error.message}).`;
      default:
        return `Shopify answered with an error: ${error.message}`;
    }
  }
  return `Could not reach Shopify: ${error instanceof Error ? error.message : String(error)}`;
}

function cimcloudProblem(error: unknown): string {
  if (error instanceof CimcloudAuthError) {
    return 'CIMcloud refused the App Authorization: check AuthKey, AuthUserName and AuthPassword (Worker Portal › App Authorizations) and the site name.';
  }
  if (error instanceof CimcloudError) return `CIMcloud answered with an error: ${error.message}`;
  return `Could not reach CIMcloud: ${error instanceof Error ? error.message : String(error)}`;
}
