import { signal } from '@angular/core';
import { ProblemDetails } from '@ferry/contracts';
import { Observable, Subscription } from 'rxjs';
import { toProblem } from './problem-details';

/**
 * State of one resource read from the API (a settings document, a report): its value,
 * loading and error. `reload()` cancels a request in flight, so switching tenants never
 * shows the previous tenant's data; `set()` takes the server's answer to a save.
 */
export class LoadedValue<T> {
  private readonly valueState = signal<T | null>(null);
  private readonly loadingState = signal(false);
  private readonly loadedState = signal(false);
  private readonly errorState = signal<ProblemDetails | null>(null);
  private request: Subscription | null = null;

  readonly value = this.valueState.asReadonly();
  readonly loading = this.loadingState.asReadonly();
  /** True once an answer has arrived (distinguishes "nothing yet" from "not loaded yet"). */
  readonly loaded = this.loadedState.asReadonly();
  readonly error = this.errorState.asReadonly();

  constructor(private readonly fetch: () => Observable<T>) {}

  reload(): void {
    this.clear();
    this.loadingState.set(true);
    this.request = this.fetch().subscribe({
      next: (value) => {
        this.valueState.set(value);
        this.loadedState.set(true);
        this.loadingState.set(false);
      },
      error: (error: unknown) => {
        this.errorState.set(toProblem(error));
        this.loadingState.set(false);
      },
    });
  }

  /** Empties the state without loading (e.g. no tenant selected). */
  clear(): void {
    this.request?.unsubscribe();
    this.request = null;
    this.valueState.set(null);
    this.loadingState.set(false);
    this.loadedState.set(false);
    this.errorState.set(null);
  }

  set(value: T): void {
    this.valueState.set(value);
    this.loadedState.set(true);
    this.errorState.set(null);
  }

  update(change: (value: T) => T): void {
    const current = this.valueState();
    if (current !== null) this.valueState.set(change(current));
  }

  destroy(): void {
    this.request?.unsubscribe();
    this.request = null;
  }
}
