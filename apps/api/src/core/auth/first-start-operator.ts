import { Client } from 'pg';
import { FerryConfig } from '../config/ferry-config';
import { dbContextParameters, SET_DB_CONTEXT_SQL } from '../tenancy/db-context';
import { PasswordHasher } from './password-hasher';
import { newSecretToken } from './secret-token';

export interface FirstStartResult {
  /** Set when this start created the operator. */
  createdEmail: string | null;
  /** Set when the operator was created without FERRY_ADMIN_PASSWORD: shown once, to be changed. */
  oneTimePassword: string | null;
}

export const DEFAULT_OPERATOR_EMAIL = 'operator@ferry.local';

/**
 * The first start creates a platform operator: from FERRY_ADMIN_EMAIL/PASSWORD, or with a
 * one-time password that is printed once. There is no built-in default password.
 */
export async function ensurePlatformOperator(
  ownerUrl: string,
  config: FerryConfig,
  options: { withDemoTenant: boolean },
): Promise<FirstStartResult> {
  const client = new Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    await client.query('begin');
    await client.query(SET_DB_CONTEXT_SQL, dbContextParameters({ platformOperator: true }));
    // Two processes starting at once must not both create one.
    await client.query(`select pg_advisory_xact_lock(hashtext('ferry:first-operator'))`);
    const existing = await client.query('select 1 from users where is_platform_operator limit 1');
    if (existing.rowCount) {
      await client.query('commit');
      return { createdEmail: null, oneTimePassword: null };
    }
    const email = config.FERRY_ADMIN_EMAIL ?? DEFAULT_OPERATOR_EMAIL;
    const oneTimePassword = config.FERRY_ADMIN_PASSWORD ? null : newSecretToken(15);
    const hash = await new PasswordHasher().hash(config.FERRY_ADMIN_PASSWORD ?? (oneTimePassword as string));
    const created = await client.query<{ id: string }>(
      `insert into users (email, display_name, password_hash, is_platform_operator, must_change_password)
       values ($1, $2, $3, true, $4) returning id`,
      [email, 'Platform operator', hash, oneTimePassword !== null],
    );
    if (options.withDemoTenant) {
      // A fresh local install gets one tenant to look around in, with the operator as its admin.
      const tenant = await client.query<{ id: string }>(
        `insert into tenants (name, slug) values ('Demo Store', 'demo') on conflict (slug) do nothing returning id`,
      );
      if (tenant.rows[0]) {
        await client.query(SET_DB_CONTEXT_SQL, dbContextParameters({ platformOperator: true, tenantId: tenant.rows[0].id }));
        await client.query(`insert into memberships (tenant_id, user_id, role) values ($1, $2, 'tenant_admin')`, [
          tenant.rows[0].id,
          created.rows[0].id,
        ]);
      }
    }
    await client.query('commit');
    return { createdEmail: email, oneTimePassword };
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}
