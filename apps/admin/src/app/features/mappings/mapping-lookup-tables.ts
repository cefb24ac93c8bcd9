import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatIconModule } from '@angular/material/icon';
import { MatTooltipModule } from '@angular/material/tooltip';
import { RouterLink } from '@angular/router';
import { LookupRow, LookupTable } from '@ferry/contracts';
import { MappingWorkspace } from './mapping-workspace';

/**
 * The mapping's own lookup tables (read by `$lookup(table, key[, fallback])`), edited with
 * the mapping and versioned with it. The tenant's shared tables are on the setup page.
 */
@Component({
  selector: 'ferry-mapping-lookup-tables',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, MatButtonModule, MatCheckboxModule, MatIconModule, MatTooltipModule],
  templateUrl: './mapping-lookup-tables.html',
  styleUrl: './mapping-lookup-tables.scss',
})
export class MappingLookupTables {
  protected readonly workspace = inject(MappingWorkspace);
  protected readonly tables = computed(() => this.workspace.definition()?.lookupTables ?? []);

  private edit(t: number, change: (table: LookupTable) => LookupTable): void {
    this.workspace.setLookupTables(this.tables().map((table, i) => (i === t ? change(table) : table)));
  }

  private editRow(t: number, r: number, patch: Partial<LookupRow>): void {
    this.edit(t, (table) => ({ ...table, rows: table.rows.map((row, i) => (i === r ? { ...row, ...patch } : row)) }));
  }

  protected addTable(): void {
    const names = new Set(this.tables().map((t) => t.name));
    let name = 'new_table';
    for (let n = 2; names.has(name); n++) name = `new_table_${n}`;
    this.workspace.setLookupTables([...this.tables(), { name, rows: [{ key: '', value: '' }] }]);
  }

  protected removeTable(t: number): void {
    this.workspace.setLookupTables(this.tables().filter((_, i) => i !== t));
  }

  protected rename(t: number, name: string): void {
    if (name.trim() === '') return; // a table needs a name: keep the old one
    this.edit(t, (table) => ({ ...table, name: name.trim() }));
  }

  protected setIgnoreCase(t: number, ignoreCase: boolean): void {
    this.edit(t, (table) => ({ ...table, ignoreCase }));
  }

  protected setKey(t: number, r: number, key: string): void {
    this.editRow(t, r, { key });
  }

  protected setValue(t: number, r: number, value: string): void {
    this.editRow(t, r, { value });
  }

  protected addRow(t: number): void {
    this.edit(t, (table) => ({ ...table, rows: [...table.rows, { key: '', value: '' }] }));
  }

  protected removeRow(t: number, r: number): void {
    this.edit(t, (table) => ({ ...table, rows: table.rows.filter((_, i) => i !== r) }));
  }
}
