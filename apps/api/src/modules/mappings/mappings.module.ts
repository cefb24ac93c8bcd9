import { Module } from '@nestjs/common';
import { LookupTablesModule } from '../lookup-tables/lookup-tables.module';
import { SyncModule } from '../sync/sync.module';
import { MappingDraftsService } from './mapping-drafts.service';
import { MappingEditorController } from './mapping-editor.controller';
import { MappingEditorService } from './mapping-editor.service';
import { MappingEvaluator } from './mapping-evaluator';
import { MappingVersionsService } from './mapping-versions.service';
import { MappingsController } from './mappings.controller';

@Module({
  imports: [SyncModule, LookupTablesModule],
  controllers: [MappingsController, MappingEditorController],
  providers: [MappingVersionsService, MappingDraftsService, MappingEvaluator, MappingEditorService],
  exports: [MappingVersionsService],
})
export class MappingsModule {}
