import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Tenancy, people, sessions, API keys and the audit log.
 *
 * Row-level security is FORCEd on every table, so even the owner is filtered. Policies read
 * transaction-local settings that only `DbContextRunner` sets (see core/tenancy):
 *   app.tenant_id        the tenant a request or job acts in
 *   app.user_id          the signed-in person (their own row, memberships and sessions)
 *   app.platform_operator  'on' for operators (tenants table only)
 *   app.lookup_email     login and invitations: the one user row with that email
 *   app.api_key_prefix   API-key authentication: the one key with that prefix
 *   app.session_hash     cookie authentication: the one session with that token hash
 *   app.client_ip        login throttling: attempts from that address
 * With none of them set, every table reads as empty.
 */
export class Foundation1764201600000 implements MigrationInterface {
  name = 'Foundation1764201600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create function ferry_setting(name text) returns text language sql stable as
        $$ select nullif(current_setting(name, true), '') $$;
      create function ferry_current_tenant() returns uuid language sql stable as
        $$ select ferry_setting('app.tenant_id')::uuid $$;
      create function ferry_current_user() returns uuid language sql stable as
        $$ select ferry_setting('app.user_id')::uuid $$;
      create function ferry_is_platform_operator() returns boolean language sql stable as
        $$ select coalesce(ferry_setting('app.platform_operator') = 'on', false) $$;

      create table tenants (
        id uuid primary key default gen_random_uuid(),
        name text not null check (length(name) between 1 and 100),
        slug text not null unique check (slug ~ '^[a-z0-9][a-z0-9-]{1,38}[a-z0-9]$'),
        created_at timestamptz not null default now()
      );

      create table users (
        id uuid primary key default gen_random_uuid(),
        email text not null check (position('@' in email) > 1),
        email_lower text generated always as (lower(email)) stored unique,
        display_name text not null,
        password_hash text not null,
        is_platform_operator boolean not null default false,
        must_change_password boolean not null default false,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      );

      create table memberships (
        tenant_id uuid not null references tenants(id) on delete cascade,
        user_id uuid not null references users(id) on delete cascade,
        role text not null check (role in ('tenant_admin', 'tenant_viewer', 'pro_services')),
        created_at timestamptz not null default now(),
        primary key (tenant_id, user_id)
      );
      create index memberships_user on memberships (user_id);

      create table api_keys (
        id uuid primary key default gen_random_uuid(),
        tenant_id uuid not null references tenants(id) on delete cascade,
        name text not null,
        prefix text not null unique,
        secret_hash bytea not null,
        scopes text[] not null,
        created_by uuid references users(id) on delete set null,
        created_at timestamptz not null default now(),
        expires_at timestamptz,
        last_used_at timestamptz,
        revoked_at timestamptz
      );
      create index api_keys_tenant_created on api_keys (tenant_id, created_at, id);

      create table sessions (
        id uuid primary key default gen_random_uuid(),
        token_hash bytea not null unique,
        user_id uuid not null references users(id) on delete cascade,
        created_at timestamptz not null default now(),
        last_seen_at timestamptz not null default now(),
        expires_at timestamptz not null,
        ip text,
        user_agent text
      );
      create index sessions_user on sessions (user_id);

      create table login_attempts (
        id bigint generated always as identity primary key,
        email_lower text not null,
        ip text not null,
        succeeded boolean not null,
        attempted_at timestamptz not null default now()
      );
      create index login_attempts_email on login_attempts (email_lower, attempted_at);
      create index login_attempts_ip on login_attempts (ip, attempted_at);

      create table audit_log (
        id bigint generated always as identity primary key,
        tenant_id uuid not null references tenants(id) on delete cascade,
        actor_user_id uuid,
        actor_api_key_id uuid,
        action text not null,
        target_type text not null,
        target_id text,
        details jsonb not null default '{}',
        ip text,
        request_id text,
        created_at timestamptz not null default now()
      );
      create index audit_log_tenant_created on audit_log (tenant_id, created_at, id);
    `);

    for (const table of ['tenants', 'users', 'memberships', 'api_keys', 'sessions', 'login_attempts', 'audit_log']) {
      await q.query(`alter table ${table} enable row level security; alter table ${table} force row level security;`);
    }

    await q.query(`
      create policy tenant_isolation on memberships
        using (tenant_id = ferry_current_tenant()) with check (tenant_id = ferry_current_tenant());
      create policy own_memberships on memberships for select
        using (user_id = ferry_current_user());

      create policy tenant_self_or_operator on tenants
        using (id = ferry_current_tenant() or ferry_is_platform_operator())
        with check (id = ferry_current_tenant() or ferry_is_platform_operator());
      create policy tenants_of_member on tenants for select
        using (exists (select 1 from memberships m where m.tenant_id = tenants.id and m.user_id = ferry_current_user()));

      create policy users_visible on users for select using (
        id = ferry_current_user()
        or ferry_is_platform_operator()
        or email_lower = lower(ferry_setting('app.lookup_email'))
        or exists (select 1 from memberships m where m.user_id = users.id and m.tenant_id = ferry_current_tenant())
      );
      create policy users_create on users for insert
        with check (lower(email) = lower(ferry_setting('app.lookup_email')) or ferry_is_platform_operator());
      create policy users_update on users for update
        using (id = ferry_current_user() or ferry_is_platform_operator())
        with check (id = ferry_current_user() or ferry_is_platform_operator());

      create policy tenant_isolation on api_keys
        using (tenant_id = ferry_current_tenant()) with check (tenant_id = ferry_current_tenant());
      create policy key_by_prefix on api_keys for select
        using (prefix = ferry_setting('app.api_key_prefix'));

      create policy session_by_token on sessions
        using (token_hash = decode(ferry_setting('app.session_hash'), 'hex'))
        with check (token_hash = decode(ferry_setting('app.session_hash'), 'hex'));
      create policy own_sessions on sessions
        using (user_id = ferry_current_user()) with check (user_id = ferry_current_user());

      create policy attempts_of_email_or_ip on login_attempts
        using (email_lower = lower(ferry_setting('app.lookup_email')) or ip = ferry_setting('app.client_ip'))
        with check (email_lower = lower(ferry_setting('app.lookup_email')));

      create policy tenant_isolation on audit_log
        using (tenant_id = ferry_current_tenant()) with check (tenant_id = ferry_current_tenant());
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      drop table audit_log, login_attempts, sessions, api_keys, memberships, users, tenants;
      drop function ferry_is_platform_operator(), ferry_current_user(), ferry_current_tenant(), ferry_setting(text);
    `);
  }
}
