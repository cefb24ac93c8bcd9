import { Completion, CompletionContext, CompletionResult, CompletionSource } from '@codemirror/autocomplete';
import { EXPRESSION_NAMES } from './expression-names';
import { pathStep, SamplePath } from './sample-paths';

/** What the completions of one expression editor are made of; read on every completion. */
export interface CompletionCatalog {
  /** Paths of the current sample record. */
  paths: readonly SamplePath[];
  /** Keys of `$defaults` in the sample's context. */
  defaultKeys: readonly string[];
  /** Names of the mapping's lookup tables (completed inside `$lookup("…`). */
  lookupTables: readonly string[];
  /** Where the expression is: a plain rule, a rule under an iterator (`$` is the row), the document expression. */
  place: 'rule' | 'iterator' | 'document';
}

/** True when `text` (a line up to the cursor) ends inside a string or a comment. */
function insideStringOrComment(text: string): boolean {
  let quote: string | null = null;
  let comment = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (comment) {
      if (ch === '*' && text[i + 1] === '/') {
        comment = false;
        i++;
      }
    } else if (quote !== null) {
      if (ch === '\\') i++;
      else if (ch === quote) quote = null;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '/' && text[i + 1] === '*') {
      comment = true;
      i++;
    }
  }
  return quote !== null || comment;
}

function nameCompletions(place: CompletionCatalog['place']): Completion[] {
  return EXPRESSION_NAMES.filter(
    (n) => n.scope === 'all' || (n.scope === 'iterator' && place === 'iterator') || (n.scope === 'document' && place === 'document'),
  ).map((n) => ({
    label: `$${n.name}`,
    type: n.kind === 'function' ? 'function' : 'variable',
    info: n.info,
    boost: n.kind === 'binding' ? 2 : n.info.includes('ERP') || n.scope !== 'all' ? 1 : 0,
  }));
}

function pathCompletions(catalog: CompletionCatalog): Completion[] {
  const options: Completion[] = [];
  for (const p of catalog.paths) {
    const detail = p.example !== undefined ? `${p.type} · ${p.example}` : p.type;
    if (catalog.place !== 'iterator' || p.within === undefined) options.push({ label: p.path, type: 'property', detail });
    if (catalog.place === 'iterator' && p.within !== undefined && p.relative !== undefined) {
      options.push({ label: p.relative, type: 'property', detail: `row of ${p.within} · ${detail}`, boost: 1 });
    }
  }
  // In iterator rules `$$` is the whole record: offer its paths there too.
  if (catalog.place === 'iterator')
    for (const p of catalog.paths)
      if (p.within === undefined) options.push({ label: `$$.${p.path}`, type: 'property', detail: 'whole record', boost: -1 });
  return options;
}

/**
 * Autocompletion of mapping expressions: `$` functions and bindings, `$defaults.` keys,
 * lookup table names inside `$lookup("`, and the field paths of the sample record
 * (item-relative ones in rules under an iterator).
 */
export function expressionCompletionSource(catalog: () => CompletionCatalog): CompletionSource {
  return (context: CompletionContext): CompletionResult | null => {
    const line = context.state.doc.lineAt(context.pos);
    const before = line.text.slice(0, context.pos - line.from);
    const current = catalog();

    const table = /\$lookup\(\s*["']([\w-]*)$/.exec(before);
    if (table) {
      return {
        from: context.pos - table[1].length,
        options: current.lookupTables.map((name) => ({ label: name, type: 'constant', detail: 'lookup table' })),
        validFor: /^[\w-]*$/,
      };
    }
    if (insideStringOrComment(before)) return null;

    const defaults = /\$defaults\.([\w]*)$/.exec(before);
    if (defaults) {
      return {
        from: context.pos - defaults[1].length,
        options: current.defaultKeys.map((key) => ({ label: pathStep(key), type: 'property', detail: 'default value' })),
        validFor: /^\w*$/,
      };
    }
    const dollar = /\$\w*$/.exec(before);
    if (dollar && !/\$\$\w*$/.test(before)) {
      return { from: context.pos - dollar[0].length, options: nameCompletions(current.place), validFor: /^\$\w*$/ };
    }
    const path = /(?:\$\$\.)?(?:[\p{L}_][\p{L}\p{N}_]*\.)*[\p{L}_]?[\p{L}\p{N}_]*$/u.exec(before);
    const typed = path?.[0] ?? '';
    if (typed === '' && !context.explicit) return null;
    // Right after a closing bracket or a value a name is a new step of an unknown path: no guess.
    if (typed === '' && /[\])}"'\d]\s*$/.test(before)) return null;
    return { from: context.pos - typed.length, options: pathCompletions(current), validFor: /^[\p{L}\p{N}_.$]*$/u };
  };
}
