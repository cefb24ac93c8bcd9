import { Module } from '@nestjs/common';
import { ConnectionsModule } from '../connections/connections.module';
import { SkuReportController } from './sku-report.controller';
import { SkuReportService } from './sku-report.service';

@Module({ imports: [ConnectionsModule], controllers: [SkuReportController], providers: [SkuReportService] })
export class SkuReportModule {}
