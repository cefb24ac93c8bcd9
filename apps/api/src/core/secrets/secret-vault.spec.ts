import { randomBytes } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { createTestDatabase, TestDatabase } from '../../testing/test-database-server';
import { dbContextParameters, SET_DB_CONTEXT_SQL } from '../tenancy/db-context';
import { DecryptionError } from './envelope-cipher';
import { MasterKeys } from './master-keys';
import { rewrapDataKeys } from './rewrap-data-keys';
import { SealedSecret, SecretVault } from './secret-vault';

describe('SecretVault (envelope encryption, real PostgreSQL)', () => {
  let db: TestDatabase;
  let app: DataSource;
  let tenantA: string;
  let tenantB: string;
  const masterA = randomBytes(32);
  const masterB = randomBytes(32);

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await new DataSource({ type: 'postgres', url: db.appUrl }).initialize();
    const owner = await new DataSource({ type: 'postgres', url: db.ownerUrl }).initialize();
    const rows = (await owner.query(`insert into tenants (name, slug) values ('A', 'vault-a'), ('B', 'vault-b') returning id`)) as Array<{ id: string }>;
    [tenantA, tenantB] = rows.map((r) => r.id);
    await owner.destroy();
  });
  afterAll(async () => {
    await app.destroy();
    await db.drop();
  });

  /** The way services use the vault: inside a transaction of the tenant. */
  const inTenant = <T>(tenantId: string, work: (m: EntityManager) => Promise<T>) =>
    app.transaction(async (m) => {
      await m.query(SET_DB_CONTEXT_SQL, dbContextParameters({ tenantId }));
      return work(m);
    });

  it('round-trips a secret and stores neither it nor the data key in plaintext', async () => {
    const vault = new SecretVault(new MasterKeys(masterA, null));
    const sealed = await inTenant(tenantA, (m) => vault.encrypt(m, tenantA, 'connection-1', 'shpat_supersecret'));
    expect(sealed.ciphertext.toString('latin1')).not.toContain('shpat_supersecret');
    expect(await inTenant(tenantA, (m) => vault.decrypt(m, tenantA, 'connection-1', sealed))).toBe('shpat_supersecret');
    const stored = await inTenant(tenantA, (m) => m.query('select wrapped_key, master_key_id from tenant_data_keys where tenant_id = $1', [tenantA]));
    expect(stored).toHaveLength(1);
    expect((stored[0].wrapped_key as Buffer).length).toBe(1 + 12 + 16 + 32);
  });

  it('refuses a ciphertext moved to another connection or another tenant', async () => {
    const vault = new SecretVault(new MasterKeys(masterA, null));
    const sealed = await inTenant(tenantA, (m) => vault.encrypt(m, tenantA, 'connection-1', 'secret-of-a'));
    await inTenant(tenantB, (m) => vault.encrypt(m, tenantB, 'connection-1', 'secret-of-b'));
    await expect(inTenant(tenantA, (m) => vault.decrypt(m, tenantA, 'connection-2', sealed))).rejects.toThrow(DecryptionError);
    await expect(inTenant(tenantB, (m) => vault.decrypt(m, tenantB, 'connection-1', sealed))).rejects.toThrow(DecryptionError);
    const tampered: SealedSecret = { ...sealed, ciphertext: Buffer.from(sealed.ciphertext) };
    tampered.ciphertext[tampered.ciphertext.length - 1] ^= 1;
    await expect(inTenant(tenantA, (m) => new SecretVault(new MasterKeys(masterA, null)).decrypt(m, tenantA, 'connection-1', tampered))).rejects.toThrow(
      /moved or altered/,
    );
  });

  it('cannot read a data key without its tenant context', async () => {
    const vault = new SecretVault(new MasterKeys(masterA, null));
    const sealed = await inTenant(tenantA, (m) => vault.encrypt(m, tenantA, 'c', 'x'));
    await expect(inTenant(tenantB, (m) => new SecretVault(new MasterKeys(masterA, null)).decrypt(m, tenantA, 'c', sealed))).rejects.toThrow(/does not exist/);
  });

  it('keeps every secret readable through a master-key rotation', async () => {
    const before = new SecretVault(new MasterKeys(masterA, null));
    const secrets = await Promise.all(
      [tenantA, tenantB].map(async (tenantId) => ({ tenantId, sealed: await inTenant(tenantId, (m) => before.encrypt(m, tenantId, 'rotation', `secret of ${tenantId}`)) })),
    );
    // New key only: the old wrapping is refused with a message naming the situation.
    const newOnly = new SecretVault(new MasterKeys(masterB, null));
    await expect(inTenant(tenantA, (m) => newOnly.decrypt(m, tenantA, 'rotation', secrets[0].sealed))).rejects.toThrow(/FERRY_MASTER_KEY_PREVIOUS/);
    // During rotation (new + previous) everything reads; the re-wrap moves every key to the new master.
    const rotating = new MasterKeys(masterB, masterA);
    const result = await rewrapDataKeys(db.ownerUrl, rotating);
    expect(result).toMatchObject({ rewrapped: 2 });
    const after = new SecretVault(new MasterKeys(masterB, null));
    for (const { tenantId, sealed } of secrets) {
      expect(await inTenant(tenantId, (m) => after.decrypt(m, tenantId, 'rotation', sealed))).toBe(`secret of ${tenantId}`);
    }
    expect(await rewrapDataKeys(db.ownerUrl, rotating)).toMatchObject({ rewrapped: 0, alreadyCurrent: 2 });
  });
});
