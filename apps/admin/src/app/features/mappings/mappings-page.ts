import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked, viewChild } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTabsModule } from '@angular/material/tabs';
import { MatTooltipModule } from '@angular/material/tooltip';
import { Router, RouterLink } from '@angular/router';
import { MAPPING_FLOWS, MappingFlow, MappingPublishResult, ProblemDetails } from '@ferry/contracts';
import { toProblem } from '../../core/problem-details';
import { TenantContext } from '../../core/tenant-context';
import { readTextFile, saveTextFile } from '../../core/text-files';
import { ConfirmDialog, ConfirmDialogData } from '../../ui/confirm-dialog';
import { NoTenantNotice } from '../../ui/no-tenant-notice';
import { ProblemMessage } from '../../ui/problem-message';
import { ExpressionEditor } from './expression-editor';
import { FieldRuleRow } from './field-rule-row';
import { MappingHistory } from './mapping-history';
import { MappingLookupTables } from './mapping-lookup-tables';
import { fieldFindings } from './mapping-preview';
import { MappingTestCases } from './mapping-test-cases';
import { MappingWorkspace } from './mapping-workspace';
import { MappingsApi } from './mappings-api';
import { PublishDialog, PublishDialogData } from './publish-dialog';
import { SamplePicker } from './sample-picker';

const FLOW_LABELS: Readonly<Record<MappingFlow, string>> = { orders: 'Orders', shipments: 'Shipments', inventory: 'Inventory' };

const SAVE_LABELS = {
  idle: 'All changes saved',
  pending: 'Unsaved changes',
  saving: 'Saving…',
  saved: 'Saved',
  conflict: 'Changed elsewhere',
  error: 'Not saved',
} as const;

/** The draft in an import file: a bare definition, or an export/version document holding one. */
export function definitionOfFile(parsed: unknown): unknown {
  return parsed !== null && typeof parsed === 'object' && 'definition' in parsed ? (parsed as { definition: unknown }).definition : parsed;
}

/**
 * The mapping editor of one flow (`/mappings/:flow`, `?errorId=` opens an error's record as
 * the sample): field rules with live preview, the document expression, lookup tables, test
 * cases, publishing with impact preview and replay, and the version history.
 */
@Component({
  selector: 'ferry-mappings-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [MappingWorkspace],
  imports: [
    DatePipe,
    RouterLink,
    MatButtonModule,
    MatIconModule,
    MatProgressBarModule,
    MatSelectModule,
    MatTabsModule,
    MatTooltipModule,
    NoTenantNotice,
    ProblemMessage,
    ExpressionEditor,
    FieldRuleRow,
    SamplePicker,
    MappingLookupTables,
    MappingTestCases,
    MappingHistory,
  ],
  templateUrl: './mappings-page.html',
  styleUrl: './mappings-page.scss',
})
export class MappingsPage {
  private readonly api = inject(MappingsApi);
  private readonly router = inject(Router);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  protected readonly tenant = inject(TenantContext);
  protected readonly workspace = inject(MappingWorkspace);

  /** Route parameter. */
  readonly flow = input<string>('orders');
  /** Query parameter: an error of the monitor to fix (its record becomes the sample). */
  readonly errorId = input<string | undefined>(undefined);

  protected readonly flows = MAPPING_FLOWS;
  protected readonly flowLabels = FLOW_LABELS;
  protected readonly saveLabels = SAVE_LABELS;
  protected readonly busy = signal(false);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly newTarget = signal<string | null>(null);
  private readonly history = viewChild(MappingHistory);
  /** The tenant whose mapping is on screen (a change of tenant drops unsaved edits). */
  private shownTenant: string | null = null;

