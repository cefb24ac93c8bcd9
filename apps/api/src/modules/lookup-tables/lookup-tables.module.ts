import { Module } from '@nestjs/common';
import { LookupTablesController } from './lookup-tables.controller';
import { LookupTablesService } from './lookup-tables.service';

@Module({ controllers: [LookupTablesController], providers: [LookupTablesService], exports: [LookupTablesService] })
export class LookupTablesModule {}
