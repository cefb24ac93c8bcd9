import { Module } from '@nestjs/common';
import { CheckpointStore } from './checkpoint-store';
import { ErrorQueue } from './error-queue';
import { FlowRunnerRegistry } from './flow-runner-registry';
import { MappingSandbox } from './mapping-sandbox';
import { RunLeases } from './run-lease';
import { RunTakeover } from './run-takeover';
import { RunsController } from './runs.controller';
import { SyncRunsService } from './sync-runs.service';
import { SyncWorker } from './sync-worker';

@Module({
  controllers: [RunsController],
  providers: [FlowRunnerRegistry, SyncRunsService, SyncWorker, ErrorQueue, CheckpointStore, MappingSandbox, RunLeases, RunTakeover],
  exports: [FlowRunnerRegistry, SyncRunsService, SyncWorker, ErrorQueue, CheckpointStore, MappingSandbox, RunTakeover],
})
export class SyncModule {}
