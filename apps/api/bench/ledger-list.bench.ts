import { SESSION_COOKIE, TENANT_HEADER } from '@ferry/contracts';
import { Client, Pool } from 'pg';
import { PasswordHasher } from '../src/core/auth/password-hasher';
import { cursorAtSql, encodeCursor } from '../src/core/http/cursor-page';
import { dbContextParameters, SET_DB_CONTEXT_SQL } from '../src/core/tenancy/db-context';
import { OrdersFilter, ordersListQuery } from '../src/modules/pass-through-orders/orders-list-query';
import { envNumber, formatSummary, print, startBenchDatabase, summarize } from './bench-kit';
import { startFerry } from './bench-world';
import { CATALOGUE_SIZE, fillLedgers, RARE_SKU } from './ledger-rows';

/*
 * The orders monitor at 100,000 ledger rows (issue 8: "pages stay responsive"): the list,
 * its filters and searches, an order's journey and the error queue, over Ferry's real HTTP
 * app with a signed-in tenant admin. From the workspace root:
 *
 *   npm run bench:ledger-list
 *
 * Data (made by PostgreSQL with generate_series, see ledger-rows.ts): tenant "bench-a" with
 * ORDERS orders (100,000) plus its error queue and shipment pushes, tenant "bench-b" with as
 * many (row-level security must keep it out of bench-a's reads), and tenant "bench-small"
 * with 1,000 orders as the baseline. Each case runs WARMUP requests, then REQUESTS (200)
 * timed one after another (time to the last byte of the body, on this machine, through
 * localhost). Then the plan of every list query, as the application role under RLS
 * (EXPLAIN ANALYZE of the exact SQL the endpoint runs): the indexes it uses, and any
 * sequential scan. Figures only; nothing is asserted.
 * Env: ORDERS (100000), BASELINE_ORDERS (1000), REQUESTS (200), WARMUP (10), BENCH_LOG_LEVEL.
 */

const ORDERS = envNumber('ORDERS', 100_000);
const BASELINE_ORDERS = envNumber('BASELINE_ORDERS', 1000);
const REQUESTS = Math.max(1, envNumber('REQUESTS', 200));
const WARMUP = envNumber('WARMUP', 10);
const NAMES_FROM = 1000;

interface Case {
  name: string;
  path: string;
  tenantId: string;
  /** The list filter behind `path`, for its query plan. */
  filter?: OrdersFilter;
  cursor?: { createdAt: string; id: string };
}

interface Measured {
  name: string;
  items: number;
  summary: ReturnType<typeof summarize>;
}

