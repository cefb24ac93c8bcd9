import { Module } from '@nestjs/common';
import { ConnectionStore } from './connection-store';
import { ConnectionTester } from './connection-tester';
import { ConnectionsController } from './connections.controller';
import { ConnectionsService } from './connections.service';
import { ConnectorClients } from './connector-clients';

@Module({
  controllers: [ConnectionsController],
  providers: [ConnectionStore, ConnectionTester, ConnectionsService, ConnectorClients],
  exports: [ConnectorClients, ConnectionStore],
})
export class ConnectionsModule {}
