import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, DestroyRef, effect, inject, signal, untracked } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatAutocompleteModule } from '@angular/material/autocomplete';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { MatTooltipModule } from '@angular/material/tooltip';
import {
  ErpListEntry,
  ErpListKind,
  ORDER_DEFAULT_FIELDS,
  OrderDefaultField,
  OrderDefaults,
  OrderDefaultsResponse,
  ProblemDetails,
  UnknownErpValue,
} from '@ferry/contracts';
import { catchError, debounceTime, distinctUntilChanged, map, of, Subject, switchMap } from 'rxjs';
import { ErpListsApi } from '../../core/erp-lists-api';
import { applyFieldErrors } from '../../core/field-errors';
import { LoadedValue } from '../../core/loaded-value';
import { toProblem } from '../../core/problem-details';
import { TenantContext } from '../../core/tenant-context';
import { ProblemMessage } from '../../ui/problem-message';
import { DefaultsApi } from './defaults-api';
import { fieldErrorText, fieldValidators, FLAG_FIELDS, HOLD_STATUS, INITIAL_VALUES, normalizeCode, TEXT_FIELDS, toOrderDefaults } from './order-default-rules';

/** How long typing pauses before the ERP list is searched. */
export const ERP_SEARCH_DEBOUNCE_MS = 200;

const ERP_LIST_LABELS: Record<ErpListKind, string> = {
  customers: 'customers',
  terms: 'terms codes',
  tax_schedules: 'tax schedules',
  ship_vias: 'ship-vias',
  warehouses: 'warehouses',
  items: 'items',
};

type DefaultsControl = FormControl<string | boolean>;

/**
 * The default order values form, generated from `ORDER_DEFAULT_FIELDS` with the same
 * rules the API applies; ERP list choices for codes, and a warning next to a value the
 * ERP's list does not contain.
 */
@Component({
  selector: 'ferry-order-defaults-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    DatePipe,
    ReactiveFormsModule,
    MatAutocompleteModule,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    MatSlideToggleModule,
    MatTooltipModule,
    ProblemMessage,
  ],
  templateUrl: './order-defaults-form.html',
  styleUrl: './order-defaults-form.scss',
})
export class OrderDefaultsForm {
  private readonly api = inject(DefaultsApi);
  private readonly erpLists = inject(ErpListsApi);
  protected readonly tenant = inject(TenantContext);

  protected readonly textFields = TEXT_FIELDS;
  protected readonly flagFields = FLAG_FIELDS;
  protected readonly labels = Object.fromEntries(ORDER_DEFAULT_FIELDS.map((f) => [f.key, f.label]));
  protected readonly listLabels = ERP_LIST_LABELS;

  protected readonly form = new FormGroup<Record<string, DefaultsControl>>(
    Object.fromEntries(
      ORDER_DEFAULT_FIELDS.map((field) => [
        field.key,
        new FormControl<string | boolean>(field.kind === 'flag' ? false : '', {
          nonNullable: true,
          validators: fieldValidators(field),
        }),
      ]),
    ),
  );

  protected readonly defaults = new LoadedValue<OrderDefaultsResponse>(() => this.api.getDefaults());
  protected readonly canWrite = computed(() => this.tenant.can('defaults:write'));
  protected readonly saving = signal(false);
  protected readonly savedAt = signal<string | null>(null);
  protected readonly problem = signal<ProblemDetails | null>(null);
  /** Values the ERP's lists don't contain, by field (from the last load or save). */
  protected readonly unknown = computed(() => {
    const byField: Partial<Record<keyof OrderDefaults, UnknownErpValue>> = {};
    for (const entry of this.defaults.value()?.unknownToErp ?? []) byField[entry.field] = entry;
    return byField;
  });
  /** ERP list choices offered under each code field, by field key. */
  protected readonly choices = signal<Partial<Record<string, ErpListEntry[]>>>({});
  private readonly searches = new Subject<{ key: string; list: ErpListKind; q: string }>();