async function main(): Promise<void> {
  print(`Orders monitor benchmark: ${ORDERS.toLocaleString('en-US')} orders in each of two tenants, ${BASELINE_ORDERS.toLocaleString('en-US')} in a third; ${REQUESTS} requests per case.`);
  const db = await startBenchDatabase();
  const owner = new Pool({ connectionString: db.ownerUrl, max: 2 });
  let ferry: Awaited<ReturnType<typeof startFerry>> | null = null;
  try {
    const tenants: Record<'a' | 'b' | 'small', string> = { a: '', b: '', small: '' };
    for (const [key, orders, namesFrom, prefix] of [
      ['a', ORDERS, NAMES_FROM, 'WA'],
      ['b', ORDERS, NAMES_FROM, 'WB'],
      ['small', BASELINE_ORDERS, NAMES_FROM, 'WS'],
    ] as const) {
      const row = await owner.query<{ id: string }>('insert into tenants (name, slug) values ($1, $1) returning id', [`bench-${key}`]);
      tenants[key] = row.rows[0].id;
      const started = performance.now();
      const written = await fillLedgers(owner, { tenantId: tenants[key], orders, namesFrom, orderNumberPrefix: prefix });
      print(`  bench-${key}: ${written.orders.toLocaleString('en-US')} orders, ${written.errors.toLocaleString('en-US')} errors, ${written.shipments.toLocaleString('en-US')} shipment pushes in ${Math.round(performance.now() - started).toLocaleString('en-US')} ms`);
    }
    await owner.query('vacuum analyze');
    const sizes = await owner.query<{ relname: string; size: string }>(
      `select relname, pg_size_pretty(pg_total_relation_size(oid)) as size from pg_class
        where relname in ('pass_through_orders', 'pass_through_order_skus', 'record_errors', 'shipment_pushes') order by relname`,
    );
    print(`  table sizes (with indexes and TOAST): ${sizes.rows.map((r) => `${r.relname} ${r.size}`).join(', ')}`);

    const email = 'admin@bench.test';
    const password = 'bench-admin-password';
    const user = await owner.query<{ id: string }>('insert into users (email, display_name, password_hash) values ($1, $2, $3) returning id', [email, 'Bench admin', await new PasswordHasher().hash(password)]);
    for (const tenantId of [tenants.a, tenants.small]) {
      await owner.query(`insert into memberships (tenant_id, user_id, role) values ($1, $2, 'tenant_admin')`, [tenantId, user.rows[0].id]);
    }

    ferry = await startFerry(db.appUrl, { FERRY_ROLE: 'api' });
    const login = await fetch(`${ferry.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
    const cookie = login.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`))?.split(';')[0];
    if (login.status !== 200 || !cookie) throw new Error(`login failed: ${login.status}`);

    const probe = await owner.query<{ id: string; cursor_at: string; id_at: string }>(
      `select id, ${cursorAtSql('shopify_created_at')} as cursor_at, id as id_at from pass_through_orders where tenant_id = $1
        order by shopify_created_at desc, id desc offset $2 limit 1`,
      [tenants.a, Math.floor(ORDERS / 2)],
    );
    const deep = { createdAt: probe.rows[0].cursor_at, id: probe.rows[0].id_at };
    const shipped = await owner.query<{ id: string }>(
      `select o.id from pass_through_orders o join shipment_pushes s on s.tenant_id = o.tenant_id and s.order_number = o.order_number
        where o.tenant_id = $1 order by o.shopify_created_at desc limit 1`,
      [tenants.a],
    );
    const day = 86_400_000;
    const narrowFrom = new Date(Date.now() - 45 * day).toISOString();
    const narrowTo = new Date(Date.now() - 43 * day).toISOString();
    const wideFrom = new Date(Date.now() - 60 * day).toISOString();
    const wideTo = new Date(Date.now() - 30 * day).toISOString();
    const exactName = `#${NAMES_FROM + Math.floor(ORDERS * 0.51)}`;
    const catalogueSku = `SKU-${String(123 % CATALOGUE_SIZE).padStart(4, '0')}`;
    const list = (filter: OrdersFilter, extra: Record<string, string> = {}) => `/api/v1/orders?${new URLSearchParams({ limit: '50', ...(filter as Record<string, string>), ...extra })}`;
    const a = tenants.a;

    const cases: Case[] = [
      { name: 'baseline: GET /health/live', path: '/api/v1/health/live', tenantId: a },
      { name: `baseline: list, first page (${BASELINE_ORDERS.toLocaleString('en-US')} orders)`, path: list({}), tenantId: tenants.small, filter: {} },
      { name: 'list, first page', path: list({}), tenantId: a, filter: {} },
      { name: `list, deep page (cursor at row ${Math.floor(ORDERS / 2).toLocaleString('en-US')})`, path: list({}, { cursor: encodeCursor(deep) }), tenantId: a, filter: {}, cursor: deep },
      { name: 'filter status=failed', path: list({ status: 'failed' }), tenantId: a, filter: { status: 'failed' } },
      { name: 'filter status=imported, deep page', path: list({ status: 'imported' }, { cursor: encodeCursor(deep) }), tenantId: a, filter: { status: 'imported' }, cursor: deep },
      { name: 'filter date range, 2 days', path: list({ from: narrowFrom, to: narrowTo }), tenantId: a, filter: { from: narrowFrom, to: narrowTo } },
      { name: 'filter date range, 30 days', path: list({ from: wideFrom, to: wideTo }), tenantId: a, filter: { from: wideFrom, to: wideTo } },
      { name: 'filter category=mapping_error', path: list({ category: 'mapping_error' }), tenantId: a, filter: { category: 'mapping_error' } },
      { name: 'filter category=erp_import_failed', path: list({ category: 'erp_import_failed' }), tenantId: a, filter: { category: 'erp_import_failed' } },
      {
        name: 'filters combined (status, category, from)',
        path: list({ status: 'import_failed', category: 'erp_import_failed', from: wideFrom }),
        tenantId: a,
        filter: { status: 'import_failed', category: 'erp_import_failed', from: wideFrom },
      },
      { name: `search order name, exact (${exactName})`, path: list({ q: exactName }), tenantId: a, filter: { q: exactName } },
      { name: `search order name, prefix (${exactName.slice(0, -1)})`, path: list({ q: exactName.slice(0, -1) }), tenantId: a, filter: { q: exactName.slice(0, -1) } },
      { name: `search order name without "#" (${exactName.slice(1)})`, path: list({ q: exactName.slice(1) }), tenantId: a, filter: { q: exactName.slice(1) } },
      { name: 'search CIMcloud order number', path: list({ q: `WA${String(Math.floor(ORDERS * 0.51) + 1).padStart(7, '0')}` }), tenantId: a, filter: { q: `WA${String(Math.floor(ORDERS * 0.51) + 1).padStart(7, '0')}` } },
      { name: `search SKU, ~0.4 % of orders (${catalogueSku})`, path: list({ q: catalogueSku }), tenantId: a, filter: { q: catalogueSku } },
      { name: `search SKU, ~3.5 % of orders (${RARE_SKU})`, path: list({ q: RARE_SKU }), tenantId: a, filter: { q: RARE_SKU } },
      { name: 'search, no match (NOPE-1)', path: list({ q: 'NOPE-1' }), tenantId: a, filter: { q: 'NOPE-1' } },
      { name: "one order's journey (GET /orders/:id)", path: `/api/v1/orders/${shipped.rows[0].id}`, tenantId: a },
      { name: 'errors list (open)', path: '/api/v1/errors?limit=50', tenantId: a },
      { name: 'errors list, category=sku_not_matched', path: '/api/v1/errors?limit=50&category=sku_not_matched', tenantId: a },
    ];

    const request = async (c: Case): Promise<{ ms: number; items: number }> => {
      const started = performance.now();
      const response = await fetch(`${ferry?.url}${c.path}`, { headers: { cookie, [TENANT_HEADER]: c.tenantId } });
      const body = (await response.json()) as { items?: unknown[] };
      const elapsed = performance.now() - started;
      if (response.status !== 200) throw new Error(`${c.name}: ${response.status} ${JSON.stringify(body)}`);
      return { ms: elapsed, items: Array.isArray(body.items) ? body.items.length : 1 };
    };

    const results: Measured[] = [];
    for (const c of cases) {
      for (let i = 0; i < WARMUP; i++) await request(c);
      const times: number[] = [];
      let items = 0;
      for (let i = 0; i < REQUESTS; i++) {
        const r = await request(c);
        times.push(r.ms);
        items = r.items;
      }
      results.push({ name: c.name, items, summary: summarize(times) });
    }

    print('');
    print('Per case (time to the last byte of the answer):');
    const width = Math.max(...results.map((r) => r.name.length));
    for (const r of results) print(`  ${r.name.padEnd(width)}  ${String(r.items).padStart(3)} items  ${formatSummary(r.summary)}`);

    print('');
    print('Plans of the list queries, as the application role under row-level security (EXPLAIN ANALYZE):');
    const app = new Client({ connectionString: db.appUrl });
    await app.connect();
    try {
      for (const c of cases.filter((x) => x.filter)) {
        const query = ordersListQuery(c.tenantId, c.filter ?? {}, c.cursor ?? null, 51);
        await app.query('begin');
        try {
          await app.query(SET_DB_CONTEXT_SQL, dbContextParameters({ tenantId: c.tenantId }));
          const plan = await app.query<{ 'QUERY PLAN': Array<{ Plan: PlanNode; 'Execution Time': number }> }>(`explain (analyze, format json) ${query.sql}`, query.params);
          const root = plan.rows[0]['QUERY PLAN'][0];
          print(`  ${c.name.padEnd(width)}  ${root['Execution Time'].toFixed(1).padStart(7)} ms  ${describeScans(root.Plan)}`);
        } finally {
          await app.query('rollback');
        }
      }
    } finally {
      await app.end();
    }
  } finally {
    if (ferry) await ferry.close();
    await owner.end();
    await db.stop();
  }
}

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Actual Rows'?: number;
  'Actual Loops'?: number;
  'Rows Removed by Filter'?: number;
  Plans?: PlanNode[];
}

/** The scans of a plan, e.g. "Index Scan pass_through_orders_listed (52 rows)"; sequential scans stand out. */
function describeScans(node: PlanNode): string {
  const scans: string[] = [];
  const walk = (n: PlanNode): void => {
    if (n['Node Type'].includes('Scan') && (n['Relation Name'] || n['Index Name'])) {
      const what = n['Node Type'] === 'Seq Scan' ? `SEQ SCAN ${n['Relation Name']}` : `${n['Node Type']} ${n['Index Name'] ?? n['Relation Name']}`;
      const rows = Math.round((n['Actual Rows'] ?? 0) * (n['Actual Loops'] ?? 1));
      const removed = n['Rows Removed by Filter'] ? `, ${Math.round(n['Rows Removed by Filter'] * (n['Actual Loops'] ?? 1))} filtered out` : '';
      scans.push(`${what} (${rows} rows${removed})`);
    }
    for (const child of n.Plans ?? []) walk(child);
  };
  walk(node);
  return scans.join('; ');
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
