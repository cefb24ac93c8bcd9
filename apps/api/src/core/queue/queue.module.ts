import { DynamicModule, Global, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { JobQueue } from './job-queue';
import { PgBossJobQueue } from './pg-boss-job-queue';

class QueueLifecycle implements OnApplicationShutdown {
  constructor(private readonly queue: PgBossJobQueue) {}

  async onApplicationShutdown(): Promise<void> {
    await this.queue.stop();
  }
}

@Global()
@Module({})
export class QueueModule {
  /** `supervise`: run pg-boss maintenance (expiry, retention) — workers only. */
  static forUrl(appDatabaseUrl: string, supervise: boolean): DynamicModule {
    const logger = new Logger('JobQueue');
    const queue = new PgBossJobQueue(appDatabaseUrl, { supervise, onError: (error) => logger.error({ err: error }, 'Job queue error') });
    return {
      module: QueueModule,
      providers: [
        { provide: JobQueue, useValue: queue },
        { provide: QueueLifecycle, useValue: new QueueLifecycle(queue) },
      ],
      exports: [JobQueue],
    };
  }
}
