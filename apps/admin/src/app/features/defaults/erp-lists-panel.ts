import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, DestroyRef, effect, inject, output, signal, untracked } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { ErpListKind, ErpListSummary, ProblemDetails } from '@ferry/contracts';
import { ErpListsApi } from '../../core/erp-lists-api';
import { LoadedValue } from '../../core/loaded-value';
import { toProblem } from '../../core/problem-details';
import { TenantContext } from '../../core/tenant-context';
import { ProblemMessage } from '../../ui/problem-message';

const LIST_LABELS: Record<ErpListKind, string> = {
  customers: 'Customers',
  terms: 'Terms codes',
  tax_schedules: 'Tax schedules',
  ship_vias: 'Ship-vias',
  warehouses: 'Warehouses',
  items: 'Items',
};

/** The ERP lists Ferry has cached (counts, when read) and "Refresh ERP lists". */
@Component({
  selector: 'ferry-erp-lists-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, MatButtonModule, MatIconModule, ProblemMessage],
  template: `
    <section class="erp" data-testid="erp-lists" aria-labelledby="erp-lists-title">
      <div class="erp-header">
        <h3 id="erp-lists-title">ERP lists</h3>
        @if (canRefresh()) {
          <button mat-stroked-button type="button" data-testid="erp-lists-refresh" [disabled]="refreshing()" (click)="refresh()">
            <mat-icon svgIcon="refresh" />
            {{ refreshing() ? 'Refreshing…' : 'Refresh ERP lists' }}
          </button>
        }
      </div>
      <p class="erp-help">The choices offered below come from the ERP through CIMcloud and are cached; refresh after changing them in the ERP.</p>
      @if (lists.value(); as summaries) {
        <ul class="counts">
          @for (list of summaries; track list.kind) {
            <li [attr.data-testid]="'erp-list-' + list.kind" [attr.data-count]="list.count">
              <span class="count">{{ list.count }}</span> {{ labels[list.kind] }}
              <span class="when">{{ list.refreshedAt ? 'read ' + (list.refreshedAt | date: 'short') : 'never read' }}</span>
            </li>
          }
        </ul>
      }
      <ferry-problem-message [problem]="problem() ?? lists.error()" />
    </section>
  `,
  styles: `
    .erp { padding: 12px 16px; border-radius: var(--mat-sys-corner-medium); background: var(--mat-sys-surface-container-low); margin-bottom: 16px; }
    .erp-header { display: flex; align-items: center; justify-content: space-between; gap: 16px; }
    h3 { font: var(--mat-sys-title-small); margin: 0; }
    .erp-help { margin: 4px 0 8px; color: var(--mat-sys-on-surface-variant); font: var(--mat-sys-body-small); }
    .counts { display: flex; flex-wrap: wrap; gap: 8px 24px; list-style: none; margin: 0; padding: 0; }
    .count { font-weight: 600; }
    .when { margin-left: 4px; font: var(--mat-sys-body-small); color: var(--mat-sys-on-surface-variant); }
  `,
})
export class ErpListsPanel {
  private readonly api = inject(ErpListsApi);
  private readonly tenant = inject(TenantContext);
  protected readonly labels = LIST_LABELS;
  protected readonly lists = new LoadedValue<ErpListSummary[]>(() => this.api.summaries());
  protected readonly canRefresh = computed(() => this.tenant.can('connections:write'));
  protected readonly refreshing = signal(false);
  protected readonly problem = signal<ProblemDetails | null>(null);
  /** After a refresh: the lists changed, so "unknown to the ERP" may have too. */
  readonly refreshed = output<ErpListSummary[]>();

  constructor() {
    effect(() => {
      const tenantId = this.tenant.currentId();
      untracked(() => {
        this.problem.set(null);
        if (tenantId) this.lists.reload();
        else this.lists.clear();
      });
    });
    inject(DestroyRef).onDestroy(() => this.lists.destroy());
  }

  protected refresh(): void {
    if (this.refreshing()) return;
    this.refreshing.set(true);
    this.problem.set(null);
    this.api.refresh().subscribe({
      next: (summaries) => {
        this.refreshing.set(false);
        this.lists.set(summaries);
        this.refreshed.emit(summaries);
      },
      error: (error: unknown) => {
        this.refreshing.set(false);
        this.problem.set(toProblem(error));
      },
    });
  }
}
