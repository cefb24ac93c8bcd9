import { afterNextRender, ChangeDetectionStrategy, Component, DestroyRef, effect, ElementRef, inject, input, output, untracked } from '@angular/core';
import { autocompletion, closeBrackets, closeBracketsKeymap, completionKeymap } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { bracketMatching, defaultHighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { setDiagnostics } from '@codemirror/lint';
import { Compartment, EditorState } from '@codemirror/state';
import { EditorView, keymap, placeholder } from '@codemirror/view';
import { MappingFailureDto } from '@ferry/contracts';
import { CompletionCatalog, expressionCompletionSource } from './expression-completions';
import { failureDiagnostic } from './expression-diagnostics';
import { jsonataLanguage } from './jsonata-language';

const theme = EditorView.theme({
  '&': { fontSize: '13px', border: '1px solid var(--mat-sys-outline-variant)', borderRadius: '4px', background: 'var(--mat-sys-surface)' },
  '&.cm-focused': { outline: '2px solid var(--mat-sys-primary)', outlineOffset: '-1px' },
  '.cm-content': { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', padding: '4px 0', minHeight: '1.5em' },
  '.cm-scroller': { maxHeight: '18em' },
});

/**
 * A JSONata expression in CodeMirror 6: highlighting, completion of sample paths and `$`
 * names, and the engine's failures as inline markers at their line and column. The
 * editable element (`.cm-content`) carries the `data-testid`, so a browser test can
 * `fill` it.
 */
@Component({
  selector: 'ferry-expression-editor',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: '',
  styles: `
    :host { display: block; min-width: 0; }
  `,
})
export class ExpressionEditor {
  readonly value = input.required<string>();
  readonly readOnly = input(false);
  readonly failures = input<readonly MappingFailureDto[]>([]);
  /** What completions are made of, read on every completion. */
  readonly catalog = input.required<() => CompletionCatalog>();
  readonly testId = input.required<string>();
  readonly label = input('Expression');
  readonly valueChange = output<string>();

  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly editable = new Compartment();
  private view: EditorView | null = null;

  constructor() {
    afterNextRender(() => this.create());
    effect(() => {
      const value = this.value();
      untracked(() => {
        const view = this.view;
        if (view && view.state.doc.toString() !== value) view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: value } });
      });
    });
    effect(() => {
      const readOnly = this.readOnly();
      untracked(() => this.view?.dispatch({ effects: this.editable.reconfigure(this.editability(readOnly)) }));
    });
    effect(() => {
      const failures = this.failures();
      untracked(() => this.mark(failures));
    });
    inject(DestroyRef).onDestroy(() => {
      this.view?.destroy();
      this.view = null;
    });
  }

  private editability(readOnly: boolean) {
    return [EditorState.readOnly.of(readOnly), EditorView.editable.of(!readOnly)];
  }

  private create(): void {
    const state = EditorState.create({
      doc: this.value(),
      extensions: [
        jsonataLanguage,
        syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
        history(),
        closeBrackets(),
        bracketMatching(),
        autocompletion({ override: [expressionCompletionSource(() => this.catalog()())], activateOnTyping: true }),
        keymap.of([...closeBracketsKeymap, ...defaultKeymap, ...historyKeymap, ...completionKeymap]),
        EditorView.lineWrapping,
        placeholder('JSONata expression'),
        EditorView.contentAttributes.of({ 'data-testid': this.testId(), 'aria-label': this.label() }),
        this.editable.of(this.editability(this.readOnly())),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) this.valueChange.emit(update.state.doc.toString());
        }),
        theme,
      ],
    });
    this.view = new EditorView({ state, parent: this.host.nativeElement });
    this.mark(this.failures());
  }

  private mark(failures: readonly MappingFailureDto[]): void {
    const view = this.view;
    if (!view) return;
    const doc = view.state.doc;
    view.dispatch(setDiagnostics(view.state, failures.map((f) => failureDiagnostic(doc, f))));
  }
}
