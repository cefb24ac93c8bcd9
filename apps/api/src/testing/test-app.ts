import { NestExpressApplication } from '@nestjs/platform-express';
import { SESSION_COOKIE, TENANT_HEADER, TenantRole } from '@ferry/contracts';
import { Pool } from 'pg';
import { PasswordHasher } from '../core/auth/password-hasher';
import { loadConfig } from '../core/config/ferry-config';
import { MasterKeys } from '../core/secrets/master-keys';
import { createHttpApp } from '../ferry-app';
import { randomBytes } from 'node:crypto';
import { createTestDatabase, TestDatabase } from './test-database-server';

export interface ApiResponse<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

export interface Caller {
  /** Session cookie value (people) */
  session?: string;
  /** API key token (partners) */
  apiKey?: string;
  tenantId?: string;
}

export interface TestApp {
  app: NestExpressApplication;
  url: string;
  db: TestDatabase;
  /** Owner connection (superuser in tests): sets up data around row-level security. */
  owner: Pool;
  request<T = unknown>(method: string, path: string, options?: { as?: Caller; body?: unknown; headers?: Record<string, string> }): Promise<ApiResponse<T>>;
  seedTenant(name: string): Promise<string>;
  seedUser(email: string, password: string, options?: { operator?: boolean; memberOf?: Array<[string, TenantRole]> }): Promise<string>;
  login(email: string, password: string): Promise<string>;
  close(): Promise<void>;
}

const hasher = new PasswordHasher();

/**
 * The real HTTP app on a free port, with its own database cloned from the migrated template.
 * Role `api` by default: tests start workers (SyncWorker.startConsuming) when they want them.
 */
export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const db = await createTestDatabase();
  const config = loadConfig({ LOG_LEVEL: process.env['FERRY_TEST_LOG_LEVEL'] ?? 'silent', FERRY_ADMIN_DIST: '/nonexistent', SCHEDULER_TICK_MS: '0', FERRY_ROLE: 'api', ...env });
  const app = await createHttpApp(config, db.appUrl, new MasterKeys(randomBytes(32), null));
  await app.listen(0, '127.0.0.1');
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  const owner = new Pool({ connectionString: db.ownerUrl, max: 2 });

  const request: TestApp['request'] = async (method, path, options = {}) => {
    const headers: Record<string, string> = { ...options.headers };
    const as = options.as ?? {};
    if (as.session) headers['cookie'] = `${SESSION_COOKIE}=${as.session}`;
    if (as.apiKey) headers['authorization'] = `Bearer ${as.apiKey}`;
    if (as.tenantId) headers[TENANT_HEADER] = as.tenantId;
    if (options.body !== undefined) headers['content-type'] ??= 'application/json';
    const response = await fetch(`${url}${path}`, {
      method,
      headers,
      body: options.body === undefined ? undefined : typeof options.body === 'string' ? options.body : JSON.stringify(options.body),
    });
    const text = await response.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, headers: response.headers, body: body as never };
  };

  return {
    app,
    url,
    db,
    owner,
    request,
    async seedTenant(name) {
      const slug = `${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${Math.random().toString(36).slice(2, 8)}`;
      const result = await owner.query<{ id: string }>('insert into tenants (name, slug) values ($1, $2) returning id', [name, slug]);
      return result.rows[0].id;
    },
    async seedUser(email, password, options = {}) {
      const result = await owner.query<{ id: string }>(
        'insert into users (email, display_name, password_hash, is_platform_operator) values ($1, $2, $3, $4) returning id',
        [email, email.split('@')[0], await hasher.hash(password), options.operator ?? false],
      );
      const userId = result.rows[0].id;
      for (const [tenantId, role] of options.memberOf ?? []) {
        await owner.query('insert into memberships (tenant_id, user_id, role) values ($1, $2, $3)', [tenantId, userId, role]);
      }
      return userId;
    },
    async login(email, password) {
      const response = await request('POST', '/api/v1/auth/login', { body: { email, password } });
      if (response.status !== 200) throw new Error(`login of ${email} failed: ${response.status} ${JSON.stringify(response.body)}`);
      const cookie = response.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`));
      if (!cookie) throw new Error('login set no session cookie');
      return cookie.slice(SESSION_COOKIE.length + 1).split(';')[0];
    },
    async close() {
      await app.close();
      await owner.end();
      await db.drop();
    },
  };
}
