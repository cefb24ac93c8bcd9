import { Client } from 'pg';
import { dbContextParameters, SET_DB_CONTEXT_SQL } from '../tenancy/db-context';
import { MasterKeys } from './master-keys';
import { unwrapDataKey, wrapDataKey } from './secret-vault';

export interface RewrapResult {
  tenants: number;
  rewrapped: number;
  alreadyCurrent: number;
}

/**
 * Master-key rotation: re-wraps every tenant's data keys under FERRY_MASTER_KEY, unwrapping
 * those still under FERRY_MASTER_KEY_PREVIOUS. The secrets themselves are not touched (they
 * are sealed with the data keys). One transaction: all re-wrapped, or none.
 */
export async function rewrapDataKeys(ownerUrl: string, masterKeys: MasterKeys): Promise<RewrapResult> {
  const client = new Client({ connectionString: ownerUrl });
  await client.connect();
  const result: RewrapResult = { tenants: 0, rewrapped: 0, alreadyCurrent: 0 };
  try {
    await client.query('begin');
    await client.query(SET_DB_CONTEXT_SQL, dbContextParameters({ platformOperator: true }));
    const tenants = await client.query<{ id: string }>('select id from tenants order by id');
    for (const { id: tenantId } of tenants.rows) {
      result.tenants++;
      await client.query(SET_DB_CONTEXT_SQL, dbContextParameters({ tenantId }));
      const keys = await client.query<{ version: number; master_key_id: string; wrapped_key: Buffer }>(
        'select version, master_key_id, wrapped_key from tenant_data_keys where tenant_id = $1 for update',
        [tenantId],
      );
      for (const row of keys.rows) {
        if (row.master_key_id === masterKeys.current.id) {
          result.alreadyCurrent++;
          continue;
        }
        const key = unwrapDataKey(masterKeys, tenantId, row);
        await client.query('update tenant_data_keys set master_key_id = $3, wrapped_key = $4 where tenant_id = $1 and version = $2', [
          tenantId,
          row.version,
          masterKeys.current.id,
          wrapDataKey(masterKeys, tenantId, row.version, key),
        ]);
        result.rewrapped++;
      }
    }
    await client.query('commit');
    return result;
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}
