import { HttpErrorResponse, HttpHeaders } from '@angular/common/http';
import { toProblem } from './problem-details';

describe('toProblem', () => {
  it('passes the API problem document through, keeping field errors', () => {
    const problem = toProblem(
      new HttpErrorResponse({
        status: 400,
        headers: new HttpHeaders({ 'content-type': 'application/problem+json' }),
        error: {
          type: 'https://ferry.dev/problems/validation',
          title: 'Bad Request',
          status: 400,
          detail: 'The request has invalid fields.',
          errors: [{ field: 'email', message: 'must be an email' }, { bogus: true }],
        },
      }),
    );
    expect(problem).toEqual({
      type: 'https://ferry.dev/problems/validation',
      title: 'Bad Request',
      status: 400,
      detail: 'The request has invalid fields.',
      instance: undefined,
      errors: [{ field: 'email', message: 'must be an email' }],
    });
  });

  it('falls back to the title when the problem has no detail', () => {
    const problem = toProblem(
      new HttpErrorResponse({ status: 403, error: { type: 'about:blank', title: 'Forbidden', status: 403 } }),
    );
    expect(problem.detail).toBe('Forbidden');
  });

  it('describes a network failure (status 0)', () => {
    const problem = toProblem(new HttpErrorResponse({ status: 0, error: new ProgressEvent('error') }));
    expect(problem.status).toBe(0);
    expect(problem.detail).toMatch(/could not be reached/);
  });

  it('describes a non-problem error body by its status', () => {
    const problem = toProblem(new HttpErrorResponse({ status: 502, statusText: 'Bad Gateway', error: '<html>' }));
    expect(problem.status).toBe(502);
    expect(problem.detail).toBe('The server answered 502 Bad Gateway.');
  });

  it('uses the message of a plain Error', () => {
    expect(toProblem(new Error('boom')).detail).toBe('boom');
  });
});
