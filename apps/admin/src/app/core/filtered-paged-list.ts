import { DestroyRef, effect, inject, signal, untracked, WritableSignal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { Page } from '@ferry/contracts';
import { debounceTime, Observable, Subject } from 'rxjs';
import { PagedList } from './paged-list';
import { TenantContext } from './tenant-context';

/**
 * A cursor-paginated list behind a filter, as the monitor's panels show them: it reloads
 * when the tenant or the filter changes (and empties without a tenant), debounces typed
 * search into the filter's `searchKey`, and stops with its component. Create it in an
 * injection context (a component's field).
 */
export class FilteredPagedList<T, K extends string, F extends Record<K, string>> {
  readonly filter: WritableSignal<F>;
  readonly list: PagedList<T>;
  private readonly typed = new Subject<string>();

  constructor(initial: F, searchKey: K, searchDebounceMs: number, fetchPage: (filter: F, cursor: string | null) => Observable<Page<T>>) {
    const tenant = inject(TenantContext);
    this.filter = signal(initial);
    this.list = new PagedList<T>((cursor) => fetchPage(this.filter(), cursor));
    effect(() => {
      const tenantId = tenant.currentId();
      this.filter();
      untracked(() => (tenantId ? this.list.reload() : this.list.clear()));
    });
    this.typed
      .pipe(debounceTime(searchDebounceMs), takeUntilDestroyed())
      .subscribe((search) => this.filter.update((f) => (f[searchKey] === search ? f : { ...f, [searchKey]: search })));
    inject(DestroyRef).onDestroy(() => this.list.destroy());
  }

  /** A keystroke in the search box: applied once typing pauses. */
  searchTyped(search: string): void {
    this.typed.next(search);
  }
}
