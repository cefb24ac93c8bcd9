import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { FieldDifferenceDto, MappingTestReport } from '@ferry/contracts';

/** A difference's side as short text (`—` when the field is absent). */
export function differenceValue(value: unknown): string {
  return value === undefined ? '—' : JSON.stringify(value);
}

/** Test results: a summary, then every failing case with its field-level differences (path, expected, actual). */
@Component({
  selector: 'ferry-test-result-list',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (report(); as r) {
      <p class="summary" data-testid="mapping-tests-summary" [attr.data-passed]="r.passed" [attr.data-failed]="r.failed" [class.failed]="r.failed > 0">
        {{ r.passed }} passed, {{ r.failed }} failed
      </p>
      @for (result of r.results; track $index) {
        <div class="result" data-testid="mapping-test-result" [attr.data-name]="result.name" [attr.data-passed]="result.passed">
          <span [class]="'mark ' + (result.passed ? 'pass' : 'fail')">{{ result.passed ? 'Passed' : 'Failed' }}</span>
          <strong>{{ result.name }}</strong>
          @if (result.error; as e) {
            <p class="error" data-testid="mapping-test-error">{{ e.field ? e.field + ': ' : '' }}{{ e.message }}</p>
          }
          @for (issue of result.issues; track $index) {
            <p class="error" data-testid="mapping-test-issue">{{ issue.path }}: {{ issue.message }}</p>
          }
          @if (result.differences.length) {
            <table class="diffs">
              <thead>
                <tr><th>Field</th><th>Expected</th><th>Actual</th></tr>
              </thead>
              <tbody>
                @for (d of result.differences; track $index) {
                  <tr data-testid="mapping-test-diff" [attr.data-path]="d.path" [attr.data-kind]="d.kind">
                    <td class="mono">{{ d.path }}</td>
                    <td class="mono expected">{{ show(d.before) }}</td>
                    <td class="mono actual">{{ show(d.after) }}</td>
                  </tr>
                }
              </tbody>
            </table>
          }
        </div>
      }
    }
  `,
  styles: `
    :host { display: block; }
    .summary { margin: 8px 0; font: var(--mat-sys-title-small); color: #0b5a1c; }
    .summary.failed { color: var(--mat-sys-error); }
    .result { padding: 6px 0; border-top: 1px solid var(--mat-sys-outline-variant); }
    .mark { margin-right: 8px; padding: 0 6px; border-radius: 8px; font: var(--mat-sys-label-small); }
    .pass { background: #d7f5dd; color: #0b5a1c; }
    .fail { background: var(--mat-sys-error-container); color: var(--mat-sys-on-error-container); }
    .error { margin: 4px 0; color: var(--mat-sys-error); font: var(--mat-sys-body-small); }
    .diffs { border-collapse: collapse; margin-top: 4px; font: var(--mat-sys-body-small); }
    .diffs th, .diffs td { padding: 2px 8px; text-align: left; border-bottom: 1px solid var(--mat-sys-outline-variant); }
    .expected { color: #0b5a1c; }
    .actual { color: var(--mat-sys-error); }
    .mono { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
  `,
})
export class TestResultList {
  readonly report = input<MappingTestReport | null>(null);

  protected show(value: FieldDifferenceDto['before']): string {
    return differenceValue(value);
  }
}
