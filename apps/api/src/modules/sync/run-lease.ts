import { Injectable, Logger } from '@nestjs/common';
import { FerryConfig } from '../../core/config/ferry-config';
import { DbContextRunner } from '../../core/tenancy/db-context-runner';

/** The lease of one running run, renewed while the run works. */
export interface HeldLease {
  /** Aborted when the lease is found lost: another worker has taken the run over. */
  readonly signal: AbortSignal;
  release(): void;
}

/**
 * Leases on running runs (`sync_runs.lease_expires_at`). The worker renews its run's lease
 * every third of RUN_LEASE_SECONDS; a run whose lease lapsed has lost its worker and is
 * taken over (run-takeover.ts). Times are the database's, so worker clocks do not matter.
 */
@Injectable()
export class RunLeases {
  private readonly logger = new Logger(RunLeases.name);

  constructor(
    private readonly config: FerryConfig,
    private readonly db: DbContextRunner,
  ) {}

  async hold(tenantId: string, runId: string): Promise<HeldLease> {
    const controller = new AbortController();
    if (!(await this.renew(tenantId, runId))) controller.abort();
    const beat = setInterval(() => {
      this.renew(tenantId, runId).then(
        (held) => {
          if (held) return;
          clearInterval(beat);
          this.logger.warn({ tenantId, runId }, 'Run lease lost: another worker took the run over');
          controller.abort();
        },
        // The database is unreachable: the next beat tries again; if the lease lapses meanwhile, the run is taken over.
        () => undefined,
      );
    }, (this.config.RUN_LEASE_SECONDS * 1000) / 3);
    beat.unref();
    return { signal: controller.signal, release: () => clearInterval(beat) };
  }

  private async renew(tenantId: string, runId: string): Promise<boolean> {
    const rows = (await this.db.run({ tenantId }, (m) =>
      m.query(
        `with renewed as (
           update sync_runs set lease_expires_at = now() + make_interval(secs => $3)
            where tenant_id = $1 and id = $2 and status = 'running' returning id)
         select id from renewed`,
        [tenantId, runId, this.config.RUN_LEASE_SECONDS],
      ),
    )) as unknown[];
    return rows.length === 1;
  }
}
