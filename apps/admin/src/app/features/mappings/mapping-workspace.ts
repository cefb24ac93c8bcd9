import { computed, DestroyRef, inject, Injectable, signal } from '@angular/core';
import {
  FieldRule,
  Flow,
  LookupTable,
  MappingDefinition,
  MappingDraft,
  MappingSample,
  MappingTestCase,
  ProblemDetails,
  TargetSchema,
} from '@ferry/contracts';
import { resolveTargetSchema } from '@ferry/mapping';
import { Observable, tap, throwError } from 'rxjs';
import { toProblem } from '../../core/problem-details';
import { TenantContext } from '../../core/tenant-context';
import { DraftAutosave } from './draft-autosave';
import { CompletionCatalog } from './expression-completions';
import { computePreview, MappingPreview, PreviewSample } from './mapping-preview';
import { MappingsApi } from './mappings-api';
import { samplePaths } from './sample-paths';
import { TargetField, targetFields } from './target-fields';

/** The preview waits this long after the last keystroke. */
export const PREVIEW_DEBOUNCE_MS = 150;

/** The sample on screen: a real record (with its key) or pasted JSON. */
export interface CurrentSample extends PreviewSample {
  label: string;
  /** The ledger row, for a real record. */
  key?: string;
  openError?: MappingSample['openError'];
}

/**
 * The state of the mapping editor of one flow, shared by its panels: the definition on
 * screen, its draft and autosave, the sample and the live preview (computed in the browser,
 * never sent to the server per keystroke).
 */
@Injectable()
export class MappingWorkspace {
  private readonly api = inject(MappingsApi);
  private readonly tenant = inject(TenantContext);

  readonly flow = signal<Flow>('orders');
  readonly definition = signal<MappingDefinition | null>(null);
  readonly draft = signal<MappingDraft | null>(null);
  readonly loading = signal(false);
  readonly loadProblem = signal<ProblemDetails | null>(null);
  readonly sample = signal<CurrentSample | null>(null);
  readonly preview = signal<MappingPreview | null>(null);
  /** Defaults of the last real sample, for pasted JSON (which has no context of its own). */
  private readonly knownDefaults = signal<Record<string, unknown>>({});

  readonly canWrite = computed(() => this.tenant.can('mappings:write'));
  readonly autosave = new DraftAutosave(
    (definition, revision) => this.api.saveDraft(this.flow(), revision === undefined ? { definition } : { definition, revision }),
    (draft) => this.draft.set({ ...draft, definition: this.definition() ?? draft.definition }),
  );

  readonly schema = computed<TargetSchema | null>(() => {
    const definition = this.definition();
    if (!definition) return null;
    try {
      return resolveTargetSchema(definition);
    } catch {
      return null;
    }
  });
  readonly fields = computed<TargetField[]>(() => {
    const schema = this.schema();
    return schema ? targetFields(schema) : [];
  });
  readonly paths = computed(() => samplePaths(this.sample()?.input));
  readonly lookupTableNames = computed(() => (this.definition()?.lookupTables ?? []).map((t) => t.name));

  private previewTimer: ReturnType<typeof setTimeout> | null = null;
  private previewRun = 0;
  private loadRun = 0;

  constructor() {
    inject(DestroyRef).onDestroy(() => {
      this.autosave.release();
      if (this.previewTimer !== null) clearTimeout(this.previewTimer);
    });
  }

  /** The completions of an expression at `place`. */
  catalog(place: CompletionCatalog['place']): CompletionCatalog {
    const defaults = this.sample()?.context.defaults ?? this.knownDefaults();
    return { paths: this.paths(), defaultKeys: Object.keys(defaults), lookupTables: this.lookupTableNames(), place };
  }

