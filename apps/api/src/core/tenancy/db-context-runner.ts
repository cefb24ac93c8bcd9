import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { DbContext, dbContextParameters, SET_DB_CONTEXT_SQL } from './db-context';
import { TenantContext } from './tenant-context';

/**
 * The one path to tenant data: a transaction whose first statement sets the row-level
 * security context. Nothing else in the API may query the application DataSource directly.
 */
@Injectable()
export class DbContextRunner {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  run<T>(context: DbContext, work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query(SET_DB_CONTEXT_SQL, dbContextParameters(context));
      return work(manager);
    });
  }

  /**
   * Work for one tenant on behalf of a request or a background job. Only the tenant is set:
   * the actor's own rows in other tenants (memberships) stay out of sight.
   */
  forTenant<T>(tenant: TenantContext, work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.run({ tenantId: tenant.tenantId }, work);
  }
}
