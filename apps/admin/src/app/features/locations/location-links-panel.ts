import { ChangeDetectionStrategy, Component, computed, DestroyRef, effect, inject, signal, untracked } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { ErpListEntry, LocationLinksResponse, ProblemDetails } from '@ferry/contracts';
import { catchError, of } from 'rxjs';
import { ErpListsApi } from '../../core/erp-lists-api';
import { LoadedValue } from '../../core/loaded-value';
import { toProblem } from '../../core/problem-details';
import { TenantContext } from '../../core/tenant-context';
import { ProblemMessage } from '../../ui/problem-message';
import { LocationsApi } from './locations-api';

/** How many ERP warehouses are offered in the selects. */
export const WAREHOUSE_CHOICES_LIMIT = 250;

export interface LocationRow {
  locationId: string;
  locationName: string;
  savedCode: string | null;
  suggested: boolean;
}

/** Rows of the links table: every linked location, then the unmatched ones (each once). */
export function locationRows(response: LocationLinksResponse): LocationRow[] {
  const rows: LocationRow[] = response.links.map((l) => ({
    locationId: l.locationId,
    locationName: l.locationName,
    savedCode: l.warehouseCode,
    suggested: l.source === 'suggested',
  }));
  const seen = new Set(rows.map((r) => r.locationId));
  for (const l of response.unmatchedLocations) {
    if (!seen.has(l.locationId)) rows.push({ locationId: l.locationId, locationName: l.locationName, savedCode: null, suggested: false });
  }
  return rows;
}

/** Shopify location → ERP warehouse links: suggested by name, editable, saved together. */
@Component({
  selector: 'ferry-location-links-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatIconModule, MatProgressBarModule, MatSelectModule, ProblemMessage],
  templateUrl: './location-links-panel.html',
  styleUrl: './location-links-panel.scss',
})
export class LocationLinksPanel {
  private readonly api = inject(LocationsApi);
  private readonly erpLists = inject(ErpListsApi);
  private readonly tenant = inject(TenantContext);

  protected readonly links = new LoadedValue<LocationLinksResponse>(() => this.api.links());
  private readonly erpWarehouses = signal<ErpListEntry[]>([]);
  protected readonly canWrite = computed(() => this.tenant.can('connections:write'));
  protected readonly rows = computed(() => {
    const value = this.links.value();
    return value ? locationRows(value) : [];
  });
  /** The warehouse chosen per location id, as edited (starts as saved or suggested). */
  protected readonly draft = signal<Record<string, string | null>>({});
  protected readonly dirty = computed(() => this.rows().some((r) => (this.draft()[r.locationId] ?? null) !== r.savedCode));
  protected readonly hasSuggestions = computed(() => this.rows().some((r) => r.suggested));
  /** Every warehouse that can be chosen: the ERP's list, the unmatched ones and any linked code. */
  protected readonly warehouses = computed(() => {
    const byCode = new Map<string, ErpListEntry>();
    for (const w of this.erpWarehouses()) byCode.set(w.code, w);
    for (const w of this.links.value()?.unmatchedWarehouses ?? []) if (!byCode.has(w.code)) byCode.set(w.code, w);
    for (const r of this.rows()) if (r.savedCode && !byCode.has(r.savedCode)) byCode.set(r.savedCode, { code: r.savedCode, description: '' });
    return [...byCode.values()].sort((a, b) => a.code.localeCompare(b.code));
  });
  protected readonly saving = signal(false);
  protected readonly saved = signal(false);
  protected readonly problem = signal<ProblemDetails | null>(null);

  constructor() {
    effect(() => {
      const tenantId = this.tenant.currentId();
      untracked(() => {
        this.problem.set(null);
        this.saved.set(false);
        this.erpWarehouses.set([]);
        if (!tenantId) {
          this.links.clear();
          return;
        }
        this.links.reload();
        this.erpLists
          .search('warehouses', '', WAREHOUSE_CHOICES_LIMIT)
          .pipe(catchError(() => of([] as ErpListEntry[])))
          .subscribe((entries) => {
            if (this.tenant.currentId() === tenantId) this.erpWarehouses.set(entries);
          });
      });
    });
    effect(() => {
      const rows = this.rows();
      untracked(() => this.draft.set(Object.fromEntries(rows.map((r) => [r.locationId, r.savedCode]))));
    });
    inject(DestroyRef).onDestroy(() => this.links.destroy());
  }

  protected choose(locationId: string, code: string | null): void {
    this.saved.set(false);
    this.draft.update((draft) => ({ ...draft, [locationId]: code }));
  }

  protected save(): void {
    if (this.saving() || !this.canWrite()) return;
    const draft = this.draft();
    this.saving.set(true);
    this.problem.set(null);
    this.api.saveLinks({ links: this.rows().map((r) => ({ locationId: r.locationId, warehouseCode: draft[r.locationId] ?? null })) }).subscribe({
      next: (response) => {
        this.saving.set(false);
        this.saved.set(true);
        this.links.set(response);
      },
      error: (error: unknown) => {
        this.saving.set(false);
        this.problem.set(toProblem(error));
      },
    });
  }
}
