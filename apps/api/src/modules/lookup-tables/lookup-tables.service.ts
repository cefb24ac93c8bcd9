import { Injectable } from '@nestjs/common';
import { LookupRow, LookupTableDetail, LookupTableSummary, STANDARD_LOOKUP_TABLES } from '@ferry/contracts';
import { EntityManager } from 'typeorm';
import { recordAudit } from '../../core/audit/audit-log';
import { CsvSyntaxError, parseCsv, toCsv } from '../../core/http/csv';
import { problems } from '../../core/http/problem';
import { DbContextRunner } from '../../core/tenancy/db-context-runner';
import { TenantContext } from '../../core/tenancy/tenant-context';
import { MAX_LOOKUP_ROWS, SaveLookupTableDto } from './dto/save-lookup-table.dto';

interface TableRow {
  id: string;
  name: string;
  description: string;
  updated_at: Date;
  row_count: number;
}

const STANDARD_NAMES: readonly string[] = STANDARD_LOOKUP_TABLES.map((t) => t.name);

/** Cross-reference tables read by `$lookup` in mappings (ship_via, carrier, and the tenant's own). */
@Injectable()
export class LookupTablesService {
  constructor(private readonly db: DbContextRunner) {}

  list(tenant: TenantContext): Promise<LookupTableSummary[]> {
    return this.db.forTenant(tenant, async (m) =>
      ((await m.query(
        `select t.id, t.name, t.description, t.updated_at, (select count(*)::int from lookup_rows r where r.table_id = t.id) as row_count
           from lookup_tables t where t.tenant_id = $1 order by t.name`,
        [tenant.tenantId],
      )) as TableRow[]).map(toSummary),
    );
  }

  get(tenant: TenantContext, tableId: string): Promise<LookupTableDetail> {
    return this.db.forTenant(tenant, (m) => this.detail(m, tenant.tenantId, tableId));
  }

  async create(tenant: TenantContext, body: SaveLookupTableDto): Promise<LookupTableDetail> {
    assertUniqueKeys(body.rows);
    return this.db.forTenant(tenant, async (m) => {
      const exists = await m.query('select 1 from lookup_tables where tenant_id = $1 and name = $2', [tenant.tenantId, body.name]);
      if (exists.length) throw problems.conflict(`A lookup table named "${body.name}" already exists.`);
      const [{ id }] = (await m.query('insert into lookup_tables (tenant_id, name, description) values ($1, $2, $3) returning id', [
        tenant.tenantId,
        body.name,
        body.description ?? '',
      ])) as Array<{ id: string }>;
      await this.replaceRows(m, tenant.tenantId, id, body.rows);
      await recordAudit(m, tenant, { action: 'lookup_table.created', targetType: 'lookup_table', targetId: id, details: { name: body.name, rows: body.rows.length } });
      return this.detail(m, tenant.tenantId, id);
    });
  }

  async update(tenant: TenantContext, tableId: string, body: SaveLookupTableDto): Promise<LookupTableDetail> {
    assertUniqueKeys(body.rows);
    return this.db.forTenant(tenant, async (m) => {
      const current = await this.lock(m, tenant.tenantId, tableId);
      if (STANDARD_NAMES.includes(current.name) && body.name !== current.name) {
        throw problems.validation([{ field: 'name', message: `"${current.name}" is a standard table read by the default mappings; it cannot be renamed` }]);
      }
      await m.query('update lookup_tables set name = $3, description = $4, updated_at = now() where tenant_id = $1 and id = $2', [
        tenant.tenantId,
        tableId,
        body.name,
        body.description ?? current.description,
      ]);
      await this.replaceRows(m, tenant.tenantId, tableId, body.rows);
      await recordAudit(m, tenant, { action: 'lookup_table.saved', targetType: 'lookup_table', targetId: tableId, details: { name: body.name, rows: body.rows.length } });
      return this.detail(m, tenant.tenantId, tableId);
    });
  }

  async importCsv(tenant: TenantContext, tableId: string, csv: unknown): Promise<LookupTableDetail> {
    if (typeof csv !== 'string') throw problems.badRequest('Send the CSV as the body with Content-Type: text/csv.');
    const rows = rowsFromCsv(csv);
    return this.db.forTenant(tenant, async (m) => {
      const current = await this.lock(m, tenant.tenantId, tableId);
      await this.replaceRows(m, tenant.tenantId, tableId, rows);
      await m.query('update lookup_tables set updated_at = now() where tenant_id = $1 and id = $2', [tenant.tenantId, tableId]);
      await recordAudit(m, tenant, { action: 'lookup_table.imported', targetType: 'lookup_table', targetId: tableId, details: { name: current.name, rows: rows.length } });
      return this.detail(m, tenant.tenantId, tableId);
    });
  }

  async exportCsv(tenant: TenantContext, tableId: string): Promise<{ name: string; csv: string }> {
    const table = await this.get(tenant, tableId);
    return { name: table.name, csv: toCsv([['key', 'value'], ...table.rows.map((r) => [r.key, r.value])]) };
  }

