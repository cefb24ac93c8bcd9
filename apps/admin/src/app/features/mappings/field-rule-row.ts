import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatTooltipModule } from '@angular/material/tooltip';
import { FieldRule } from '@ferry/contracts';
import { ExpressionEditor } from './expression-editor';
import { fieldFindings, fieldStatus, valueAt } from './mapping-preview';
import { MappingWorkspace } from './mapping-workspace';
import { describeRules, TargetField } from './target-fields';

const STATUS_LABELS = { error: 'Error', invalid: 'Invalid', valid: 'OK', empty: 'Empty' } as const;

/** Shortens a preview value for the column beside the expression. */
export function previewText(value: unknown): string {
  if (value === undefined) return '—';
  const text = JSON.stringify(value);
  return text.length > 120 ? `${text.slice(0, 119)}…` : text;
}

/** One field rule: target with its rules, the expression, and its live value and status. */
@Component({
  selector: 'ferry-field-rule-row',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatIconModule, MatTooltipModule, ExpressionEditor],
  template: `
    <div class="target">
      <span class="mono name" data-testid="rule-target">{{ rule().target }}</span>
      @if (field(); as f) {
        <span class="rules" [attr.data-testid]="'rule-constraints-' + rule().target">
          @for (part of constraints(); track part) {
            <span class="constraint">{{ part }}</span>
          }
          @if (f.systemName) {
            <span class="system" title="The ERP's name for this field">{{ f.systemName }}</span>
          }
        </span>
      } @else {
        <span class="rules unknown">not in the target schema</span>
      }
    </div>
    <ferry-expression-editor
      class="expression"
      [value]="rule().expression"
      [readOnly]="!workspace.canWrite()"
      [failures]="findings().failures"
      [catalog]="catalog"
      [testId]="'rule-expression-' + rule().target"
      [label]="'Expression of ' + rule().target"
      (valueChange)="workspace.updateRule(index(), { expression: $event })"
    />
    <div class="result">
      <span [class]="'status status-' + status()" [attr.data-testid]="'rule-status-' + rule().target" [attr.data-status]="status()">{{ statusLabels[status()] }}</span>
      <code class="value" [attr.data-testid]="'rule-value-' + rule().target">{{ value() }}</code>
      @for (failure of findings().failures; track $index) {
        <p class="message error" [attr.data-testid]="'rule-error-' + rule().target">
          {{ failure.message }}@if (failure.line) { (line {{ failure.line }}, column {{ failure.column }})}
        </p>
      }
      @for (issue of findings().issues; track $index) {
        <p class="message invalid" [attr.data-testid]="'rule-issue-' + rule().target" [attr.data-rule]="issue.rule">{{ issue.path }}: {{ issue.message }}</p>
      }
    </div>
    @if (workspace.canWrite()) {
      <button
        mat-icon-button
        type="button"
        class="remove"
        [attr.data-testid]="'rule-remove-' + rule().target"
        [attr.aria-label]="'Remove the rule of ' + rule().target"
        matTooltip="Remove rule"
        (click)="workspace.removeRule(index())"
      >
        <mat-icon svgIcon="delete" />
      </button>
    }
  `,
  styles: `
    :host {
      display: grid;
      grid-template-columns: minmax(120px, 180px) minmax(220px, 1fr) minmax(120px, 200px) 40px;
      gap: 8px 12px;
      align-items: start;
      padding: 8px 0;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    .target { display: flex; flex-direction: column; gap: 4px; min-width: 0; }
    .name { font-weight: 500; word-break: break-all; }
    .rules { display: flex; flex-wrap: wrap; gap: 4px; font: var(--mat-sys-label-small); color: var(--mat-sys-on-surface-variant); }
    .constraint, .system { padding: 0 6px; border-radius: 8px; background: var(--mat-sys-surface-container-high); }
    .unknown { color: var(--mat-sys-error); }
    .result { display: flex; flex-direction: column; gap: 4px; min-width: 0; }
    .value { word-break: break-all; font-size: 12px; }
    .status { align-self: flex-start; padding: 0 8px; border-radius: 8px; font: var(--mat-sys-label-small); }
    .status-valid { background: #d7f5dd; color: #0b5a1c; }
    .status-empty { background: var(--mat-sys-surface-container-high); }
    .status-invalid, .status-error { background: var(--mat-sys-error-container); color: var(--mat-sys-on-error-container); }
    .message { margin: 0; font: var(--mat-sys-body-small); color: var(--mat-sys-error); }
  `,
})
export class FieldRuleRow {
  protected readonly workspace = inject(MappingWorkspace);
  readonly rule = input.required<FieldRule>();
  readonly index = input.required<number>();
  readonly field = input<TargetField | null>(null);

  protected readonly statusLabels = STATUS_LABELS;
  protected readonly constraints = computed(() => {
    const field = this.field();
    return field ? describeRules(field) : [];
  });
  protected readonly findings = computed(() => fieldFindings(this.workspace.preview(), this.rule().target));
  protected readonly status = computed(() => fieldStatus(this.workspace.preview(), this.rule().target));
  protected readonly value = computed(() => {
    const output = this.workspace.preview()?.output;
    return previewText(output === undefined ? undefined : valueAt(output, this.rule().target));
  });
  protected readonly catalog = () => this.workspace.catalog(this.rule().target.includes('[].') ? 'iterator' : 'rule');
}
