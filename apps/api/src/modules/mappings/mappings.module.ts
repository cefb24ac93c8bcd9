import { Module } from '@nestjs/common';
import { MappingVersionsService } from './mapping-versions.service';
import { MappingsController } from './mappings.controller';

@Module({ controllers: [MappingsController], providers: [MappingVersionsService], exports: [MappingVersionsService] })
export class MappingsModule {}
