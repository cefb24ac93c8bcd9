import { Module } from '@nestjs/common';
import { ConnectionsModule } from '../connections/connections.module';
import { LookupTablesModule } from '../lookup-tables/lookup-tables.module';
import { MappingsModule } from '../mappings/mappings.module';
import { SyncModule } from '../sync/sync.module';
import { OrdersFlowRunner } from './orders-flow.runner';

@Module({ imports: [SyncModule, ConnectionsModule, MappingsModule, LookupTablesModule], providers: [OrdersFlowRunner] })
export class OrdersFlowModule {}
