import { Module } from '@nestjs/common';
import { ConnectionsModule } from '../connections/connections.module';
import { LookupTablesModule } from '../lookup-tables/lookup-tables.module';
import { MappingsModule } from '../mappings/mappings.module';
import { SyncModule } from '../sync/sync.module';
import { InventoryFlowRunner } from './inventory-flow.runner';
import { InventoryPushesController } from './inventory-pushes.controller';
import { InventoryPushesService } from './inventory-pushes.service';

@Module({
  imports: [SyncModule, ConnectionsModule, MappingsModule, LookupTablesModule],
  controllers: [InventoryPushesController],
  providers: [InventoryFlowRunner, InventoryPushesService],
})
export class InventoryFlowModule {}
