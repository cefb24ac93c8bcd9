import { KeyValuePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MappingImpactReport } from '@ferry/contracts';
import { differenceValue } from './test-result-list';

/**
 * The impact preview: the draft against the last real records compared with the active
 * version's outputs — counts, changes per field, and every changed record with its diffs.
 */
@Component({
  selector: 'ferry-impact-summary',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [KeyValuePipe],
  template: `
    @if (impact(); as i) {
      <p class="intro">Compared with version {{ i.comparedWithVersion }} on the last {{ i.total }} records:</p>
      <div class="counts">
        <span class="count" data-testid="publish-impact-total" [attr.data-count]="i.total"><strong>{{ i.total }}</strong> records</span>
        <span class="count" data-testid="publish-impact-changed" [attr.data-count]="i.changed"><strong>{{ i.changed }}</strong> changed</span>
        <span class="count bad" data-testid="publish-impact-broken" [attr.data-count]="i.newlyBroken"><strong>{{ i.newlyBroken }}</strong> newly failing</span>
        <span class="count good" data-testid="publish-impact-fixed" [attr.data-count]="i.newlyFixed"><strong>{{ i.newlyFixed }}</strong> newly fixed</span>
      </div>
      @if ((i.fieldCounts | keyvalue).length) {
        <table class="fields">
          <thead>
            <tr><th>Field</th><th>Records changed</th></tr>
          </thead>
          <tbody>
            @for (entry of i.fieldCounts | keyvalue; track entry.key) {
              <tr data-testid="publish-impact-field" [attr.data-field]="entry.key" [attr.data-count]="entry.value">
                <td class="mono">{{ entry.key }}</td>
                <td>{{ entry.value }}</td>
              </tr>
            }
          </tbody>
        </table>
      }
      @for (record of i.records; track record.key) {
        <details class="record" data-testid="publish-impact-record" [attr.data-key]="record.key" [attr.data-before]="record.before" [attr.data-after]="record.after">
          <summary>
            <strong>{{ record.label }}</strong> {{ record.before }} → {{ record.after }} · {{ record.differences.length }} field{{ record.differences.length === 1 ? '' : 's' }}
          </summary>
          @if (record.afterError; as e) {
            <p class="error">{{ e.field ? e.field + ': ' : '' }}{{ e.message }}</p>
          }
          @for (issue of record.afterIssues; track $index) {
            <p class="error">{{ issue }}</p>
          }
          <table class="diffs">
            <thead>
              <tr><th>Field</th><th>Now</th><th>With the draft</th></tr>
            </thead>
            <tbody>
              @for (d of record.differences; track $index) {
                <tr data-testid="publish-impact-diff" [attr.data-path]="d.path">
                  <td class="mono">{{ d.path }}</td>
                  <td class="mono">{{ show(d.before) }}</td>
                  <td class="mono">{{ show(d.after) }}</td>
                </tr>
              }
            </tbody>
          </table>
        </details>
      }
    }
  `,
  styles: `
    :host { display: block; }
    .intro { margin: 4px 0; }
    .counts { display: flex; flex-wrap: wrap; gap: 8px; margin: 8px 0; }
    .count { padding: 4px 10px; border-radius: 12px; background: var(--mat-sys-surface-container-high); }
    .count.bad { background: var(--mat-sys-error-container); color: var(--mat-sys-on-error-container); }
    .count.good { background: #d7f5dd; color: #0b5a1c; }
    .fields, .diffs { border-collapse: collapse; font: var(--mat-sys-body-small); margin: 4px 0; }
    th, td { padding: 2px 8px; text-align: left; border-bottom: 1px solid var(--mat-sys-outline-variant); }
    .record { margin: 4px 0; }
    .error { margin: 2px 0; color: var(--mat-sys-error); font: var(--mat-sys-body-small); }
    .mono { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
  `,
})
export class ImpactSummary {
  readonly impact = input<MappingImpactReport | null>(null);

  protected show(value: unknown): string {
    return differenceValue(value);
  }
}
