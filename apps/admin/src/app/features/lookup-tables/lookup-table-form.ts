import { AbstractControl, FormArray, FormControl, FormGroup, ValidationErrors, ValidatorFn, Validators } from '@angular/forms';
import { LookupRow, SaveLookupTableRequest } from '@ferry/contracts';

/** Lower-case letters, digits and underscores (the contract's rule for table names). */
export const TABLE_NAME_PATTERN = /^[a-z0-9_]+$/;

export type RowGroup = FormGroup<{ key: FormControl<string>; value: FormControl<string> }>;

export function rowGroup(row: LookupRow = { key: '', value: '' }): RowGroup {
  return new FormGroup({
    key: new FormControl(row.key, { nonNullable: true, validators: [Validators.required] }),
    value: new FormControl(row.value, { nonNullable: true }),
  });
}

/** Keys match ignoring case and surrounding blanks, so two such keys are one too many. */
export function lookupKey(key: string): string {
  return key.trim().toLowerCase();
}

/** Marks every row whose key repeats an earlier row's (error `duplicate` on the key). */
export const uniqueKeys: ValidatorFn = (control: AbstractControl): ValidationErrors | null => {
  const rows = (control as FormArray<RowGroup>).controls;
  const seen = new Set<string>();
  let duplicates = 0;
  for (const row of rows) {
    const keyControl = row.controls.key;
    const key = lookupKey(keyControl.value);
    const { duplicate, ...others } = keyControl.errors ?? {};
    void duplicate;
    let errors: ValidationErrors | null = Object.keys(others).length ? others : null;
    if (key && seen.has(key)) {
      errors = { ...(errors ?? {}), duplicate: true };
      duplicates++;
    }
    seen.add(key);
    if (JSON.stringify(errors) !== JSON.stringify(keyControl.errors)) keyControl.setErrors(errors);
  }
  return duplicates ? { duplicateKeys: duplicates } : null;
};

export function toSaveRequest(raw: { name: string; description: string; rows: LookupRow[] }): SaveLookupTableRequest {
  const description = raw.description.trim();
  return {
    name: raw.name.trim(),
    ...(description ? { description } : {}),
    rows: raw.rows.map((r) => ({ key: r.key.trim(), value: r.value.trim() })),
  };
}

/** `rows.3.key` → row 3, field `key`. */
export function rowFieldOf(field: string): { index: number; key: 'key' | 'value' } | null {
  const match = /(?:^|\.)rows[.[](\d+)\]?\.(key|value)$/.exec(field);
  return match ? { index: Number(match[1]), key: match[2] as 'key' | 'value' } : null;
}
