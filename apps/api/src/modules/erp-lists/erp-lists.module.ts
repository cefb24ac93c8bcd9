import { Module } from '@nestjs/common';
import { ConnectionsModule } from '../connections/connections.module';
import { ErpListsController } from './erp-lists.controller';
import { ErpListsService } from './erp-lists.service';

@Module({ imports: [ConnectionsModule], controllers: [ErpListsController], providers: [ErpListsService], exports: [ErpListsService] })
export class ErpListsModule {}
