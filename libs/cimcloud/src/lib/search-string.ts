/**
 * Builders for CIMcloud's searchstrings (`searchlike~nm~bob|and|…`). Values are
 * URL-encoded by the caller's path builder; `~` and `|` must not appear in them.
 */
export type SearchString = string;

function term(command: string, field: string, ...values: string[]): SearchString {
  for (const value of values) {
    if (/[~|]/.test(value)) throw new Error(`Searchstring value may not contain "~" or "|": ${value}`);
  }
  return [command, field, ...values].join('~');
}

export const search = {
  /** ASSUMED command name: equality is not in CIMcloud's public examples. */
  equal: (field: string, value: string) => term('searchequal', field, value),
  greaterThanOrEqual: (field: string, value: string) => term('searchgreaterthanequal', field, value),
  like: (field: string, value: string) => term('searchlike', field, value),
  anyOf: (terms: SearchString[]) => (terms.length === 1 ? terms[0] : `(${terms.join('|or|')})`),
};

/** `{resource}/{searchstring}/{page}` with each part encoded. */
export function listPath(resource: string, searchString: SearchString | undefined, page: number): string {
  const parts = [resource.replace(/\/+$/, '')];
  if (searchString) parts.push(encodeURIComponent(searchString));
  parts.push(String(page));
  return parts.join('/');
}