  protected readonly rules = computed(() => {
    const fields = new Map(this.workspace.fields().map((f) => [f.target, f]));
    return (this.workspace.definition()?.fieldRules ?? []).map((rule, index) => ({ rule, index, field: fields.get(rule.target) ?? null }));
  });
  /** Schema fields without a rule, for "Add field rule". */
  protected readonly unmapped = computed(() => {
    const mapped = new Set((this.workspace.definition()?.fieldRules ?? []).map((r) => r.target));
    return this.workspace.fields().filter((f) => !mapped.has(f.target));
  });
  protected readonly missingRequired = computed(() => this.unmapped().filter((f) => f.required && !f.target.includes('[].')));
  protected readonly documentExpression = computed(() => this.workspace.definition()?.documentExpression ?? '');
  protected readonly documentFailures = computed(() => fieldFindings(this.workspace.preview(), '$document').failures);
  protected readonly previewJson = computed(() => {
    const output = this.workspace.preview()?.output;
    return output === undefined ? '' : JSON.stringify(output, null, 2);
  });
  protected readonly documentCatalog = () => this.workspace.catalog('document');

  constructor() {
    effect(() => {
      const tenantId = this.tenant.currentId();
      const flow = this.flow();
      untracked(() => {
        if (!(MAPPING_FLOWS as readonly string[]).includes(flow)) {
          void this.router.navigate(['/mappings', 'orders'], { replaceUrl: true });
          return;
        }
        const tenantChanged = this.shownTenant !== null && this.shownTenant !== tenantId;
        this.shownTenant = tenantId;
        if (tenantId) this.workspace.load(flow as MappingFlow, { fresh: true, discardPending: tenantChanged });
      });
    });
  }

  protected addRule(): void {
    const target = this.newTarget();
    if (!target) return;
    this.workspace.addRule(target);
    this.newTarget.set(null);
  }

  protected reloadDraft(): void {
    this.workspace.load(this.workspace.flow());
  }

  protected publish(): void {
    const definition = this.workspace.definition();
    if (!definition || !this.workspace.canWrite()) return;
    const data: PublishDialogData = { flow: this.workspace.flow(), definition, saveDraft: () => this.workspace.saveNow() };
    this.dialog
      .open<PublishDialog, PublishDialogData, MappingPublishResult | undefined>(PublishDialog, { data, width: '880px', maxWidth: '95vw' })
      .afterClosed()
      .subscribe((result) => {
        if (!result) return;
        this.workspace.load(this.workspace.flow());
        this.history()?.reload();
      });
  }

  protected discard(): void {
    this.dialog
      .open<ConfirmDialog, ConfirmDialogData, boolean>(ConfirmDialog, {
        data: {
          title: 'Discard the draft?',
          message: 'Every change since the active version is lost; the editor starts again from the active version.',
          confirmLabel: 'Discard',
        },
      })
      .afterClosed()
      .subscribe((confirmed) => {
        if (!confirmed) return;
        this.workspace.autosave.cancel();
        this.busy.set(true);
        this.api.discardDraft(this.workspace.flow()).subscribe({
          next: () => {
            this.busy.set(false);
            this.workspace.load(this.workspace.flow());
          },
          error: (error: unknown) => {
            this.busy.set(false);
            this.problem.set(toProblem(error));
          },
        });
      });
  }

  protected exportMapping(): void {
    const flow = this.workspace.flow();
    this.api.exportDefinition(flow).subscribe({
      next: (text) => saveTextFile(text, `ferry-${flow}-mapping.json`, 'application/json'),
      error: (error: unknown) => this.problem.set(toProblem(error)),
    });
  }

  protected importMapping(event: Event): void {
    const fileInput = event.target as HTMLInputElement;
    const file = fileInput.files?.[0];
    fileInput.value = '';
    if (!file || !this.workspace.canWrite()) return;
    this.busy.set(true);
    this.problem.set(null);
    this.workspace.autosave.cancel();
    readTextFile(file)
      .then((text) => {
        const definition = definitionOfFile(JSON.parse(text));
        this.api.importDefinition(this.workspace.flow(), definition).subscribe({
          next: (draft) => {
            this.busy.set(false);
            this.workspace.show(draft);
            this.snackBar.open(`${file.name} is the draft now: check the preview, then publish.`, undefined, { duration: 5000 });
          },
          error: (error: unknown) => {
            this.busy.set(false);
            this.problem.set(toProblem(error));
          },
        });
      })
      .catch((error: unknown) => {
        this.busy.set(false);
        this.problem.set(toProblem(error instanceof SyntaxError ? new Error(`${file.name} is not valid JSON: ${error.message}`) : error));
      });
  }

  protected onRolledBack(): void {
    this.workspace.load(this.workspace.flow());
  }
}
