import { Module } from '@nestjs/common';
import { ErpListsModule } from '../erp-lists/erp-lists.module';
import { OrderSettingsController } from './order-settings.controller';
import { OrderSettingsService } from './order-settings.service';

@Module({ imports: [ErpListsModule], controllers: [OrderSettingsController], providers: [OrderSettingsService], exports: [OrderSettingsService] })
export class OrderSettingsModule {}
