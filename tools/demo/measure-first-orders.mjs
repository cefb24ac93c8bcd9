// How long a newcomer waits for orders after `npm start` (issue 8: "orders flowing in the admin
// within 60 seconds"). From the workspace root:
//
//   node tools/demo/measure-first-orders.mjs
//
// Runs `npm start` as its own process group in a fresh temporary FERRY_DATA_DIR (so the
// embedded PostgreSQL is created from scratch, as on a fresh clone) on free ports, signs in
// with the demo credentials it writes, and polls the orders list as the admin does until an
// order is listed and one is imported. Prints the seconds from spawning `npm start` to each
// milestone, then stops the whole process group and deletes the folder. `npm start` builds
// first: with a warm Nx cache that step takes seconds, on a fresh clone it is the build.
// Env: TIMEOUT_SECONDS (300), KEEP_DATA=1 (keep the folder and its demo.log).

import { spawn } from 'node:child_process';
import { existsSync, openSync, readFileSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const TIMEOUT_MS = Number(process.env.TIMEOUT_SECONDS ?? 300) * 1000;
const print = (line) => process.stdout.write(`${line}\n`);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** True while any process of the group is alive. */
function groupAlive(pgid) {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

async function stopGroup(pgid) {
  if (!groupAlive(pgid)) return 'already stopped';
  process.kill(-pgid, 'SIGTERM');
  for (let i = 0; i < 100 && groupAlive(pgid); i++) await sleep(200);
  if (!groupAlive(pgid)) return 'stopped (SIGTERM)';
  process.kill(-pgid, 'SIGKILL');
  for (let i = 0; i < 25 && groupAlive(pgid); i++) await sleep(200);
  return groupAlive(pgid) ? 'STILL RUNNING after SIGKILL' : 'killed (SIGKILL after 20 s)';
}

async function main() {
  const dataDir = await mkdtemp(join(tmpdir(), 'ferry-demo-measure-'));
  // As `npm start` makes .ferry/: the postgres OS user must traverse into it.
  await chmod(dataDir, 0o711);
  const [port, shopifyPort, cimcloudPort, pgPort] = [await freePort(), await freePort(), await freePort(), await freePort()];
  const url = `http://localhost:${port}`;
  const logFile = join(dataDir, 'demo.log');
  const log = openSync(logFile, 'a');
  const env = {
    ...process.env,
    FERRY_DATA_DIR: dataDir,
    PORT: String(port),
    SHOPIFY_EMULATOR_PORT: String(shopifyPort),
    CIMCLOUD_EMULATOR_PORT: String(cimcloudPort),
    EMBEDDED_PG_PORT: String(pgPort),
    // No Nx daemon: it would outlive the process group this script stops.
    NX_DAEMON: 'false',
  };
  delete env.DATABASE_URL;
  delete env.DATABASE_APP_URL;
  delete env.FERRY_DEMO;

  print(`npm start in ${dataDir} (Ferry on ${url}; output in demo.log)`);
  const started = performance.now();
  const seconds = () => ((performance.now() - started) / 1000).toFixed(1);
  const child = spawn('npm', ['start'], { env, detached: true, stdio: ['ignore', log, log] });
  const milestones = [];
  const mark = (name) => {
    milestones.push([name, seconds()]);
    print(`  ${seconds().padStart(6)} s  ${name}`);
  };
  let exited = null;
  child.on('exit', (code, signal) => (exited = signal ?? code));

  const output = () => (existsSync(logFile) ? readFileSync(logFile, 'utf8') : '');
  let ok = false;
  try {
    const deadline = Date.now() + TIMEOUT_MS;
    const seen = new Set();
    const once = (name, condition) => {
      if (!seen.has(name) && condition) {
        seen.add(name);
        mark(name);
      }
    };
    let cookie = null;
    let tenantId = null;
    while (Date.now() < deadline) {
      if (exited !== null) throw new Error(`npm start exited (${exited}) early`);
      const text = output();
      once('build done, demo starting', /Successfully ran target build/.test(text));
      once('Ferry ready (database migrated, API listening)', await ready(url));
      once('demo tenant connected, orders generator started', /Ferry demo is running/.test(text));
      if (seen.has('demo tenant connected, orders generator started') && !cookie) {
        const credentials = JSON.parse(readFileSync(join(dataDir, 'demo-credentials.json'), 'utf8'));
        const login = await fetch(`${url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(credentials) });
        if (login.status !== 200) throw new Error(`signing in with the demo credentials failed: ${login.status}`);
        cookie = login.headers.getSetCookie().find((c) => c.startsWith('ferry_session='))?.split(';')[0] ?? null;
        const me = await (await fetch(`${url}/api/v1/auth/me`, { headers: { cookie } })).json();
        tenantId = me.tenants.find((t) => t.tenantSlug === 'demo')?.tenantId ?? null;
        mark('signed in with the demo credentials');
      }
      if (cookie && tenantId) {
        const page = await (await fetch(`${url}/api/v1/orders?limit=50`, { headers: { cookie, 'x-ferry-tenant': tenantId } })).json();
        once('first order listed', page.items.length > 0);
        once('first order imported into the ERP', page.items.some((o) => o.status === 'imported'));
        if (seen.has('first order imported into the ERP')) {
          ok = true;
          print(`  orders listed at that moment: ${page.items.length} (${[...new Set(page.items.map((o) => o.status))].join(', ')})`);
          break;
        }
      }
      await sleep(250);
    }
    if (!ok) print(`  gave up after ${TIMEOUT_MS / 1000} s`);
  } catch (error) {
    print(`  failed: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    print(`  process group: ${await stopGroup(child.pid)}`);
    if (!ok) print(`--- last lines of demo.log ---\n${output().split('\n').slice(-30).join('\n')}`);
    if (process.env.KEEP_DATA === '1') print(`  kept ${dataDir}`);
    else await rm(dataDir, { recursive: true, force: true });
  }
  print('');
  // The build is Nx's (cached or not, depending on what changed): the rest is the demo's own start.
  const built = Number(milestones.find(([name]) => name.startsWith('build done'))?.[1] ?? NaN);
  for (const [name, s] of milestones) {
    const afterBuild = Number.isFinite(built) && !name.startsWith('build done') ? ` (${(Number(s) - built).toFixed(1)} s after the build)` : '';
    print(`${name}: ${s} s${afterBuild}`);
  }
  process.exitCode = ok ? 0 : 1;
}

async function ready(url) {
  try {
    return (await fetch(`${url}/api/v1/health/ready`)).ok;
  } catch {
    return false;
  }
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
