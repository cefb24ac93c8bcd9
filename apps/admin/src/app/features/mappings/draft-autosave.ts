import { signal } from '@angular/core';
import { MappingDefinition, MappingDraft, ProblemDetails } from '@ferry/contracts';
import { Observable, Subscription } from 'rxjs';
import { toProblem } from '../../core/problem-details';

/** ~1 s after the last change the draft is saved. */
export const AUTOSAVE_DELAY_MS = 1000;

/** `conflict`: someone else saved the draft meanwhile (409); saving stops until it is reloaded. */
export type AutosaveStatus = 'idle' | 'pending' | 'saving' | 'saved' | 'conflict' | 'error';

export type SaveDraft = (definition: MappingDefinition, revision: number | undefined) => Observable<MappingDraft>;

/**
 * Saves the draft a moment after the last change (PUT draft with the revision last seen),
 * one save at a time: a change made while a save is in flight is saved after it.
 */
export class DraftAutosave {
  private readonly statusState = signal<AutosaveStatus>('idle');
  private readonly problemState = signal<ProblemDetails | null>(null);
  private readonly savedAtState = signal<string | null>(null);
  private timer: ReturnType<typeof setTimeout> | null = null;
  private inFlight: Subscription | null = null;
  private queued: MappingDefinition | null = null;
  private revision: number | undefined;
  /** Bumped when the draft on screen is replaced: answers to older saves are then ignored. */
  private generation = 0;

  readonly status = this.statusState.asReadonly();
  readonly problem = this.problemState.asReadonly();
  readonly savedAt = this.savedAtState.asReadonly();

  constructor(
    private readonly save: SaveDraft,
    private readonly onSaved: (draft: MappingDraft) => void,
    private readonly delayMs = AUTOSAVE_DELAY_MS,
  ) {}

  /** Starts from a draft read from the server (forgets pending changes). */
  reset(revision: number | undefined): void {
    this.forget();
    this.revision = revision;
    this.statusState.set('idle');
    this.problemState.set(null);
  }

  /** A change: saved after the delay, unless another change comes first. */
  schedule(definition: MappingDefinition): void {
    if (this.statusState() === 'conflict') return;
    this.queued = definition;
    this.statusState.set('pending');
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.flush();
    }, this.delayMs);
  }

  /** Saves a pending change now (before publishing, testing on the server, leaving). */
  flush(): void {
    if (this.timer !== null) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    if (this.inFlight !== null || this.queued === null || this.statusState() === 'conflict') return;
    const definition = this.queued;
    this.queued = null;
    this.statusState.set('saving');
    const generation = this.generation;
    this.inFlight = this.save(definition, this.revision).subscribe({
      next: (draft) => {
        if (generation !== this.generation) return;
        this.inFlight = null;
        this.revision = draft.revision;
        this.savedAtState.set(draft.updatedAt);
        this.problemState.set(null);
        this.onSaved(draft);
        if (this.queued !== null) this.flush();
        else this.statusState.set('saved');
      },
      error: (error: unknown) => {
        if (generation !== this.generation) return;
        this.inFlight = null;
        const problem = toProblem(error);
        this.problemState.set(problem);
        this.statusState.set(problem.status === 409 ? 'conflict' : 'error');
      },
    });
  }

  /**
   * Leaving the draft (another flow, the page closes): a pending change is still saved and a
   * save in flight still completes, but their answers no longer touch this state.
   */
  release(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    const definition = this.queued;
    if (definition !== null && this.statusState() !== 'conflict') this.save(definition, this.revision).subscribe({ error: () => undefined });
    this.forget();
  }

  /** Drops a pending change and aborts a save in flight (the tenant changed, or the screen is replaced on purpose). */
  cancel(): void {
    this.inFlight?.unsubscribe();
    this.forget();
  }

  private forget(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.inFlight = null;
    this.queued = null;
    this.generation++;
  }
}
