import { checkOrderDefaults } from './order-defaults-validation';

describe('checkOrderDefaults (Sage 100 rules, shared by API and admin)', () => {
  it('accepts a complete set, trimming and upper-casing codes', () => {
    const { values, errors } = checkOrderDefaults({ divisionNo: '01', customerNo: ' webshop ', orderType: 'S', orderStatus: 'N', printPickSheet: true, termsCode: '' });
    expect(errors).toEqual([]);
    expect(values).toEqual({ divisionNo: '01', customerNo: 'WEBSHOP', orderType: 'S', orderStatus: 'N', printPickSheet: true });
  });

  it('names each field and rule that fails', () => {
    const { errors } = checkOrderDefaults({
      divisionNo: '1',
      customerNo: 'X'.repeat(21),
      termsCode: 'NET',
      orderType: 'Q',
      printSalesOrder: 'Y',
      colour: 'blue',
    });
    expect(errors).toEqual(
      expect.arrayContaining([
        { field: 'colour', message: 'is not a known field' },
        { field: 'divisionNo', message: 'must be two digits, e.g. 01' },
        { field: 'customerNo', message: 'must be at most 20 characters (got 21)' },
        { field: 'termsCode', message: 'must be at most 2 characters (got 3)' },
        { field: 'orderType', message: 'must be one of S, B' },
        { field: 'printSalesOrder', message: 'must be true or false' },
      ]),
    );
    expect(checkOrderDefaults({}).errors).toEqual([
      { field: 'divisionNo', message: 'is required' },
      { field: 'customerNo', message: 'is required' },
    ]);
  });

  it('requires a hold reason exactly when the status is H', () => {
    expect(checkOrderDefaults({ divisionNo: '01', customerNo: 'A', orderStatus: 'H' }).errors).toEqual([
      { field: 'holdReasonCode', message: 'is required when the order status is H (hold)' },
    ]);
    expect(checkOrderDefaults({ divisionNo: '01', customerNo: 'A', orderStatus: 'N', holdReasonCode: 'CR' }).errors).toEqual([
      { field: 'holdReasonCode', message: 'is allowed only when the order status is H (hold)' },
    ]);
    expect(checkOrderDefaults({ divisionNo: '01', customerNo: 'A', orderStatus: 'H', holdReasonCode: 'cr' }).errors).toEqual([]);
  });
});
