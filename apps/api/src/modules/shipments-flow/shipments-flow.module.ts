import { Module } from '@nestjs/common';
import { ConnectionsModule } from '../connections/connections.module';
import { LookupTablesModule } from '../lookup-tables/lookup-tables.module';
import { MappingsModule } from '../mappings/mappings.module';
import { SyncModule } from '../sync/sync.module';
import { ShipmentPushesController } from './shipment-pushes.controller';
import { ShipmentPushesService } from './shipment-pushes.service';
import { ShipmentsFlowRunner } from './shipments-flow.runner';

@Module({
  imports: [SyncModule, ConnectionsModule, MappingsModule, LookupTablesModule],
  controllers: [ShipmentPushesController],
  providers: [ShipmentsFlowRunner, ShipmentPushesService],
})
export class ShipmentsFlowModule {}
