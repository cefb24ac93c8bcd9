import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Per-tenant data keys for secrets (envelope encryption, DESIGN §7). Each key is stored
 * wrapped (AES-256-GCM) by the master key named by master_key_id; never in plaintext.
 */
export class TenantDataKeys1764288000000 implements MigrationInterface {
  name = 'TenantDataKeys1764288000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table tenant_data_keys (
        tenant_id uuid not null references tenants(id) on delete cascade,
        version int not null check (version > 0),
        master_key_id text not null,
        wrapped_key bytea not null,
        created_at timestamptz not null default now(),
        primary key (tenant_id, version)
      );
      alter table tenant_data_keys enable row level security;
      alter table tenant_data_keys force row level security;
      create policy tenant_isolation on tenant_data_keys
        using (tenant_id = ferry_current_tenant()) with check (tenant_id = ferry_current_tenant());
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('drop table tenant_data_keys');
  }
}
