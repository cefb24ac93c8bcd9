import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, DestroyRef, effect, inject, signal, untracked } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatExpansionModule } from '@angular/material/expansion';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { ProblemDetails, SkuReport } from '@ferry/contracts';
import { saveTextFile } from '../../core/text-files';
import { LoadedValue } from '../../core/loaded-value';
import { toProblem } from '../../core/problem-details';
import { TenantContext } from '../../core/tenant-context';
import { ProblemMessage } from '../../ui/problem-message';
import { LocationsApi } from './locations-api';

/** How many entries of each list are shown; the CSV has them all. */
export const SKU_LIST_SHOWN = 200;

type CountKey = keyof SkuReport['counts'];

const COUNTS: readonly { key: CountKey; label: string }[] = [
  { key: 'matched', label: 'Matched' },
  { key: 'shopifyOnly', label: 'Shopify only' },
  { key: 'erpOnly', label: 'ERP only' },
  { key: 'duplicates', label: 'Duplicate SKUs' },
  { key: 'blanks', label: 'Without SKU' },
  { key: 'shopifyVariants', label: 'Shopify variants' },
  { key: 'erpItems', label: 'ERP items' },
];

/** Shopify SKUs against the ERP item master: counts, the lists, and the CSV. */
@Component({
  selector: 'ferry-sku-report-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, MatButtonModule, MatExpansionModule, MatIconModule, MatProgressBarModule, ProblemMessage],
  templateUrl: './sku-report-panel.html',
  styleUrl: './sku-report-panel.scss',
})
export class SkuReportPanel {
  private readonly api = inject(LocationsApi);
  private readonly tenant = inject(TenantContext);
  protected readonly counts = COUNTS;
  protected readonly shown = SKU_LIST_SHOWN;
  protected readonly report = new LoadedValue<SkuReport>(() => this.api.skuReport());
  protected readonly downloading = signal(false);
  protected readonly downloadProblem = signal<ProblemDetails | null>(null);

  constructor() {
    effect(() => {
      const tenantId = this.tenant.currentId();
      untracked(() => {
        this.downloadProblem.set(null);
        if (tenantId) this.report.reload();
        else this.report.clear();
      });
    });
    inject(DestroyRef).onDestroy(() => this.report.destroy());
  }

  protected download(): void {
    if (this.downloading()) return;
    this.downloading.set(true);
    this.downloadProblem.set(null);
    this.api.skuReportCsv().subscribe({
      next: (csv) => {
        this.downloading.set(false);
        saveTextFile(csv, `sku-report-${this.tenant.current()?.tenantSlug ?? 'tenant'}.csv`);
      },
      error: (error: unknown) => {
        this.downloading.set(false);
        this.downloadProblem.set(toProblem(error));
      },
    });
  }
}
