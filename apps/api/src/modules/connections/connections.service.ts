import { Injectable } from '@nestjs/common';
import {
  CimcloudConnectionSummary,
  ConnectionKind,
  ConnectionsResponse,
  ConnectionTestResult,
  ShopifyConnectionSummary,
} from '@ferry/contracts';
import { registerWebhook } from '@ferry/shopify';
import { recordAudit } from '../../core/audit/audit-log';
import { FerryConfig } from '../../core/config/ferry-config';
import { problems } from '../../core/http/problem';
import { DbContextRunner } from '../../core/tenancy/db-context-runner';
import { TenantContext } from '../../core/tenancy/tenant-context';
import { CimcloudConfig, CimcloudSecrets, ShopifyConfig, ShopifySecrets } from './connection-secrets';
import { ConnectionRecord, ConnectionStore } from './connection-store';
import { ConnectionTester } from './connection-tester';
import { ConnectorClients } from './connector-clients';
import { CimcloudConnectionDto } from './dto/cimcloud-connection.dto';
import { ShopifyConnectionDto } from './dto/shopify-connection.dto';
import { secretHint } from './secret-hint';

/** The Shopify topics that start an orders run at once. */
const WEBHOOK_TOPICS = ['ORDERS_CREATE', 'ORDERS_UPDATED'];

@Injectable()
export class ConnectionsService {
  constructor(
    private readonly db: DbContextRunner,
    private readonly store: ConnectionStore,
    private readonly clients: ConnectorClients,
    private readonly tester: ConnectionTester,
    private readonly config: FerryConfig,
  ) {}

  list(tenant: TenantContext): Promise<ConnectionsResponse> {
    return this.db.forTenant(tenant, async (m) => ({
      shopify: toShopifySummary(await this.store.read<ShopifyConfig>(m, tenant.tenantId, 'shopify')),
      cimcloud: toCimcloudSummary(await this.store.read<CimcloudConfig>(m, tenant.tenantId, 'cimcloud')),
    }));
  }

  /** Saves (secrets left out keep their stored value), then tests the connection. */
  async saveShopify(tenant: TenantContext, body: ShopifyConnectionDto): Promise<ShopifyConnectionSummary> {
    this.assertBaseUrlAllowed('adminBaseUrl', body.adminBaseUrl);
    await this.db.forTenant(tenant, async (m) => {
      const previous = await this.store.open<ShopifyConfig, ShopifySecrets>(m, tenant.tenantId, 'shopify');
      const kept = previous?.secrets ?? { webhookSecrets: [] };
      const secrets: ShopifySecrets = {
        accessToken: body.authMode === 'admin_token' ? body.accessToken ?? kept.accessToken : undefined,
        clientSecret: body.authMode === 'client_credentials' ? body.clientSecret ?? kept.clientSecret : undefined,
        // A new webhook secret keeps the previous one accepted while Shopify switches over.
        webhookSecrets: body.webhookSecret && body.webhookSecret !== kept.webhookSecrets[0] ? [body.webhookSecret, ...kept.webhookSecrets].slice(0, 2) : kept.webhookSecrets,
      };
      if (body.authMode === 'admin_token' && !secrets.accessToken) throw problems.validation([{ field: 'accessToken', message: 'is required for an admin-created app' }]);
      if (body.authMode === 'client_credentials') {
        const missing = [!body.clientId && { field: 'clientId', message: 'is required for a Dev Dashboard app' }, !secrets.clientSecret && { field: 'clientSecret', message: 'is required for a Dev Dashboard app' }].filter(
          (e): e is { field: string; message: string } => Boolean(e),
        );
        if (missing.length) throw problems.validation(missing);
      }
      const config: ShopifyConfig = {
        shopDomain: body.shopDomain,
        authMode: body.authMode,
        clientId: body.authMode === 'client_credentials' ? body.clientId ?? null : null,
        adminBaseUrl: body.adminBaseUrl ?? null,
      };
      const hints: Record<string, { hint: string }> = {};
      if (secrets.accessToken) hints['accessToken'] = secretHint(secrets.accessToken, 'token');
      if (secrets.clientSecret) hints['clientSecret'] = secretHint(secrets.clientSecret, 'token');
      if (secrets.webhookSecrets[0]) hints['webhookSecret'] = secretHint(secrets.webhookSecrets[0], 'token');
      await this.store.write(m, tenant.tenantId, 'shopify', config, secrets, hints);
      await recordAudit(m, tenant, {
        action: 'connection.saved',
        targetType: 'connection',
        targetId: 'shopify',
        details: { shopDomain: config.shopDomain, authMode: config.authMode, changedSecrets: changedSecretNames(body, ['accessToken', 'clientSecret', 'webhookSecret']) },
      });
    });
    const result = await this.test(tenant, 'shopify');
    if (result.ok) await this.registerWebhooks(tenant, result);
    return (await this.list(tenant)).shopify as ShopifyConnectionSummary;
  }

