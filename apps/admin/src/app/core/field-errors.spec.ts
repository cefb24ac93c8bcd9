import { FormControl } from '@angular/forms';
import { ProblemDetails } from '@ferry/contracts';
import { applyFieldErrors, fieldErrorsFor } from './field-errors';

const problem = (errors: { field: string; message: string }[]): ProblemDetails => ({
  type: 'about:blank',
  title: 'Bad Request',
  status: 400,
  detail: 'The request has invalid fields.',
  errors,
});

describe('fieldErrorsFor', () => {
  it('matches a field by name or by the end of its dotted path; keeps the others', () => {
    const { byField, rest } = fieldErrorsFor(
      problem([
        { field: 'customerNo', message: 'too long' },
        { field: 'values.divisionNo', message: 'two digits' },
        { field: 'other', message: 'no idea' },
      ]),
      ['customerNo', 'divisionNo'],
    );
    expect(byField).toEqual({ customerNo: 'too long', divisionNo: 'two digits' });
    expect(rest?.errors).toEqual([{ field: 'other', message: 'no idea' }]);
  });

  it('does nothing without a problem', () => {
    expect(fieldErrorsFor(null, ['a'])).toEqual({ byField: {}, rest: null });
  });
});

describe('applyFieldErrors', () => {
  it('puts the message on the control until its value changes', () => {
    const control = new FormControl('x');
    const rest = applyFieldErrors({ shopDomain: control }, problem([{ field: 'shopDomain', message: 'is not a shop' }]));
    expect(control.errors).toEqual({ server: 'is not a shop' });
    expect(control.touched).toBe(true);
    expect(rest.errors).toEqual([]);
    expect(rest.detail).toBe('The request has invalid fields.');
    control.setValue('y');
    expect(control.errors).toBeNull();
  });

  it('leaves the errors of disabled (hidden) fields in the message', () => {
    const hidden = new FormControl({ value: '', disabled: true });
    const rest = applyFieldErrors({ clientSecret: hidden }, problem([{ field: 'clientSecret', message: 'is required' }]));
    expect(hidden.errors).toBeNull();
    expect(rest.errors).toEqual([{ field: 'clientSecret', message: 'is required' }]);
  });
});
