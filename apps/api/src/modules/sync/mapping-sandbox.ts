import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { MappingDefinition } from '@ferry/contracts';
import { MappingCache, MappingWorkerPool, RecordMapper, resolveTargetSchema } from '@ferry/mapping/node';

/**
 * Where sync runs evaluate tenants' mappings: a worker-thread pool (a runaway expression
 * fails its record, never the process) and a compile cache per mapping content.
 */
@Injectable()
export class MappingSandbox implements OnApplicationShutdown {
  private pool: MappingWorkerPool | null = null;
  private readonly cache = new MappingCache();

  mapperFor(definition: MappingDefinition): RecordMapper {
    this.pool ??= new MappingWorkerPool({ size: 2 });
    return this.pool.mapperFor(this.cache.get(definition), resolveTargetSchema(definition));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.pool?.close();
    this.pool = null;
  }
}
