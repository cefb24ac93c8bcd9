import { createErpFunctionLibrary } from './erp-function-library';

const lib = createErpFunctionLibrary(1000);
const call = (name: string, ...args: unknown[]) => lib[name](...args);
const failure = (name: string, ...args: unknown[]) => {
  try {
    call(name, ...args);
  } catch (error) {
    return error as { code: string; message: string };
  }
  throw new Error(`$${name} did not fail`);
};

describe('ERP function library', () => {
  it('$truncate cuts to a number of characters (code points), trailing blanks removed', () => {
    expect(
      call('truncate', 'Insulated Water Bottle - Black / 750 ml', 30),
    ).toBe('Insulated Water Bottle - Black');
    expect(call('truncate', 'abc def', 4)).toBe('abc');
    expect(call('truncate', 'short', 30)).toBe('short');
    expect(call('truncate', '🚚🚚🚚', 2)).toBe('🚚🚚');
    expect(call('truncate', 12345, 3)).toBe('123');
    expect(call('truncate', undefined, 3)).toBeUndefined();
    expect(failure('truncate', 'x', -1)).toMatchObject({
      code: 'FERRY_FUNCTION_ARGUMENT',
      message: expect.stringContaining('$truncate'),
    });
    expect(failure('truncate', { a: 1 }, 3).message).toContain(
      'expects a string',
    );
  });

  it('$padLeft / $padRight pad to a width, $pad keeps jsonata semantics within a bound', () => {
    expect(call('padLeft', '1', 2, '0')).toBe('01');
    expect(call('padLeft', 7, 3, '0')).toBe('007');
    expect(call('padLeft', '123', 2, '0')).toBe('123');
    expect(call('padRight', 'AB', 4)).toBe('AB  ');
    expect(call('pad', 'x', -3, '0')).toBe('00x');
    expect(call('pad', 'x', 3)).toBe('x  ');
    expect(call('padLeft', undefined, 3)).toBeUndefined();
    expect(failure('padLeft', 'x', 2, '00').message).toContain('one character');
    expect(failure('pad', 'x', 1e9).message).toContain('from 0 to 1000');
  });

  it('$code trims, upper-cases and optionally truncates', () => {
    expect(call('code', '  web cust ')).toBe('WEB CUST');
    expect(call('code', 'ups ground express', 10)).toBe('UPS GROUND');
    expect(call('code', undefined)).toBeUndefined();
  });

  it('$formatDate formats ISO dates and epoch millis, in an offset', () => {
    expect(call('formatDate', '2026-11-02T09:14:03Z', 'YYYYMMDD')).toBe(
      '20261102',
    );
    expect(
      call('formatDate', '2026-11-02T09:14:03Z', 'MM/DD/YYYY HH:mm:ss'),
    ).toBe('11/02/2026 09:14:03');
    expect(
      call('formatDate', '2026-11-02T03:14:03Z', 'YYYY-MM-DD', '-05:00'),
    ).toBe('2026-11-01');
    expect(call('formatDate', '2026-01-05T00:00:00+02:00', 'M/D/YY', 'Z')).toBe(
      '1/4/26',
    );
    expect(
      call('formatDate', Date.UTC(2026, 0, 31), 'DD.MM.YYYY', '+0130'),
    ).toBe('31.01.2026');
    expect(call('formatDate', undefined, 'YYYY')).toBeUndefined();
    expect(failure('formatDate', 'yesterday', 'YYYY').message).toContain(
      'ISO 8601',
    );
    expect(
      failure('formatDate', '2026-01-01', 'YYYY', 'EST').message,
    ).toContain('utcOffset');
  });

  it('$splitName splits a full name into first and last', () => {
    expect(call('splitName', 'Dana Whitfield')).toEqual({
      first: 'Dana',
      last: 'Whitfield',
    });
    expect(call('splitName', '  Mary  Ann   Smith ')).toEqual({
      first: 'Mary Ann',
      last: 'Smith',
    });
    expect(call('splitName', 'Zoë Lefèvre-Ørsted')).toEqual({
      first: 'Zoë',
      last: 'Lefèvre-Ørsted',
    });
    expect(call('splitName', 'Cher')).toEqual({ first: 'Cher', last: '' });
    expect(call('splitName', '   ')).toEqual({ first: '', last: '' });
    expect(call('splitName', undefined)).toBeUndefined();
  });

  it('$money rounds half away from zero on the decimal text', () => {
    expect(call('money', '12.50')).toBe(12.5);
    expect(call('money', 1.005)).toBe(1.01);
    expect(call('money', '2.675')).toBe(2.68);
    expect(call('money', -1.005)).toBe(-1.01);
    expect(call('money', '-0.001')).toBe(0);
    expect(call('money', 19.999, 0)).toBe(20);
    expect(call('money', '3.14159', 4)).toBe(3.1416);
    expect(call('money', undefined)).toBeUndefined();
    expect(failure('money', 'abc').message).toContain('decimal string');
    expect(failure('money', '1', 9).message).toContain('decimals');
  });

  it('$wrap breaks text into lines between words', () => {
    expect(
      call('wrap', '12500 North Harbor Industrial Parkway Building C', 30),
    ).toEqual(['12500 North Harbor Industrial', 'Parkway Building C']);
    expect(call('wrap', 'Supercalifragilistic', 8)).toEqual([
      'Supercal',
      'ifragili',
      'stic',
    ]);
    expect(call('wrap', '  a   b  ', 10)).toEqual(['a b']);
    expect(call('wrap', '', 10)).toEqual([]);
    expect(failure('wrap', 'x', 0).message).toContain('at least 1');
  });

  it('$nodes reads GraphQL connections', () => {
    expect(call('nodes', { nodes: [1, 2] })).toEqual([1, 2]);
    expect(
      call('nodes', { edges: [{ node: 1 }, { node: null }, { node: 2 }] }),
    ).toEqual([1, 2]);
    expect(call('nodes', [3])).toEqual([3]);
    expect(call('nodes', {})).toBeUndefined();
    expect(call('nodes', null)).toBeUndefined();
    expect(failure('nodes', 'x').message).toContain('connection');
  });

  it('$yesNo gives the ERP flags', () => {
    expect(call('yesNo', true)).toBe('Y');
    expect(call('yesNo', false)).toBe('N');
    expect(call('yesNo', 'Y')).toBe('Y');
    expect(call('yesNo', undefined, false)).toBe('N');
    expect(call('yesNo', undefined)).toBeUndefined();
    expect(failure('yesNo', 'maybe').message).toContain('boolean');
  });
});
