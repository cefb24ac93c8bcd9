import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface DemoCredentials {
  email: string;
  password: string;
}

/**
 * The demo's platform operator: a random password generated on the first `npm start` and
 * kept next to the demo database (git-ignored), so the demo can sign in to set itself up
 * and the person can sign in with the same credentials. No built-in default password.
 */
export async function demoCredentials(dataDir: string): Promise<DemoCredentials> {
  const file = join(dataDir, 'demo-credentials.json');
  if (existsSync(file)) return JSON.parse(await readFile(file, 'utf8')) as DemoCredentials;
  await mkdir(dataDir, { recursive: true, mode: 0o711 });
  const credentials = { email: 'operator@ferry.local', password: randomBytes(12).toString('base64url') };
  await writeFile(file, JSON.stringify(credentials), { mode: 0o600 });
  return credentials;
}
