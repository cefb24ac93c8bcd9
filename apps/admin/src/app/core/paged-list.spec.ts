import { Page } from '@ferry/contracts';
import { Subject, throwError } from 'rxjs';
import { PagedList } from './paged-list';

describe('PagedList', () => {
  let requests: { cursor: string | null; page: Subject<Page<number>> }[];
  let list: PagedList<number>;

  beforeEach(() => {
    requests = [];
    list = new PagedList<number>((cursor) => {
      const page = new Subject<Page<number>>();
      requests.push({ cursor, page });
      return page;
    });
  });

  function answer(index: number, items: number[], nextCursor: string | null): void {
    requests[index].page.next({ items, nextCursor });
    requests[index].page.complete();
  }

  it('loads the first page, then appends the next ones by cursor', () => {
    list.reload();
    expect(list.loading()).toBe(true);
    expect(list.loaded()).toBe(false);
    answer(0, [1, 2], 'c2');
    expect(list.items()).toEqual([1, 2]);
    expect(list.nextCursor()).toBe('c2');
    expect(list.loaded()).toBe(true);

    list.loadMore();
    expect(requests[1].cursor).toBe('c2');
    answer(1, [3], null);
    expect(list.items()).toEqual([1, 2, 3]);
    expect(list.nextCursor()).toBeNull();

    list.loadMore();
    expect(requests).toHaveLength(2); // no cursor: nothing more to load
  });

  it('reload() drops a request in flight, so an old answer never lands', () => {
    list.reload();
    list.reload();
    expect(requests[0].page.observed).toBe(false);
    answer(0, [99], null);
    answer(1, [1], null);
    expect(list.items()).toEqual([1]);
  });

  it('keeps the error as problem details and stops loading', () => {
    const failing = new PagedList<number>(() => throwError(() => new Error('offline')));
    failing.reload();
    expect(failing.loading()).toBe(false);
    expect(failing.error()?.detail).toBe('offline');
  });

  it('edits items in place', () => {
    list.reload();
    answer(0, [1, 2, 3], null);
    list.prepend(0);
    list.replace((n) => n === 2, 20);
    list.remove((n) => n === 3);
    expect(list.items()).toEqual([0, 1, 20]);
    list.clear();
    expect(list.items()).toEqual([]);
    expect(list.loaded()).toBe(false);
  });
});
