import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { FerryConfig } from '../config/ferry-config';
import { MasterKeys, parseMasterKey } from './master-keys';

/**
 * The master keys from the environment. A local install without FERRY_MASTER_KEY (embedded
 * database) gets one generated into FERRY_DATA_DIR, next to the data it protects; config
 * validation already requires the variable with an external database.
 */
export async function resolveMasterKeys(config: FerryConfig): Promise<MasterKeys> {
  const previous = config.FERRY_MASTER_KEY_PREVIOUS ? parseMasterKey(config.FERRY_MASTER_KEY_PREVIOUS) : null;
  if (config.FERRY_MASTER_KEY) return new MasterKeys(parseMasterKey(config.FERRY_MASTER_KEY) as Buffer, previous);
  const dir = resolve(config.FERRY_DATA_DIR);
  const file = join(dir, 'master.key');
  if (!existsSync(file)) {
    await mkdir(dir, { recursive: true, mode: 0o711 });
    await writeFile(file, randomBytes(32).toString('base64'), { mode: 0o600 });
  }
  const key = parseMasterKey(await readFile(file, 'utf8'));
  if (!key) throw new Error(`${file} does not hold a 32-byte base64 key.`);
  return new MasterKeys(key, previous);
}
