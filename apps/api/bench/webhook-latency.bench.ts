import { availableParallelism } from 'node:os';
import { CIMCLOUD_RATE_LIMITS, RunningCimcloudEmulator, startCimcloudEmulator } from '@ferry/cimcloud-emulator';
import { CreateOrderInput, PLAN_RESTORE_RATES, RunningShopifyEmulator, ShopPlan, startShopifyEmulator } from '@ferry/shopify-emulator';
import { Pool } from 'pg';
import { ConnectorClients } from '../src/modules/connections/connector-clients';
import { BenchDatabase, envNumber, formatSummary, ms, print, sleep, startBenchDatabase, summarize, waitFor } from './bench-kit';
import { connectBenchTenant, startFerry } from './bench-world';

/*
 * Webhook → CIMcloud latency (DESIGN §8: p95 ≤ 2 s), end to end: Shopify emulator →
 * signed orders/create webhook → Ferry's real HTTP app (role all: pg-boss worker and tick
 * running) → Shopify read, sandboxed mapping, ledger → CIMcloud emulator. From the root:
 *
 *   TS_NODE_PROJECT=apps/api/bench/tsconfig.json node -r @swc-node/register -r tsconfig-paths/register apps/api/bench/webhook-latency.bench.ts
 *
 * Three passes, each with a fresh app instance and tenant (so a fresh CIMcloud budget):
 *   limited  CIMcloud's documented limits, enforced by the emulator and budgeted by the
 *            connector; Shopify's cost bucket not binding (emulator time ×1000).
 *   lifted   CIMcloud limits off in the emulator and the connector's budget raised to the
 *            config's maximum (CIMCLOUD_CALLS_*): Ferry's own latency. Not the defaults.
 *   shopify  Shopify's cost bucket at real speed on SHOP_PLAN, CIMcloud lifted: what
 *            Shopify's budget alone does to the latency.
 * Env: ORDERS (200), INTERVAL_MS (250), PASSES (limited,lifted,shopify), LIMITED_CAP_SECONDS
 * (60), SHOPIFY_ORDERS (80), SHOPIFY_CAP_SECONDS (30), SHOP_PLAN (STANDARD),
 * WORKER_BATCH_SIZE / WORKER_POLL_SECONDS (Ferry's defaults), BENCH_TRACE, BENCH_LOG_LEVEL.
 *
 * What is measured, per order: from the instant just before the bench creates it in the
 * Shopify emulator (which fires orders/create at once) to the `receivedAt` the CIMcloud
 * emulator stamps when the `POST orderpassthrough` carrying it is accepted (stored, or
 * taken into CIMcloud's queue for posts of > 10 records). Both are this process's
 * Date.now(), so there is no clock skew, and the end is CIMcloud's acceptance itself, not
 * Ferry's bookkeeping after it (the ledger's sent_at is printed as a cross-check).
 */

const ORDERS = envNumber('ORDERS', 200);
const INTERVAL_MS = envNumber('INTERVAL_MS', 250);
const LIMITED_CAP_MS = envNumber('LIMITED_CAP_SECONDS', 60) * 1000;
const SHOPIFY_ORDERS = envNumber('SHOPIFY_ORDERS', 80);
const SHOPIFY_CAP_MS = envNumber('SHOPIFY_CAP_SECONDS', 30) * 1000;
/** The lifted pass needs about a second after the last order; this only bounds a failure. */
const LIFTED_CAP_MS = 30_000;
const PASSES = (process.env['PASSES'] ?? 'limited,lifted,shopify').split(',').map((p) => p.trim());
const SHOP_PLAN = (process.env['SHOP_PLAN'] ?? 'STANDARD') as ShopPlan;
/** The connector's budget in the lifted passes: the highest values Ferry's config accepts. */
const LIFTED_BUDGET = { CIMCLOUD_CALLS_PER_SECOND: '1000', CIMCLOUD_CALLS_PER_15_MIN: '1000000' };

