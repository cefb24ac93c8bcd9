import { COMMA, ENTER } from '@angular/cdk/keycodes';
import { ChangeDetectionStrategy, Component, computed, DestroyRef, effect, inject, signal, untracked } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatChipInputEvent, MatChipsModule } from '@angular/material/chips';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { DEFAULT_ORDER_FILTERS, OrderFilters, ProblemDetails } from '@ferry/contracts';
import { LoadedValue } from '../../core/loaded-value';
import { toProblem } from '../../core/problem-details';
import { TenantContext } from '../../core/tenant-context';
import { ProblemMessage } from '../../ui/problem-message';
import { DefaultsApi } from './defaults-api';

type FilterFlag = 'skipTestOrders' | 'skipCancelled' | 'skipUnpaid';

const FLAGS: readonly { key: FilterFlag; label: string; help: string }[] = [
  { key: 'skipTestOrders', label: 'Skip test orders', help: 'Orders placed with a test payment gateway' },
  { key: 'skipCancelled', label: 'Skip cancelled orders', help: 'Orders cancelled before they were sent' },
  { key: 'skipUnpaid', label: 'Skip unpaid orders', help: 'Orders that are not paid or partially paid' },
];

/** Which Shopify orders are imported: skip test, cancelled, unpaid, or tagged orders. */
@Component({
  selector: 'ferry-order-filters-card',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatChipsModule, MatFormFieldModule, MatIconModule, MatSlideToggleModule, ProblemMessage],
  templateUrl: './order-filters-card.html',
  styleUrl: './order-filters-card.scss',
})
export class OrderFiltersCard {
  private readonly api = inject(DefaultsApi);
  private readonly tenant = inject(TenantContext);
  protected readonly flags = FLAGS;
  protected readonly separators = [ENTER, COMMA] as const;
  protected readonly filters = new LoadedValue<OrderFilters>(() => this.api.getFilters());
  protected readonly draft = signal<OrderFilters>(DEFAULT_ORDER_FILTERS);
  protected readonly canWrite = computed(() => this.tenant.can('defaults:write'));
  protected readonly dirty = computed(() => {
    const saved = this.filters.value();
    return saved !== null && JSON.stringify(saved) !== JSON.stringify(this.draft());
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
        if (tenantId) this.filters.reload();
        else this.filters.clear();
      });
    });
    effect(() => {
      const saved = this.filters.value();
      untracked(() => this.draft.set(saved ?? DEFAULT_ORDER_FILTERS));
    });
    inject(DestroyRef).onDestroy(() => this.filters.destroy());
  }

  protected setFlag(key: FilterFlag, value: boolean): void {
    this.saved.set(false);
    this.draft.update((draft) => ({ ...draft, [key]: value }));
  }

  protected addTag(event: MatChipInputEvent): void {
    const tags = event.value
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean);
    event.chipInput.clear();
    if (!tags.length) return;
    this.saved.set(false);
    this.draft.update((draft) => {
      const known = new Set(draft.skipTags.map((t) => t.toLowerCase()));
      const added = tags.filter((t) => !known.has(t.toLowerCase()) && known.add(t.toLowerCase()));
      return { ...draft, skipTags: [...draft.skipTags, ...added] };
    });
  }

  protected removeTag(tag: string): void {
    this.saved.set(false);
    this.draft.update((draft) => ({ ...draft, skipTags: draft.skipTags.filter((t) => t !== tag) }));
  }

  protected save(): void {
    if (this.saving() || !this.canWrite()) return;
    this.saving.set(true);
    this.problem.set(null);
    this.api.saveFilters(this.draft()).subscribe({
      next: (saved) => {
        this.saving.set(false);
        this.saved.set(true);
        this.filters.set(saved);
      },
      error: (error: unknown) => {
        this.saving.set(false);
        this.problem.set(toProblem(error));
      },
    });
  }
}
