import { Injectable, Logger } from '@nestjs/common';
import { CimcloudClient } from '@ferry/cimcloud';
import { ShopifyGraphqlClient } from '@ferry/shopify';
import { FerryConfig } from '../../core/config/ferry-config';
import { DbContextRunner } from '../../core/tenancy/db-context-runner';
import { CimcloudConfig, CimcloudSecrets, ShopifyConfig, ShopifySecrets, StoredConnection } from './connection-secrets';
import { ConnectionStore } from './connection-store';
import { RunThrottleTally } from './run-throttle-tally';

interface Cached<Client> {
  updatedAt: number;
  client: Client;
}

export type ShopifyConnection = StoredConnection<ShopifyConfig, ShopifySecrets> & { client: ShopifyGraphqlClient };
export type CimcloudConnection = StoredConnection<CimcloudConfig, CimcloudSecrets> & { client: CimcloudClient };

/**
 * Connector clients per tenant, built from the stored connection and kept while it is
 * unchanged: token caches, Shopify's cost bucket and CIMcloud's call budget live in the
 * client, so everything of a tenant in this process shares them.
 */
@Injectable()
export class ConnectorClients {
  private readonly logger = new Logger('Connectors');
  private readonly shopifyClients = new Map<string, Cached<ShopifyGraphqlClient>>();
  private readonly cimcloudClients = new Map<string, Cached<CimcloudClient>>();

  constructor(
    private readonly db: DbContextRunner,
    private readonly store: ConnectionStore,
    private readonly config: FerryConfig,
  ) {}

  async shopify(tenantId: string): Promise<ShopifyConnection | null> {
    const stored = await this.db.run({ tenantId }, (m) => this.store.open<ShopifyConfig, ShopifySecrets>(m, tenantId, 'shopify'));
    if (!stored) return null;
    return { ...stored, client: this.cached(this.shopifyClients, tenantId, stored, () => this.buildShopify(stored)) };
  }

  async cimcloud(tenantId: string): Promise<CimcloudConnection | null> {
    const stored = await this.db.run({ tenantId }, (m) => this.store.open<CimcloudConfig, CimcloudSecrets>(m, tenantId, 'cimcloud'));
    if (!stored) return null;
    return { ...stored, client: this.cached(this.cimcloudClients, tenantId, stored, () => this.buildCimcloud(stored)) };
  }

  buildShopify({ config, secrets }: StoredConnection<ShopifyConfig, ShopifySecrets>): ShopifyGraphqlClient {
    return new ShopifyGraphqlClient({
      shopDomain: config.shopDomain,
      credentials:
        config.authMode === 'admin_token'
          ? { kind: 'static', accessToken: secrets.accessToken ?? '' }
          : { kind: 'clientCredentials', clientId: config.clientId ?? '', clientSecret: secrets.clientSecret ?? '' },
      adminBaseUrl: this.config.FERRY_ALLOW_CONNECTOR_BASE_URLS ? config.adminBaseUrl ?? undefined : undefined,
      logger: {
        debug: () => undefined,
        warn: (message, context) => this.logger.warn({ ...context, shop: config.shopDomain }, message),
      },
      onThrottle: (event) => RunThrottleTally.report('shopify', event),
    });
  }

  buildCimcloud({ config, secrets }: StoredConnection<CimcloudConfig, CimcloudSecrets>): CimcloudClient {
    return new CimcloudClient({
      site: config.siteName,
      baseUrl: this.config.FERRY_ALLOW_CONNECTOR_BASE_URLS ? config.baseUrl ?? undefined : undefined,
      credentials: { authKey: secrets.authKey ?? '', userName: config.authUserName, password: secrets.authPassword ?? '' },
      limits: { perSecond: this.config.CIMCLOUD_CALLS_PER_SECOND, perWindow: this.config.CIMCLOUD_CALLS_PER_15_MIN },
      logger: { warn: (message, meta) => this.logger.warn({ ...meta, site: config.siteName }, message) },
      onThrottle: (event) => RunThrottleTally.report('cimcloud', event),
    });
  }

  private cached<Client>(cache: Map<string, Cached<Client>>, tenantId: string, stored: { updatedAt: Date }, build: () => Client): Client {
    const hit = cache.get(tenantId);
    if (hit && hit.updatedAt === stored.updatedAt.getTime()) return hit.client;
    const client = build();
    cache.set(tenantId, { updatedAt: stored.updatedAt.getTime(), client });
    return client;
  }
}
