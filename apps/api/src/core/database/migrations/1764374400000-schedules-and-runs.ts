import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Schedules (one per tenant × flow) and sync runs.
 *
 * The scheduler tick claims due schedules across tenants: it sets `app.scheduler = 'on'`,
 * which the `scheduler_claims` policy honours on this one table only.
 * A trigger gives every new tenant its three schedules (every 5 minutes, start times spread
 * by tenant), whichever path created the tenant.
 */
export class SchedulesAndRuns1764374400000 implements MigrationInterface {
  name = 'SchedulesAndRuns1764374400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table schedules (
        tenant_id uuid not null references tenants(id) on delete cascade,
        flow text not null check (flow in ('orders', 'shipments', 'inventory')),
        interval_seconds int check (interval_seconds between 60 and 86400),
        cron text check (length(cron) <= 100),
        paused boolean not null default false,
        next_run_at timestamptz not null,
        last_enqueued_at timestamptz,
        updated_at timestamptz not null default now(),
        primary key (tenant_id, flow),
        check ((interval_seconds is null) <> (cron is null))
      );
      create index schedules_due on schedules (next_run_at) where not paused;
      alter table schedules enable row level security;
      alter table schedules force row level security;
      create policy tenant_isolation on schedules
        using (tenant_id = ferry_current_tenant()) with check (tenant_id = ferry_current_tenant());
      create policy scheduler_claims on schedules
        using (ferry_setting('app.scheduler') = 'on') with check (ferry_setting('app.scheduler') = 'on');

      create function ferry_default_schedules() returns trigger language plpgsql as $$
      declare
        previous text := current_setting('app.tenant_id', true);
      begin
        -- Act as the new tenant for these inserts only, then restore the caller's context.
        perform set_config('app.tenant_id', new.id::text, true);
        insert into schedules (tenant_id, flow, interval_seconds, next_run_at)
          select new.id, flow, 300, now() + make_interval(secs => abs(hashtext(new.id::text || flow)) % 300)
            from unnest(array['orders', 'shipments', 'inventory']) as flow;
        perform set_config('app.tenant_id', coalesce(previous, ''), true);
        return new;
      end $$;
      create trigger tenants_default_schedules after insert on tenants
        for each row execute function ferry_default_schedules();

      create table sync_runs (
        id uuid primary key default gen_random_uuid(),
        tenant_id uuid not null references tenants(id) on delete cascade,
        flow text not null check (flow in ('orders', 'shipments', 'inventory')),
        trigger text not null check (trigger in ('schedule', 'webhook', 'manual', 'backfill', 'retry')),
        status text not null check (status in ('running', 'succeeded', 'failed')),
        job_id text,
        attempt int not null default 1,
        scheduled_for timestamptz,
        started_at timestamptz not null default now(),
        finished_at timestamptz,
        counts jsonb not null default '{}',
        cursor_before text,
        cursor_after text,
        error text
      );
      create index sync_runs_tenant_started on sync_runs (tenant_id, started_at desc, id);
      create index sync_runs_tenant_flow on sync_runs (tenant_id, flow, started_at desc);
      alter table sync_runs enable row level security;
      alter table sync_runs force row level security;
      create policy tenant_isolation on sync_runs
        using (tenant_id = ferry_current_tenant()) with check (tenant_id = ferry_current_tenant());
    `);
    // Tenants that existed before this migration get their schedules too.
    await q.query(`
      do $$
      declare t record;
      begin
        for t in select id from tenants loop
          perform set_config('app.tenant_id', t.id::text, true);
          insert into schedules (tenant_id, flow, interval_seconds, next_run_at)
            select t.id, flow, 300, now() + make_interval(secs => abs(hashtext(t.id::text || flow)) % 300)
              from unnest(array['orders', 'shipments', 'inventory']) as flow
            on conflict do nothing;
        end loop;
        perform set_config('app.tenant_id', '', true);
      end $$;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      drop trigger tenants_default_schedules on tenants;
      drop function ferry_default_schedules();
      drop table sync_runs, schedules;
    `);
  }
}
