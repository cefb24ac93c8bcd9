import { HttpErrorResponse } from '@angular/common/http';
import { MappingDefinition, MappingDraft } from '@ferry/contracts';
import { DEFAULT_ORDER_MAPPING } from '@ferry/mapping';
import { Subject } from 'rxjs';
import { DraftAutosave } from './draft-autosave';

const definition = (expression: string): MappingDefinition => ({ ...DEFAULT_ORDER_MAPPING, fieldRules: [{ target: 'ref_id', expression }] });
const draft = (revision: number): MappingDraft => ({
  flow: 'orders',
  definition: DEFAULT_ORDER_MAPPING,
  baseVersion: 1,
  revision,
  updatedAt: '2026-11-02T10:00:00Z',
  updatedBy: null,
  unchanged: false,
});

describe('DraftAutosave', () => {
  let saves: { definition: MappingDefinition; revision: number | undefined; answer: Subject<MappingDraft> }[];
  let saved: MappingDraft[];
  let autosave: DraftAutosave;

  beforeEach(() => {
    jest.useFakeTimers();
    saves = [];
    saved = [];
    autosave = new DraftAutosave(
      (d, revision) => {
        const answer = new Subject<MappingDraft>();
        saves.push({ definition: d, revision, answer });
        return answer;
      },
      (d) => saved.push(d),
    );
    autosave.reset(3);
  });

  afterEach(() => jest.useRealTimers());

  it('saves once, a second after the last of several changes, with the revision last seen', () => {
    autosave.schedule(definition('a'));
    jest.advanceTimersByTime(900);
    autosave.schedule(definition('b'));
    jest.advanceTimersByTime(900);
    expect(saves).toHaveLength(0);
    expect(autosave.status()).toBe('pending');
    jest.advanceTimersByTime(100);
    expect(saves.map((s) => [s.definition.fieldRules[0].expression, s.revision])).toEqual([['b', 3]]);
    expect(autosave.status()).toBe('saving');
    saves[0].answer.next(draft(4));
    expect(autosave.status()).toBe('saved');
    expect(saved.map((d) => d.revision)).toEqual([4]);
  });

  it('saves one at a time: a change made during a save follows it with the new revision', () => {
    autosave.schedule(definition('a'));
    jest.advanceTimersByTime(1000);
    autosave.schedule(definition('b'));
    autosave.flush();
    expect(saves).toHaveLength(1);
    saves[0].answer.next(draft(4));
    expect(saves.map((s) => [s.definition.fieldRules[0].expression, s.revision])).toEqual([
      ['a', 3],
      ['b', 4],
    ]);
    expect(autosave.status()).toBe('saving');
  });

  it('stops on a conflict until reset', () => {
    autosave.schedule(definition('a'));
    jest.advanceTimersByTime(1000);
    saves[0].answer.error(new HttpErrorResponse({ status: 409, statusText: 'Conflict', error: { status: 409, title: 'Conflict', detail: 'Changed elsewhere' } }));
    expect(autosave.status()).toBe('conflict');
    expect(autosave.problem()?.detail).toBe('Changed elsewhere');
    autosave.schedule(definition('b'));
    jest.advanceTimersByTime(5000);
    expect(saves).toHaveLength(1);
    autosave.reset(7);
    autosave.schedule(definition('c'));
    jest.advanceTimersByTime(1000);
    expect(saves[1].revision).toBe(7);
  });

  it('still saves a pending change on release, but ignores the answers afterwards', () => {
    autosave.schedule(definition('a'));
    autosave.release();
    expect(saves.map((s) => s.definition.fieldRules[0].expression)).toEqual(['a']);
    saves[0].answer.next(draft(4));
    expect(saved).toEqual([]);
  });

  it('drops a pending change on cancel', () => {
    autosave.schedule(definition('a'));
    autosave.cancel();
    jest.advanceTimersByTime(5000);
    expect(saves).toEqual([]);
  });
});
