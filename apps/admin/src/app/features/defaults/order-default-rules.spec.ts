import { FormControl, FormGroup } from '@angular/forms';
import { ORDER_DEFAULT_FIELDS, OrderDefaultField } from '@ferry/contracts';
import { fieldErrorText, fieldValidators, normalizeCode, toOrderDefaults } from './order-default-rules';

const field = (key: string): OrderDefaultField => {
  const found = ORDER_DEFAULT_FIELDS.find((f) => f.key === key);
  if (!found) throw new Error(key);
  return found;
};

/** The first error message for `value` in `key`, '' when valid. */
function check(key: string, value: string, orderStatus = 'N'): string {
  const group = new FormGroup({
    orderStatus: new FormControl(orderStatus),
    [key]: new FormControl(value, fieldValidators(field(key))),
  });
  group.controls[key].updateValueAndValidity(); // cross-field rules see the group once it exists
  return fieldErrorText(field(key), group.controls[key].errors);
}

describe('order default rules (Sage 100 profile, from ORDER_DEFAULT_FIELDS)', () => {
  it('requires the customer and its division', () => {
    expect(check('customerNo', '')).toBe('Customer number is required.');
    expect(check('divisionNo', '')).toBe('Customer division is required.');
    expect(check('termsCode', '')).toBe('');
  });

  it('checks the division as two digits, with the contract\'s wording', () => {
    expect(check('divisionNo', '1')).toBe('Must be two digits, e.g. 01.');
    expect(check('divisionNo', '1A')).toBe('Must be two digits, e.g. 01.');
    expect(check('divisionNo', '01')).toBe('');
    expect(check('salespersonDivisionNo', '123')).toBe('Must be two digits, e.g. 01.');
  });

  it('checks maximum lengths', () => {
    expect(check('customerNo', 'X'.repeat(21))).toBe('At most 20 characters.');
    expect(check('customerNo', 'X'.repeat(20))).toBe('');
    expect(check('termsCode', 'ABC')).toBe('At most 2 characters.');
    expect(check('warehouseCode', '0001')).toBe('At most 3 characters.');
    expect(check('shipVia', 'X'.repeat(16))).toBe('At most 15 characters.');
  });

  it('allows only the listed order types and statuses', () => {
    expect(check('orderType', 'Q')).toBe('Must be one of S, B.');
    expect(check('orderType', 'B')).toBe('');
    expect(check('orderStatus', 'X', 'X')).toBe('Must be one of N, O, H.');
  });

  it('requires a hold reason exactly when the status is H', () => {
    expect(check('holdReasonCode', '', 'H')).toBe('Required when the order status is H (hold).');
    expect(check('holdReasonCode', 'CREDIT', 'H')).toBe('At most 5 characters.');
    expect(check('holdReasonCode', 'CRED', 'H')).toBe('');
    expect(check('holdReasonCode', '', 'N')).toBe('');
  });

  it("prefers the API's own message", () => {
    expect(fieldErrorText(field('customerNo'), { required: true, server: 'unknown customer' })).toBe('unknown customer');
  });

  it('upper-cases codes the ERP keeps upper-case, trims all', () => {
    expect(normalizeCode(field('customerNo'), ' abc ')).toBe('ABC');
    expect(normalizeCode(field('divisionNo'), ' 01 ')).toBe('01');
  });

  it('builds the saved document: empty codes left out, flags always there, no hold reason unless on hold', () => {
    expect(
      toOrderDefaults({
        divisionNo: '01',
        customerNo: ' shopify ',
        termsCode: '',
        orderType: 'S',
        orderStatus: 'N',
        holdReasonCode: 'CRED',
        printPickSheet: true,
        printSalesOrder: false,
        warehouseCode: '000',
      }),
    ).toEqual({
      divisionNo: '01',
      customerNo: 'SHOPIFY',
      orderType: 'S',
      orderStatus: 'N',
      printPickSheet: true,
      printSalesOrder: false,
      warehouseCode: '000',
    });
    expect(toOrderDefaults({ divisionNo: '01', customerNo: 'C', orderStatus: 'H', holdReasonCode: 'cred' })).toEqual(
      expect.objectContaining({ orderStatus: 'H', holdReasonCode: 'CRED' }),
    );
  });
});
