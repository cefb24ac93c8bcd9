import { Module } from '@nestjs/common';
import { FlowRunnerRegistry } from './flow-runner-registry';
import { RunsController } from './runs.controller';
import { SyncRunsService } from './sync-runs.service';
import { SyncWorker } from './sync-worker';

@Module({
  controllers: [RunsController],
  providers: [FlowRunnerRegistry, SyncRunsService, SyncWorker],
  exports: [FlowRunnerRegistry, SyncRunsService, SyncWorker],
})
export class SyncModule {}
