import { DEFAULT_ORDER_FILTERS } from '@ferry/contracts';
import { skipReason } from './order-filter';

describe('order filters', () => {
  const paid = { test: false, cancelledAt: null, displayFinancialStatus: 'PAID', tags: ['Wholesale'] };

  it('imports an ordinary paid order', () => {
    expect(skipReason(paid, DEFAULT_ORDER_FILTERS)).toBeNull();
  });

  it('skips test and cancelled orders by default, unpaid and tagged ones when asked', () => {
    expect(skipReason({ ...paid, test: true }, DEFAULT_ORDER_FILTERS)).toBe('test order');
    expect(skipReason({ ...paid, cancelledAt: '2026-01-01T00:00:00Z' }, DEFAULT_ORDER_FILTERS)).toBe('cancelled');
    expect(skipReason({ ...paid, displayFinancialStatus: 'PENDING' }, DEFAULT_ORDER_FILTERS)).toBeNull();
    expect(skipReason({ ...paid, displayFinancialStatus: 'PENDING' }, { ...DEFAULT_ORDER_FILTERS, skipUnpaid: true })).toBe('not paid (PENDING)');
    expect(skipReason(paid, { ...DEFAULT_ORDER_FILTERS, skipTags: ['wholesale'] })).toBe('tagged "wholesale"');
  });
});
