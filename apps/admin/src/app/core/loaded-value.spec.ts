import { HttpErrorResponse } from '@angular/common/http';
import { Subject } from 'rxjs';
import { LoadedValue } from './loaded-value';

describe('LoadedValue', () => {
  let requests: Subject<number>[];
  let value: LoadedValue<number>;

  beforeEach(() => {
    requests = [];
    value = new LoadedValue<number>(() => {
      const request = new Subject<number>();
      requests.push(request);
      return request;
    });
  });

  it('loads, then holds the answer', () => {
    value.reload();
    expect(value.loading()).toBe(true);
    expect(value.loaded()).toBe(false);
    requests[0].next(42);
    expect(value.value()).toBe(42);
    expect(value.loaded()).toBe(true);
    expect(value.loading()).toBe(false);
  });

  it('drops the old value and cancels the request in flight when reloaded (tenant switch)', () => {
    value.reload();
    requests[0].next(1);
    value.reload();
    expect(value.value()).toBeNull();
    value.reload();
    expect(requests[1].observed).toBe(false);
    requests[2].next(3);
    expect(value.value()).toBe(3);
  });

  it('turns a failure into problem details', () => {
    value.reload();
    requests[0].error(new HttpErrorResponse({ status: 403, error: { status: 403, title: 'Forbidden', detail: 'Missing scope.' } }));
    expect(value.error()?.detail).toBe('Missing scope.');
    expect(value.loading()).toBe(false);
    expect(value.loaded()).toBe(false);
  });

  it('takes a saved value and updates in place', () => {
    value.update((v) => v + 1);
    expect(value.value()).toBeNull(); // nothing to update yet
    value.set(5);
    value.update((v) => v * 2);
    expect(value.value()).toBe(10);
    expect(value.loaded()).toBe(true);
    value.clear();
    expect(value.value()).toBeNull();
    expect(value.loaded()).toBe(false);
  });
});