  async saveCimcloud(tenant: TenantContext, body: CimcloudConnectionDto): Promise<CimcloudConnectionSummary> {
    this.assertBaseUrlAllowed('baseUrl', body.baseUrl);
    await this.db.forTenant(tenant, async (m) => {
      const previous = await this.store.open<CimcloudConfig, CimcloudSecrets>(m, tenant.tenantId, 'cimcloud');
      const secrets: CimcloudSecrets = {
        authKey: body.authKey ?? previous?.secrets.authKey,
        authPassword: body.authPassword ?? previous?.secrets.authPassword,
      };
      const missing = [!secrets.authKey && { field: 'authKey', message: 'is required' }, !secrets.authPassword && { field: 'authPassword', message: 'is required' }].filter(
        (e): e is { field: string; message: string } => Boolean(e),
      );
      if (missing.length) throw problems.validation(missing);
      const config: CimcloudConfig = { siteName: body.siteName, authUserName: body.authUserName, baseUrl: body.baseUrl ?? null };
      await this.store.write(m, tenant.tenantId, 'cimcloud', config, secrets, {
        authKey: secretHint(secrets.authKey as string, 'token'),
        authPassword: secretHint(secrets.authPassword as string, 'password'),
      });
      await recordAudit(m, tenant, {
        action: 'connection.saved',
        targetType: 'connection',
        targetId: 'cimcloud',
        details: { siteName: config.siteName, authUserName: config.authUserName, changedSecrets: changedSecretNames(body, ['authKey', 'authPassword']) },
      });
    });
    await this.test(tenant, 'cimcloud');
    return (await this.list(tenant)).cimcloud as CimcloudConnectionSummary;
  }

  async test(tenant: TenantContext, kind: ConnectionKind): Promise<ConnectionTestResult> {
    let result: ConnectionTestResult;
    if (kind === 'shopify') {
      const connection = await this.clients.shopify(tenant.tenantId);
      if (!connection) throw problems.notFound('Shopify connection');
      result = await this.tester.shopify(connection.client);
    } else {
      const connection = await this.clients.cimcloud(tenant.tenantId);
      if (!connection) throw problems.notFound('CIMcloud connection');
      result = await this.tester.cimcloud(connection.client);
    }
    await this.db.forTenant(tenant, (m) => this.store.recordTest(m, tenant.tenantId, kind, result));
    return result;
  }

  /**
   * Subscribes the shop's order webhooks to this tenant's webhook URL, so new orders arrive
   * within seconds (polling stays the safety net). Needs FERRY_PUBLIC_URL: Shopify must
   * reach Ferry. The outcome is added to the test result people see.
   */
  private async registerWebhooks(tenant: TenantContext, result: ConnectionTestResult): Promise<void> {
    const base = this.config.FERRY_PUBLIC_URL;
    const connection = await this.clients.shopify(tenant.tenantId);
    if (!connection) return;
    let note: string;
    if (!base) {
      note = 'Order webhooks are not registered (FERRY_PUBLIC_URL is not set): orders arrive with the schedule.';
    } else {
      const uri = `${base.replace(/\/$/, '')}/api/v1/webhooks/shopify/${tenant.tenantId}`;
      try {
        for (const topic of WEBHOOK_TOPICS) await registerWebhook(connection.client, topic, uri);
        note = 'Order webhooks registered: new orders arrive within seconds.';
      } catch (error) {
        note = `Order webhooks could not be registered (${error instanceof Error ? error.message : String(error)}): orders arrive with the schedule.`;
      }
    }
    await this.db.forTenant(tenant, (m) => this.store.recordTest(m, tenant.tenantId, 'shopify', { ...result, message: `${result.message} ${note}` }));
  }

  async remove(tenant: TenantContext, kind: ConnectionKind): Promise<void> {
    await this.db.forTenant(tenant, async (m) => {
      if (!(await this.store.remove(m, tenant.tenantId, kind))) throw problems.notFound(`${kind === 'shopify' ? 'Shopify' : 'CIMcloud'} connection`);
      await recordAudit(m, tenant, { action: 'connection.removed', targetType: 'connection', targetId: kind });
    });
  }

  private assertBaseUrlAllowed(field: string, value: string | undefined): void {
    if (value && !this.config.FERRY_ALLOW_CONNECTOR_BASE_URLS) {
      throw problems.validation([{ field, message: 'is not allowed on this server (FERRY_ALLOW_CONNECTOR_BASE_URLS is off)' }]);
    }
  }
}

/** Which secrets a save replaced — names only, never values (audit log). */
function changedSecretNames(body: object, names: string[]): string[] {
  return names.filter((name) => (body as Record<string, unknown>)[name] !== undefined);
}

function toShopifySummary(record: ConnectionRecord<ShopifyConfig> | null): ShopifyConnectionSummary | null {
  if (!record) return null;
  return {
    kind: 'shopify',
    shopDomain: record.config.shopDomain,
    authMode: record.config.authMode,
    clientId: record.config.clientId,
    adminBaseUrl: record.config.adminBaseUrl,
    accessToken: record.hints['accessToken'] ?? null,
    clientSecret: record.hints['clientSecret'] ?? null,
    webhookSecret: record.hints['webhookSecret'] ?? null,
    lastTest: record.lastTest,
    updatedAt: record.updatedAt.toISOString(),
  };
}

function toCimcloudSummary(record: ConnectionRecord<CimcloudConfig> | null): CimcloudConnectionSummary | null {
  if (!record) return null;
  return {
    kind: 'cimcloud',
    siteName: record.config.siteName,
    authUserName: record.config.authUserName,
    baseUrl: record.config.baseUrl,
    authKey: record.hints['authKey'] ?? null,
    authPassword: record.hints['authPassword'] ?? null,
    lastTest: record.lastTest,
    updatedAt: record.updatedAt.toISOString(),
  };
}
