import { CimcloudConnection, ConnectorClients, ShopifyConnection } from '../connections/connector-clients';
import { PermanentRunError } from './permanent-run-error';

/** Both sides of a tenant's sync; a run without either waits for a person (no retries). */
export async function connectedSystems(clients: ConnectorClients, tenantId: string): Promise<{ shopify: ShopifyConnection; cimcloud: CimcloudConnection }> {
  const shopify = await clients.shopify(tenantId);
  if (!shopify) throw new PermanentRunError('Shopify is not connected.');
  const cimcloud = await clients.cimcloud(tenantId);
  if (!cimcloud) throw new PermanentRunError('CIMcloud is not connected.');
  return { shopify, cimcloud };
}