  constructor() {
    effect(() => {
      const tenantId = this.tenant.currentId();
      untracked(() => {
        this.savedAt.set(null);
        this.problem.set(null);
        this.choices.set({});
        if (tenantId) this.defaults.reload();
        else this.defaults.clear();
      });
    });
    effect(() => {
      const response = this.defaults.value();
      const canWrite = this.canWrite();
      untracked(() => this.fill(response, canWrite));
    });
    inject(DestroyRef).onDestroy(() => this.defaults.destroy());

    this.control('orderStatus')
      .valueChanges.pipe(takeUntilDestroyed())
      .subscribe(() => this.syncHoldReason());

    // One search at a time: a newer one (for any field) replaces the older one.
    this.searches
      .pipe(
        debounceTime(ERP_SEARCH_DEBOUNCE_MS),
        distinctUntilChanged((a, b) => a.key === b.key && a.q === b.q),
        switchMap(({ key, list, q }) =>
          this.erpLists.search(list, q).pipe(
            catchError(() => of([] as ErpListEntry[])),
            map((entries) => ({ key, entries })),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe(({ key, entries }) => this.choices.update((all) => ({ ...all, [key]: entries })));
  }

  /** Reads the saved values again (e.g. after the ERP lists were refreshed). */
  reload(): void {
    if (this.tenant.currentId()) this.defaults.reload();
  }

  protected control(key: string): DefaultsControl {
    return this.form.controls[key];
  }

  protected error(field: OrderDefaultField): string {
    return fieldErrorText(field, this.control(field.key).errors);
  }

  /** The ERP does not know the value now in the field (as of the last load or save). */
  protected unknownValue(field: OrderDefaultField): UnknownErpValue | null {
    const flagged = this.unknown()[field.key];
    const value = this.control(field.key).value;
    return flagged && typeof value === 'string' && normalizeCode(field, value) === flagged.value ? flagged : null;
  }

  protected search(field: OrderDefaultField, event: Event): void {
    const value = (event.target as HTMLInputElement | null)?.value ?? '';
    if (field.erpList && this.canWrite()) this.searches.next({ key: field.key, list: field.erpList, q: value.trim() });
  }

  /** Codes are stored trimmed and, where the ERP wants it, upper-case. */
  protected normalize(field: OrderDefaultField): void {
    const control = this.control(field.key);
    const value = control.value;
    if (typeof value !== 'string') return;
    const normalized = normalizeCode(field, value);
    if (normalized !== value) control.setValue(normalized);
  }

  private fill(response: OrderDefaultsResponse | null, canWrite: boolean): void {
    const values = (response?.values ?? null) as Record<string, string | boolean | undefined> | null;
    const next: Record<string, string | boolean> = {};
    for (const field of ORDER_DEFAULT_FIELDS) {
      const empty = field.kind === 'flag' ? false : '';
      next[field.key] = values ? (values[field.key] ?? empty) : (INITIAL_VALUES[field.key] ?? empty);
    }
    this.form.reset(next);
    if (canWrite) this.form.enable({ emitEvent: false });
    else this.form.disable({ emitEvent: false });
    this.syncHoldReason();
  }

  /** The hold reason code only applies to orders on hold. */
  private syncHoldReason(): void {
    const holdReason = this.control('holdReasonCode');
    const onHold = this.control('orderStatus').value === HOLD_STATUS;
    if (onHold && this.canWrite()) {
      holdReason.enable({ emitEvent: false });
    } else {
      if (!onHold && holdReason.value !== '') holdReason.setValue('', { emitEvent: false });
      holdReason.disable({ emitEvent: false });
    }
    holdReason.updateValueAndValidity({ emitEvent: false });
  }

  protected save(): void {
    if (this.saving() || !this.canWrite()) return;
    for (const field of TEXT_FIELDS) this.normalize(field);
    this.syncHoldReason();
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.problem.set(null);
      return;
    }
    this.saving.set(true);
    this.problem.set(null);
    this.savedAt.set(null);
    this.api.saveDefaults(toOrderDefaults(this.form.getRawValue())).subscribe({
      next: (response) => {
        this.saving.set(false);
        this.defaults.set(response);
        this.savedAt.set(response.updatedAt ?? new Date().toISOString());
      },
      error: (error: unknown) => {
        this.saving.set(false);
        this.problem.set(applyFieldErrors(this.form.controls, toProblem(error)));
      },
    });
  }
}