  async remove(tenant: TenantContext, tableId: string): Promise<void> {
    await this.db.forTenant(tenant, async (m) => {
      const current = await this.lock(m, tenant.tenantId, tableId);
      if (STANDARD_NAMES.includes(current.name)) throw problems.conflict(`"${current.name}" is a standard table read by the default mappings: empty it instead.`);
      await m.query('delete from lookup_tables where tenant_id = $1 and id = $2', [tenant.tenantId, tableId]);
      await recordAudit(m, tenant, { action: 'lookup_table.deleted', targetType: 'lookup_table', targetId: tableId, details: { name: current.name } });
    });
  }

  /** Every table of a tenant with its rows, as the mapping engine's `$lookup` reads them. */
  async tablesForMapping(m: EntityManager, tenantId: string): Promise<Array<{ name: string; rows: LookupRow[] }>> {
    const rows = (await m.query(
      `select t.name, r.key, r.value from lookup_tables t left join lookup_rows r on r.table_id = t.id where t.tenant_id = $1 order by t.name, r.key`,
      [tenantId],
    )) as Array<{ name: string; key: string | null; value: string | null }>;
    const tables = new Map<string, LookupRow[]>();
    for (const row of rows) {
      const list = tables.get(row.name) ?? [];
      if (row.key !== null) list.push({ key: row.key, value: row.value ?? '' });
      tables.set(row.name, list);
    }
    return [...tables.entries()].map(([name, list]) => ({ name, rows: list }));
  }

  private async lock(m: EntityManager, tenantId: string, tableId: string): Promise<TableRow> {
    const rows = (await m.query('select id, name, description, updated_at, 0 as row_count from lookup_tables where tenant_id = $1 and id = $2 for update', [
      tenantId,
      tableId,
    ])) as TableRow[];
    if (!rows[0]) throw problems.notFound('Lookup table');
    return rows[0];
  }

  private async replaceRows(m: EntityManager, tenantId: string, tableId: string, rows: LookupRow[]): Promise<void> {
    await m.query('delete from lookup_rows where tenant_id = $1 and table_id = $2', [tenantId, tableId]);
    if (rows.length === 0) return;
    await m.query(
      `insert into lookup_rows (tenant_id, table_id, key, value) select $1, $2, key, value from unnest($3::text[], $4::text[]) as v(key, value)`,
      [tenantId, tableId, rows.map((r) => r.key), rows.map((r) => r.value)],
    );
  }

  private async detail(m: EntityManager, tenantId: string, tableId: string): Promise<LookupTableDetail> {
    const tables = (await m.query(
      `select t.id, t.name, t.description, t.updated_at, (select count(*)::int from lookup_rows r where r.table_id = t.id) as row_count
         from lookup_tables t where t.tenant_id = $1 and t.id = $2`,
      [tenantId, tableId],
    )) as TableRow[];
    if (!tables[0]) throw problems.notFound('Lookup table');
    const rows = (await m.query('select key, value from lookup_rows where tenant_id = $1 and table_id = $2 order by key', [tenantId, tableId])) as LookupRow[];
    return { ...toSummary(tables[0]), rows };
  }
}

function toSummary(row: TableRow): LookupTableSummary {
  return { id: row.id, name: row.name, description: row.description, rowCount: row.row_count, updatedAt: row.updated_at.toISOString() };
}

function assertUniqueKeys(rows: LookupRow[]): void {
  const seen = new Map<string, number>();
  const errors = rows.flatMap((row, i) => {
    const first = seen.get(row.key);
    seen.set(row.key, first ?? i);
    return first === undefined ? [] : [{ field: `rows.${i}.key`, message: `"${row.key}" repeats row ${first + 1}` }];
  });
  if (errors.length) throw problems.validation(errors);
}

/** A `key,value` CSV (header first) into rows; every problem names its line. */
function rowsFromCsv(csv: string): LookupRow[] {
  let cells: string[][];
  try {
    cells = parseCsv(csv).filter((row) => !(row.length === 1 && row[0] === ''));
  } catch (error) {
    if (error instanceof CsvSyntaxError) throw problems.validation([{ field: 'csv', message: error.message }]);
    throw error;
  }
  const [header, ...body] = cells;
  if (!header || header.map((h) => h.trim().toLowerCase()).join(',') !== 'key,value') {
    throw problems.validation([{ field: 'csv', message: 'line 1: the header must be "key,value"' }]);
  }
  if (body.length > MAX_LOOKUP_ROWS) throw problems.validation([{ field: 'csv', message: `has ${body.length} rows; at most ${MAX_LOOKUP_ROWS}` }]);
  const errors: Array<{ field: string; message: string }> = [];
  const seen = new Map<string, number>();
  const rows = body.map((cellsOfRow, i) => {
    const line = i + 2;
    if (cellsOfRow.length !== 2) errors.push({ field: 'csv', message: `line ${line}: has ${cellsOfRow.length} columns, expected 2 (key,value)` });
    const key = (cellsOfRow[0] ?? '').trim();
    const value = (cellsOfRow[1] ?? '').trim();
    if (!key) errors.push({ field: 'csv', message: `line ${line}: the key is empty` });
    if (key.length > 200 || value.length > 200) errors.push({ field: 'csv', message: `line ${line}: keys and values are at most 200 characters` });
    const first = seen.get(key);
    if (key && first !== undefined) errors.push({ field: 'csv', message: `line ${line}: the key "${key}" repeats line ${first}` });
    seen.set(key, first ?? line);
    return { key, value };
  });
  if (errors.length) throw problems.validation(errors.slice(0, 50));
  return rows;
}