const ADDRESS = { firstName: 'Dana', lastName: 'Whitfield', address1: '12 Main Street', city: 'Springfield', provinceCode: 'IL', zip: '62701', countryCode: 'US' };
/** A typical order the demo site's ERP accepts (known SKUs, customer and ship-via from the order defaults). */
const orderInput = (i: number): CreateOrderInput => ({
  email: `buyer${i}@example.com`,
  shippingAddress: ADDRESS,
  billingAddress: ADDRESS,
  lineItems: [
    { sku: 'WIDGET-100', title: 'Widget', quantity: 1 + (i % 3), price: '12.50' },
    { sku: 'GADGET-1', title: 'Gadget', quantity: 1, price: '7.25' },
  ],
  shippingLines: [{ title: 'Standard', price: '5.00' }],
});

interface PassOptions {
  label: string;
  slug: string;
  orders: number;
  capAfterLastMs: number;
  /** CIMcloud's documented limits on (emulator + connector budget), or lifted on both sides. */
  cimcloudLimits: boolean;
  shopify: RunningShopifyEmulator;
  shopifyNote: string;
}

interface CreatedOrder {
  orderId: string;
  createdAt: number;
}

async function main(): Promise<void> {
  const workerEnv: Record<string, string> = {};
  for (const key of ['WORKER_BATCH_SIZE', 'WORKER_POLL_SECONDS']) if (process.env[key]) workerEnv[key] = process.env[key] as string;

  print(`webhook → CIMcloud latency, Node ${process.version}, ${availableParallelism()} cores; Ferry, both emulators and the bench share this one process, PostgreSQL runs beside it`);
  const db = await startBenchDatabase();
  const owner = new Pool({ connectionString: db.ownerUrl, max: 2 });
  owner.on('error', (error) => console.error(`owner pool: ${error.message}`));
  const [shopifyFast, shopifyReal, cimcloud] = await Promise.all([
    // ×1000: the cost bucket refills 1000 times faster than Shopify's, so it never binds.
    startShopifyEmulator({ timeScale: 1000 }),
    startShopifyEmulator({ timeScale: 1 }),
    startCimcloudEmulator(),
  ]);
  const limits = CIMCLOUD_RATE_LIMITS;
  print(
    `CIMcloud's documented limits (emulator default, and the connector's client-side budget): ${limits.perSecond} calls / ${limits.secondWindowMs} ms and ${limits.perWindow} calls / ${limits.windowMs / 60000} min per authorization`,
  );
  print(`order rate: one every ${INTERVAL_MS} ms (${(1000 / INTERVAL_MS).toFixed(1)}/s); each order 2 lines`);
  try {
    if (PASSES.includes('limited')) {
      await runPass(db, owner, cimcloud, workerEnv, {
        label: 'pass limited — CIMcloud documented limits (emulator enforces them, the connector budgets them); Shopify bucket not binding',
        slug: 'bench-limited',
        orders: ORDERS,
        capAfterLastMs: LIMITED_CAP_MS,
        cimcloudLimits: true,
        shopify: shopifyFast,
        shopifyNote: 'emulator time ×1000, bucket not binding',
      });
    }
    if (PASSES.includes('lifted')) {
      await runPass(db, owner, cimcloud, workerEnv, {
        label: 'pass lifted — LIMITS LIFTED: CIMcloud limits off in the emulator and the connector budget raised (CIMCLOUD_CALLS_*); Shopify bucket not binding. NOT production defaults.',
        slug: 'bench-lifted',
        orders: ORDERS,
        capAfterLastMs: LIFTED_CAP_MS,
        cimcloudLimits: false,
        shopify: shopifyFast,
        shopifyNote: 'emulator time ×1000, bucket not binding',
      });
    }
    if (PASSES.includes('shopify')) {
      await runPass(db, owner, cimcloud, workerEnv, {
        label: `pass shopify — Shopify's cost bucket at real speed (${SHOP_PLAN} plan: ${PLAN_RESTORE_RATES[SHOP_PLAN]} points/s); CIMcloud limits lifted as in "lifted", to isolate Shopify`,
        slug: 'bench-shopify',
        orders: SHOPIFY_ORDERS,
        capAfterLastMs: SHOPIFY_CAP_MS,
        cimcloudLimits: false,
        shopify: shopifyReal,
        shopifyNote: `real time, ${SHOP_PLAN} plan`,
      });
    }
  } finally {
    await owner.end();
    await Promise.all([shopifyFast.close(), shopifyReal.close(), cimcloud.close()]);
    await db.stop();
  }
}

