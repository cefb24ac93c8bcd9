import { randomBytes } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { DecryptionError, open, seal } from './envelope-cipher';
import { MasterKeys } from './master-keys';

/** A secret as stored: the data-key version it was sealed with, and the sealed bytes. */
export interface SealedSecret {
  keyVersion: number;
  ciphertext: Buffer;
}

interface DataKeyRow {
  version: number;
  master_key_id: string;
  wrapped_key: Buffer;
}

/**
 * Envelope encryption of tenant secrets (Shopify tokens, CIMcloud passwords, webhook
 * secrets): AES-256-GCM under a per-tenant data key, itself wrapped by the master key.
 * `tenant|purpose|key-version` is bound as associated data, so a ciphertext copied to
 * another tenant's or connection's row does not decrypt. Works inside the caller's
 * transaction (whose tenant context row-level security already checks).
 */
export class SecretVault {
  /** Unwrapped data keys by `tenant:version`; they never leave the process. */
  private readonly dataKeys = new Map<string, Buffer>();

  constructor(private readonly masterKeys: MasterKeys) {}

  async encrypt(m: EntityManager, tenantId: string, purpose: string, plaintext: string): Promise<SealedSecret> {
    const { version, key } = await this.currentDataKey(m, tenantId);
    return { keyVersion: version, ciphertext: seal(key, Buffer.from(plaintext, 'utf8'), secretContext(tenantId, purpose, version)) };
  }

  async decrypt(m: EntityManager, tenantId: string, purpose: string, sealed: SealedSecret): Promise<string> {
    const key = await this.dataKey(m, tenantId, sealed.keyVersion);
    return open(key, sealed.ciphertext, secretContext(tenantId, purpose, sealed.keyVersion), `the secret "${purpose}"`).toString('utf8');
  }

  private async currentDataKey(m: EntityManager, tenantId: string): Promise<{ version: number; key: Buffer }> {
    const rows = (await m.query('select version from tenant_data_keys where tenant_id = $1 order by version desc limit 1', [tenantId])) as Array<{ version: number }>;
    if (rows[0]) return { version: rows[0].version, key: await this.dataKey(m, tenantId, rows[0].version) };
    const key = randomBytes(32);
    const wrapped = wrapDataKey(this.masterKeys, tenantId, 1, key);
    // Two first secrets of a tenant at once: one insert wins, the other reads the winner's key.
    await m.query(
      `insert into tenant_data_keys (tenant_id, version, master_key_id, wrapped_key) values ($1, 1, $2, $3) on conflict do nothing`,
      [tenantId, this.masterKeys.current.id, wrapped],
    );
    return { version: 1, key: await this.dataKey(m, tenantId, 1) };
  }

  private async dataKey(m: EntityManager, tenantId: string, version: number): Promise<Buffer> {
    const cacheKey = `${tenantId}:${version}`;
    const cached = this.dataKeys.get(cacheKey);
    if (cached) return cached;
    const rows = (await m.query('select version, master_key_id, wrapped_key from tenant_data_keys where tenant_id = $1 and version = $2', [
      tenantId,
      version,
    ])) as DataKeyRow[];
    if (!rows[0]) throw new DecryptionError(`data key version ${version} of this tenant (it does not exist)`);
    const key = unwrapDataKey(this.masterKeys, tenantId, rows[0]);
    this.dataKeys.set(cacheKey, key);
    return key;
  }
}

export function wrapDataKey(masterKeys: MasterKeys, tenantId: string, version: number, key: Buffer): Buffer {
  return seal(masterKeys.current.key, key, dataKeyContext(tenantId, version));
}

export function unwrapDataKey(masterKeys: MasterKeys, tenantId: string, row: DataKeyRow): Buffer {
  const master = masterKeys.byId(row.master_key_id);
  if (!master) {
    throw new DecryptionError(
      `data key version ${row.version}: it is wrapped by master key ${row.master_key_id}, which is neither FERRY_MASTER_KEY nor FERRY_MASTER_KEY_PREVIOUS`,
    );
  }
  return open(master.key, row.wrapped_key, dataKeyContext(tenantId, row.version), `data key version ${row.version}`);
}

const secretContext = (tenantId: string, purpose: string, version: number) => `${tenantId}|${purpose}|${version}`;
const dataKeyContext = (tenantId: string, version: number) => `${tenantId}|data-key|${version}`;
