import { DynamicModule, Module } from '@nestjs/common';
import { AuthCoreModule } from './core/auth/auth-core.module';
import { ConfigModule } from './core/config/config.module';
import { FerryConfig } from './core/config/ferry-config';
import { DatabaseModule } from './core/database/database.module';
import { LoggingModule } from './core/logging/logging.module';
import { QueueModule } from './core/queue/queue.module';
import { MasterKeys } from './core/secrets/master-keys';
import { SecretsModule } from './core/secrets/secrets.module';
import { TenancyModule } from './core/tenancy/tenancy.module';
import { ApiKeysModule } from './modules/api-keys/api-keys.module';
import { AuthModule } from './modules/auth/auth.module';
import { AuditModule } from './modules/audit/audit.module';
import { ConnectionsModule } from './modules/connections/connections.module';
import { ErpListsModule } from './modules/erp-lists/erp-lists.module';
import { LocationLinksModule } from './modules/location-links/location-links.module';
import { LookupTablesModule } from './modules/lookup-tables/lookup-tables.module';
import { MappingsModule } from './modules/mappings/mappings.module';
import { OnboardingModule } from './modules/onboarding/onboarding.module';
import { OrdersFlowModule } from './modules/orders-flow/orders-flow.module';
import { ErrorsModule } from './modules/errors/errors.module';
import { PassThroughOrdersModule } from './modules/pass-through-orders/pass-through-orders.module';
import { ShipmentsFlowModule } from './modules/shipments-flow/shipments-flow.module';
import { InventoryFlowModule } from './modules/inventory-flow/inventory-flow.module';
import { WebhooksModule } from './modules/webhooks/webhooks.module';
import { OrderSettingsModule } from './modules/order-settings/order-settings.module';
import { SkuReportModule } from './modules/sku-report/sku-report.module';
import { HealthModule } from './modules/health/health.module';
import { MetricsModule } from './modules/metrics/metrics.module';
import { DashboardModule } from './modules/dashboard/dashboard.module';
import { SchedulesModule } from './modules/schedules/schedules.module';
import { SyncModule } from './modules/sync/sync.module';
import { TenantsModule } from './modules/tenants/tenants.module';
import { UsersModule } from './modules/users/users.module';

export interface AppModuleOptions {
  config: FerryConfig;
  /** Connection string of the application role (see core/database). */
  appDatabaseUrl: string;
  masterKeys: MasterKeys;
}

@Module({})
export class AppModule {
  static register({ config, appDatabaseUrl, masterKeys }: AppModuleOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forConfig(config),
        LoggingModule.forConfig(config),
        DatabaseModule.forUrl(appDatabaseUrl),
        TenancyModule,
        SecretsModule.forMasterKeys(masterKeys),
        QueueModule.forUrl(appDatabaseUrl, config.FERRY_ROLE !== 'api'),
        AuthCoreModule,
        HealthModule,
        MetricsModule,
        AuthModule,
        TenantsModule,
        UsersModule,
        ApiKeysModule,
        SyncModule,
        SchedulesModule,
        ConnectionsModule,
        ErpListsModule,
        OrderSettingsModule,
        LocationLinksModule,
        SkuReportModule,
        LookupTablesModule,
        AuditModule,
        OnboardingModule,
        MappingsModule,
        WebhooksModule,
        OrdersFlowModule,
        ErrorsModule,
        PassThroughOrdersModule,
        ShipmentsFlowModule,
        InventoryFlowModule,
        DashboardModule,
      ],
    };
  }
}