async function runPass(db: BenchDatabase, owner: Pool, cimcloud: RunningCimcloudEmulator, workerEnv: Record<string, string>, options: PassOptions): Promise<void> {
  const { shopify } = options;
  print();
  print(`== ${options.label}`);
  cimcloud.control.setRateLimits(options.cimcloudLimits ? CIMCLOUD_RATE_LIMITS : null);
  // A fresh app per pass: fresh connector clients (a fresh call budget and cost bucket), and
  // a run still waiting for CIMcloud budget in an earlier pass cannot hold this one's worker.
  const ferry = await startFerry(db.appUrl, { ...workerEnv, ...(options.cimcloudLimits ? {} : LIFTED_BUDGET) });
  const c = ferry.config;
  print(
    `Ferry: role ${c.FERRY_ROLE}, WORKER_BATCH_SIZE ${c.WORKER_BATCH_SIZE}, WORKER_POLL_SECONDS ${c.WORKER_POLL_SECONDS}, SCHEDULER_TICK_MS ${c.SCHEDULER_TICK_MS}, ` +
      `ORDERS_IMPORT_CHECK_SECONDS ${c.ORDERS_IMPORT_CHECK_SECONDS}, CIMCLOUD_CALLS_PER_SECOND ${c.CIMCLOUD_CALLS_PER_SECOND}, CIMCLOUD_CALLS_PER_15_MIN ${c.CIMCLOUD_CALLS_PER_15_MIN}`,
  );
  const tenant = await connectBenchTenant(ferry, owner, { shopify, cimcloud }, options.slug, SHOP_PLAN);
  print(`tenant connected: ${tenant.shopifyTestMessage}`);
  if (!tenant.shopifyTestMessage.includes('webhooks registered')) throw new Error('order webhooks were not registered: the benchmark would measure polling');

  const accepted = () => cimcloud.control.orders(tenant.siteName).length;
  // Warm-up (not counted): the first run starts the mapping worker threads, compiles the
  // mapping and authenticates at CIMcloud.
  const warmStart = Date.now();
  shopify.control.createOrder(tenant.shopName, orderInput(options.orders));
  const warmed = await waitFor(() => (accepted() >= 1 ? true : undefined), 30_000, 20);
  if (!warmed) throw new Error('the warm-up order did not reach CIMcloud within 30 s');
  print(`warm-up order (not counted): ${ms(Date.now() - warmStart)}`);

  const passStart = Date.now();
  const callsBefore = cimcloud.control.calls(tenant.siteName).length;
  print(`creating ${options.orders} orders, one every ${INTERVAL_MS} ms (${(1000 / INTERVAL_MS).toFixed(1)}/s)…`);
  const created: CreatedOrder[] = [];
  for (let i = 0; i < options.orders; i++) {
    // Absolute slots: a slow iteration does not stretch the steady rate.
    const wait = passStart + i * INTERVAL_MS - Date.now();
    if (wait > 0) await sleep(wait);
    const createdAt = Date.now();
    created.push({ orderId: shopify.control.createOrder(tenant.shopName, orderInput(i)).orderId, createdAt });
  }
  const lastCreated = created[created.length - 1]?.createdAt ?? passStart;
  print(`created in ${ms(lastCreated - passStart)} (${((created.length - 1) / ((lastCreated - passStart) / 1000)).toFixed(2)} orders/s)`);
  const done = await waitFor(() => (accepted() >= options.orders + 1 ? true : undefined), lastCreated + options.capAfterLastMs - Date.now(), 50);
  const waitedAfterLast = Date.now() - lastCreated;
  // The ledger commit follows CIMcloud's answer by a few ms: let it land before reading it.
  await waitFor(async () => {
    const sent = await owner.query<{ n: number }>(`select count(*)::int as n from pass_through_orders where tenant_id = $1 and sent_at is not null`, [tenant.tenantId]);
    return sent.rows[0].n >= accepted() ? true : undefined;
  }, 5000, 50);

  // Join Shopify orders → ledger order numbers → CIMcloud's acceptance stamps.
  const ledger = await owner.query<{ shopify_order_id: string; order_number: string | null; sent_at: Date | null }>(
    'select shopify_order_id, order_number, sent_at from pass_through_orders where tenant_id = $1',
    [tenant.tenantId],
  );
  const byShopifyId = new Map(ledger.rows.map((r) => [r.shopify_order_id, r]));
  const stored = new Map(cimcloud.control.orders(tenant.siteName).map((o) => [o.orderNumber, o]));
  const latencies: number[] = [];
  const ledgerLatencies: number[] = [];
  const unaccepted: CreatedOrder[] = [];
  const perOrder: Array<number | undefined> = [];
  for (const order of created) {
    const row = byShopifyId.get(order.orderId) ?? byShopifyId.get(order.orderId.split('/').pop() ?? '');
    const inCimcloud = row?.order_number ? stored.get(row.order_number) : undefined;
    perOrder.push(inCimcloud ? Date.parse(inCimcloud.receivedAt) - order.createdAt : undefined);
    if (inCimcloud) latencies.push(Date.parse(inCimcloud.receivedAt) - order.createdAt);
    else unaccepted.push(order);
    if (row?.sent_at) ledgerLatencies.push(row.sent_at.getTime() - order.createdAt);
  }
  const missing = unaccepted.length;

  print();
  print(`accepted by CIMcloud: ${latencies.length} of ${created.length}${done ? '' : `  (stopped waiting ${ms(waitedAfterLast)} after the last order: the cap)`}`);
  print(`latency, order created in Shopify → accepted by CIMcloud:  ${formatSummary(summarize(latencies))}`);
  if (missing > 0) {
    // Censored: the unaccepted ones took at least as long as we waited for them.
    const censored = [...latencies, ...unaccepted.map((o) => Date.now() - o.createdAt)];
    const s = summarize(censored);
    print(`  counting the ${missing} not accepted as "≥ waited so far":  p50 ≥ ${ms(s.p50)}  p95 ≥ ${ms(s.p95)}  max ≥ ${ms(s.max)}`);
  }
  print(`cross-check, created → ledger sent_at (Ferry's commit after CIMcloud's 200):  ${formatSummary(summarize(ledgerLatencies))}`);

  const calls = cimcloud.control.calls(tenant.siteName).slice(callsBefore);
  const byKind = new Map<string, number>();
  for (const call of calls) byKind.set(`${call.method} ${call.path}`, (byKind.get(`${call.method} ${call.path}`) ?? 0) + 1);
  const posts = calls.filter((call) => call.method === 'POST' && call.path.includes('orderpassthrough') && call.status === 200).length;
  print(
    `CIMcloud calls during the pass: ${calls.length} (${[...byKind].map(([k, n]) => `${k} ×${n}`).join(', ')}); 429 answers: ${calls.filter((call) => call.status === 429).length}`,
  );
  print(`orders per accepted orderpassthrough POST: ${posts ? (latencies.length / posts).toFixed(1) : 'n/a'}`);
  const connection = await ferry.app.get(ConnectorClients).cimcloud(tenant.tenantId);
  const usage = connection?.client.callUsage();
  if (usage) print(`connector's own count for this authorization: ${usage.inWindow} calls in the current 15-min window, ${usage.total} in all (incl. connection test and warm-up)`);
  const runs = await owner.query<{ trigger: string; status: string; n: number; read: number; p50: number | null; max: number | null }>(
    `select trigger, status, count(*)::int as n, coalesce(sum((counts->>'read')::int), 0)::int as read,
            percentile_disc(0.5) within group (order by extract(epoch from finished_at - started_at) * 1000)::float as p50,
            max(extract(epoch from finished_at - started_at) * 1000)::float as max
       from sync_runs where tenant_id = $1 and flow = 'orders' and started_at >= $2 group by trigger, status order by trigger, status`,
    [tenant.tenantId, new Date(passStart)],
  );
  print(
    `orders runs started during the pass: ${runs.rows.map((r) => `${r.trigger}/${r.status} ×${r.n} (duration p50 ${ms(r.p50 ?? NaN)}, max ${ms(r.max ?? NaN)})`).join('; ') || 'none'}`,
  );
  const readTotal = runs.rows.reduce((sum, r) => sum + r.read, 0);
  const finishedRuns = runs.rows.filter((r) => r.status !== 'running').reduce((sum, r) => sum + r.n, 0);
  print(
    `orders read from Shopify by the finished runs: ${readTotal} for ${created.length} new orders, ${finishedRuns ? Math.round(readTotal / finishedRuns) : 0} per run (each run re-reads every order updated within its overlap window)`,
  );
  if (options.cimcloudLimits) {
    // The pass is short; say what the same pace would do to the 15-minute budget.
    const seconds = (lastCreated - passStart) / 1000;
    const perSecond = calls.length / seconds;
    print(
      `budget arithmetic: ${calls.length} calls in ${seconds.toFixed(0)} s = ${perSecond.toFixed(2)} calls/s, which spends ${CIMCLOUD_RATE_LIMITS.perWindow} calls in ${(CIMCLOUD_RATE_LIMITS.perWindow / perSecond).toFixed(0)} s; ` +
        `sustained, ${CIMCLOUD_RATE_LIMITS.perWindow} calls / 15 min at ${(1000 / INTERVAL_MS).toFixed(1)} orders/s needs ≥ ${Math.ceil(((1000 / INTERVAL_MS) * CIMCLOUD_RATE_LIMITS.windowMs) / 1000 / CIMCLOUD_RATE_LIMITS.perWindow)} orders per call (here ${posts ? (latencies.length / posts).toFixed(1) : 'n/a'})`,
    );
  }
  const deliveries = shopify.control.webhookDeliveries().filter((d) => d.shopDomain.startsWith(`${tenant.shopName}.`));
  print(`webhook deliveries to Ferry: ${deliveries.length} (${deliveries.filter((d) => d.status === 'delivered').length} delivered; topics ${[...new Set(deliveries.map((d) => d.topic))].join(', ')})`);
  const shopifyClient = (await ferry.app.get(ConnectorClients).shopify(tenant.tenantId))?.client;
  if (shopifyClient) {
    const st = shopifyClient.stats;
    print(`Shopify (${options.shopifyNote}): ${st.requests} GraphQL requests by this app instance, ${st.throttledResponses} THROTTLED answers, ${st.retries} retries`);
  }
  if (process.env['BENCH_TRACE']) {
    print(`trace (order index:latency ms): ${perOrder.map((l, i) => `${i}:${l === undefined ? '-' : Math.round(l)}`).join(' ')}`);
  }
  if (!done) {
    const budgetSpent = options.cimcloudLimits && usage && usage.inWindow >= CIMCLOUD_RATE_LIMITS.perWindow;
    print(
      budgetSpent
        ? `why capped: the connector keeps to CIMcloud's ${CIMCLOUD_RATE_LIMITS.perWindow} calls / 15 min per authorization and has spent them; the next call waits for the oldest to leave the window (up to 15 min), beyond this benchmark's time box.`
        : `why capped: not all orders were accepted within ${ms(options.capAfterLastMs)} after the last one (see the runs and Shopify lines above for what was binding).`,
    );
  }

  const closed = await ferry.close(12_000);
  if (!closed) print('(this app instance did not close within 12 s — a run is still waiting on a budget; it is left behind and the process exits at the end)');
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
