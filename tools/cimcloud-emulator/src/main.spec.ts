import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

describe('standalone command (src/main.ts)', () => {
  let child: ChildProcess | undefined;

  afterEach(() => {
    child?.kill('SIGTERM');
  });

  it('starts with the demo site and serves the API and the control API', async () => {
    child = spawn(process.execPath, ['-r', '@swc-node/register', join(__dirname, 'main.ts'), '--port', '0', '--site', 'clidemo'], {
      cwd: join(__dirname, '../../..'),
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const url = await new Promise<string>((resolve, reject) => {
      let output = '';
      const timer = setTimeout(() => reject(new Error(`no banner: ${output}`)), 15000);
      child?.stderr?.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const match = /listening on (http:\/\/\S+)/.exec(output);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      });
    });
    const canary = await fetch(`${url}/clidemo/healthcheck/canary`);
    expect(await canary.json()).toEqual({ status: 'Running' });
    const sites = await fetch(`${url}/_emulator/sites`);
    expect(await sites.json()).toEqual(['clidemo']);
  }, 20000);
});
