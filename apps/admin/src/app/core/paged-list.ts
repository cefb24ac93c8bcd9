import { signal } from '@angular/core';
import { Page, ProblemDetails } from '@ferry/contracts';
import { Observable, Subscription } from 'rxjs';
import { toProblem } from './problem-details';

/**
 * State of one cursor-paginated list ("load more"): the items so far, the cursor of the
 * next page, loading and error. `reload()` starts over and cancels a request in flight,
 * so switching tenants never shows the previous tenant's rows.
 */
export class PagedList<T> {
  private readonly itemsState = signal<readonly T[]>([]);
  private readonly nextCursorState = signal<string | null>(null);
  private readonly loadingState = signal(false);
  private readonly loadedState = signal(false);
  private readonly errorState = signal<ProblemDetails | null>(null);
  private request: Subscription | null = null;

  readonly items = this.itemsState.asReadonly();
  readonly nextCursor = this.nextCursorState.asReadonly();
  readonly loading = this.loadingState.asReadonly();
  /** True once the first page has arrived (distinguishes "empty" from "not loaded yet"). */
  readonly loaded = this.loadedState.asReadonly();
  readonly error = this.errorState.asReadonly();

  constructor(private readonly fetchPage: (cursor: string | null) => Observable<Page<T>>) {}

  reload(): void {
    this.clear();
    this.load(null);
  }

  loadMore(): void {
    const cursor = this.nextCursorState();
    if (cursor && !this.loadingState()) this.load(cursor);
  }

  /** Empties the list without loading (e.g. no tenant selected). */
  clear(): void {
    this.request?.unsubscribe();
    this.request = null;
    this.itemsState.set([]);
    this.nextCursorState.set(null);
    this.loadingState.set(false);
    this.loadedState.set(false);
    this.errorState.set(null);
  }

  prepend(item: T): void {
    this.itemsState.update((items) => [item, ...items]);
  }

  replace(match: (item: T) => boolean, next: T): void {
    this.itemsState.update((items) => items.map((item) => (match(item) ? next : item)));
  }

  remove(match: (item: T) => boolean): void {
    this.itemsState.update((items) => items.filter((item) => !match(item)));
  }

  destroy(): void {
    this.request?.unsubscribe();
    this.request = null;
  }

  private load(cursor: string | null): void {
    this.request?.unsubscribe();
    this.loadingState.set(true);
    this.errorState.set(null);
    this.request = this.fetchPage(cursor).subscribe({
      next: (page) => {
        this.itemsState.update((items) => (cursor ? [...items, ...page.items] : page.items));
        this.nextCursorState.set(page.nextCursor);
        this.loadedState.set(true);
        this.loadingState.set(false);
      },
      error: (error: unknown) => {
        this.errorState.set(toProblem(error));
        this.loadingState.set(false);
      },
    });
  }
}
