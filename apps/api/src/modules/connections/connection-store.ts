import { Injectable } from '@nestjs/common';
import { ConnectionKind, ConnectionTestResult } from '@ferry/contracts';
import { EntityManager } from 'typeorm';
import { problems } from '../../core/http/problem';
import { DecryptionError } from '../../core/secrets/envelope-cipher';
import { SecretVault } from '../../core/secrets/secret-vault';
import { connectionSecretPurpose, StoredConnection } from './connection-secrets';

interface ConnectionRow {
  config: unknown;
  secret_key_version: number;
  secret_ciphertext: Buffer;
  secret_hints: Record<string, { hint: string }>;
  last_test: ConnectionTestResult | null;
  updated_at: Date;
}

export interface ConnectionRecord<Config> {
  config: Config;
  hints: Record<string, { hint: string }>;
  lastTest: ConnectionTestResult | null;
  updatedAt: Date;
}

/**
 * Reads and writes `connections` rows inside the caller's tenant transaction; the secret
 * part is sealed by the vault and opened only where a connector needs it.
 */
@Injectable()
export class ConnectionStore {
  constructor(private readonly vault: SecretVault) {}

  async read<Config>(m: EntityManager, tenantId: string, kind: ConnectionKind): Promise<ConnectionRecord<Config> | null> {
    const row = await this.row(m, tenantId, kind);
    return row ? { config: row.config as Config, hints: row.secret_hints, lastTest: row.last_test, updatedAt: row.updated_at } : null;
  }

  async open<Config, Secrets>(m: EntityManager, tenantId: string, kind: ConnectionKind): Promise<StoredConnection<Config, Secrets> | null> {
    const row = await this.row(m, tenantId, kind);
    if (!row) return null;
    let secrets: string;
    try {
      secrets = await this.vault.decrypt(m, tenantId, connectionSecretPurpose(kind), { keyVersion: row.secret_key_version, ciphertext: row.secret_ciphertext });
    } catch (error) {
      if (error instanceof DecryptionError) throw problems.unreadableSecret(`${kind === 'shopify' ? 'Shopify' : 'CIMcloud'} connection`);
      throw error;
    }
    return { config: row.config as Config, secrets: JSON.parse(secrets) as Secrets, updatedAt: row.updated_at };
  }

  async write<Config, Secrets>(
    m: EntityManager,
    tenantId: string,
    kind: ConnectionKind,
    config: Config,
    secrets: Secrets,
    hints: Record<string, { hint: string }>,
  ): Promise<void> {
    const sealed = await this.vault.encrypt(m, tenantId, connectionSecretPurpose(kind), JSON.stringify(secrets));
    await m.query(
      `insert into connections (tenant_id, kind, config, secret_key_version, secret_ciphertext, secret_hints, last_test, updated_at)
       values ($1, $2, $3::jsonb, $4, $5, $6::jsonb, null, now())
       on conflict (tenant_id, kind) do update set config = excluded.config, secret_key_version = excluded.secret_key_version,
         secret_ciphertext = excluded.secret_ciphertext, secret_hints = excluded.secret_hints, last_test = null, updated_at = now()`,
      [tenantId, kind, JSON.stringify(config), sealed.keyVersion, sealed.ciphertext, JSON.stringify(hints)],
    );
  }

  async recordTest(m: EntityManager, tenantId: string, kind: ConnectionKind, result: ConnectionTestResult): Promise<void> {
    await m.query('update connections set last_test = $3::jsonb where tenant_id = $1 and kind = $2', [tenantId, kind, JSON.stringify(result)]);
  }

  async remove(m: EntityManager, tenantId: string, kind: ConnectionKind): Promise<boolean> {
    const [, count] = (await m.query('delete from connections where tenant_id = $1 and kind = $2', [tenantId, kind])) as [unknown, number];
    return count > 0;
  }

  private async row(m: EntityManager, tenantId: string, kind: ConnectionKind): Promise<ConnectionRow | undefined> {
    const rows = (await m.query('select * from connections where tenant_id = $1 and kind = $2', [tenantId, kind])) as ConnectionRow[];
    return rows[0];
  }
}
