import { Module } from '@nestjs/common';
import { ConnectionsModule } from '../connections/connections.module';
import { LookupTablesModule } from '../lookup-tables/lookup-tables.module';
import { MappingsModule } from '../mappings/mappings.module';
import { SyncModule } from '../sync/sync.module';
import { ShipmentsFlowRunner } from './shipments-flow.runner';

@Module({ imports: [SyncModule, ConnectionsModule, MappingsModule, LookupTablesModule], providers: [ShipmentsFlowRunner] })
export class ShipmentsFlowModule {}
