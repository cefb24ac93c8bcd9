import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The mapping editor's drafts (issue 9): one work in progress per tenant × flow, autosaved.
 * `revision` goes up on every save so that a stale editor tab cannot overwrite a newer save.
 * A draft may not compile; it is checked when it is tested, previewed or published.
 */
export class MappingDrafts1764892800000 implements MigrationInterface {
  name = 'MappingDrafts1764892800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table mapping_drafts (
        tenant_id uuid not null references tenants(id) on delete cascade,
        flow text not null check (flow in ('orders', 'shipments', 'inventory')),
        definition jsonb not null,
        base_version int not null,
        revision int not null check (revision > 0),
        updated_at timestamptz not null default now(),
        updated_by uuid references users(id) on delete set null,
        primary key (tenant_id, flow)
      );
      alter table mapping_drafts enable row level security;
      alter table mapping_drafts force row level security;
      create policy tenant_isolation on mapping_drafts
        using (tenant_id = ferry_current_tenant()) with check (tenant_id = ferry_current_tenant());
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('drop table mapping_drafts');
  }
}