  /**
   * Reads the draft of a flow (the API gives a tenant without one the active version to
   * start from). `fresh` empties the screen first (another flow or tenant); otherwise it
   * stays as it is until the answer (re-reading after a publish or a rollback).
   * `discardPending` drops an unsaved change instead of saving it (the tenant changed: the
   * save would go to the new tenant).
   */
  load(flow: Flow, options: { fresh?: boolean; discardPending?: boolean } = {}): void {
    if (options.discardPending) this.autosave.cancel();
    else this.autosave.release();
    this.autosave.reset(undefined);
    if (options.fresh || flow !== this.flow() || this.definition() === null) {
      this.sample.set(null);
      this.definition.set(null);
      this.draft.set(null);
      this.preview.set(null);
    }
    this.flow.set(flow);
    this.loadProblem.set(null);
    this.loading.set(true);
    const run = ++this.loadRun;
    this.api.draft(flow).subscribe({
      next: (draft) => run === this.loadRun && this.show(draft),
      error: (error: unknown) => {
        if (run !== this.loadRun) return;
        this.loading.set(false);
        this.loadProblem.set(toProblem(error));
      },
    });
  }

  /** Shows a draft the server answered (load, import, conflict reload). */
  show(draft: MappingDraft): void {
    this.loading.set(false);
    this.draft.set(draft);
    this.definition.set(draft.definition);
    this.autosave.reset(draft.revision);
    this.schedulePreview();
  }

  /**
   * Saves what is on screen now, over whatever the draft holds (publishing publishes the
   * saved draft, so it must be exactly what the person sees).
   */
  saveNow(): Observable<MappingDraft> {
    const definition = this.definition();
    if (!definition) return throwError(() => new Error('Nothing to save yet.'));
    this.autosave.cancel();
    return this.api.saveDraft(this.flow(), { definition }).pipe(
      tap((draft) => {
        this.draft.set({ ...draft, definition });
        this.autosave.reset(draft.revision);
      }),
    );
  }

  /** A change on screen: previewed after a moment, saved after a little longer. */
  change(update: (definition: MappingDefinition) => MappingDefinition): void {
    const current = this.definition();
    if (!current || !this.canWrite()) return;
    const next = update(current);
    this.definition.set(next);
    this.schedulePreview();
    this.autosave.schedule(next);
  }

  updateRule(index: number, patch: Partial<FieldRule>): void {
    this.change((d) => ({ ...d, fieldRules: d.fieldRules.map((rule, i) => (i === index ? { ...rule, ...patch } : rule)) }));
  }

  addRule(target: string, expression = ''): void {
    this.change((d) => ({ ...d, fieldRules: [...d.fieldRules, { target, expression: expression || 'null' }] }));
  }

  removeRule(index: number): void {
    this.change((d) => ({ ...d, fieldRules: d.fieldRules.filter((_, i) => i !== index) }));
  }

  setDocumentExpression(expression: string): void {
    this.change((d) => {
      const { documentExpression, ...rest } = d;
      void documentExpression;
      return expression.trim() === '' ? rest : { ...rest, documentExpression: expression };
    });
  }

  setLookupTables(tables: LookupTable[]): void {
    this.change((d) => ({ ...d, lookupTables: tables }));
  }

  setTestCases(testCases: MappingTestCase[]): void {
    this.change((d) => ({ ...d, testCases }));
  }

  /** A real record as the sample. */
  useSample(sample: MappingSample): void {
    if (sample.context.defaults) this.knownDefaults.set({ ...sample.context.defaults });
    this.sample.set({ input: sample.input, context: sample.context, label: sample.label, key: sample.key, openError: sample.openError });
    this.schedulePreview();
  }

  /** Pasted JSON as the sample, with the defaults last seen and now as the run time. */
  usePasted(input: unknown): void {
    this.sample.set({ input, context: { defaults: this.knownDefaults(), runAt: new Date().toISOString() }, label: 'Pasted JSON' });
    this.schedulePreview();
  }

  schedulePreview(): void {
    if (this.previewTimer !== null) clearTimeout(this.previewTimer);
    this.previewTimer = setTimeout(() => {
      this.previewTimer = null;
      void this.refreshPreview();
    }, PREVIEW_DEBOUNCE_MS);
  }

  /** Recomputes the preview now; a slower earlier run never overwrites a later one. */
  async refreshPreview(): Promise<void> {
    const definition = this.definition();
    const sample = this.sample();
    const run = ++this.previewRun;
    if (!definition || !sample) {
      this.preview.set(null);
      return;
    }
    const preview = await computePreview(definition, sample);
    if (run === this.previewRun) this.preview.set(preview);
  }
}
