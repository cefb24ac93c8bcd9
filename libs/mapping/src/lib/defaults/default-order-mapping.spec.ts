import type { DefaultOrderValues, MappingDefinition } from '@ferry/contracts';
import { compileMapping } from '../compile/compile-mapping';
import type { JsonValue } from '../engine/json-value';
import { mapRecord } from '../run/map-record';
import { inProcessMapper } from '../run/record-mapper';
import { runMappingTests } from '../test-cases/run-mapping-tests';
import {
  SHOPIFY_ORDER_CORPUS,
  UNMAPPABLE_SHOPIFY_ORDERS,
  shopifyOrder,
} from '../testing/shopify-order-corpus';
import { resolveTargetSchema } from '../validate/resolve-target-schema';
import { DEFAULT_MAPPINGS } from './default-mappings';
import { DEFAULT_ORDER_MAPPING } from './default-order-mapping';
import { TYPICAL_SHOPIFY_ORDER_DEFAULTS } from './typical-shopify-order';

const schema = resolveTargetSchema(DEFAULT_ORDER_MAPPING);
const runAt = '2026-11-02T10:00:00.000Z';
const fast = compileMapping(DEFAULT_ORDER_MAPPING);
const reference = compileMapping(DEFAULT_ORDER_MAPPING, { fastPath: false });

/** Only credentials and defaults set: what a new tenant has. */
const tenantDefaults: DefaultOrderValues = {
  customerNo: 'WEBCUST',
  divisionNo: '1',
  termsCode: '00',
  taxSchedule: 'NY',
};

const map = (
  order: unknown,
  defaults: DefaultOrderValues = tenantDefaults,
  mapping = fast,
) => mapRecord(mapping, order, { runAt, defaults }, schema);
type Out = Record<string, JsonValue> & {
  customer: Record<string, JsonValue>;
  shipping_address: Record<string, JsonValue>;
  details: Record<string, JsonValue>[];
};

describe('default orders mapping', () => {
  it('runs on the fast path', () => {
    expect(fast.fastPathUnsupported).toBeNull();
  });

  it.each(SHOPIFY_ORDER_CORPUS.map((c) => [c.name, c.order] as const))(
    'maps "%s" to a valid CIMcloud order',
    async (_name, order) => {
      const record = await map(order);
      expect(record.error).toBeUndefined();
      expect(record.issues).toEqual([]);
      expect(record.ok).toBe(true);
    },
  );

  it.each(SHOPIFY_ORDER_CORPUS.map((c) => [c.name, c.order] as const))(
    'gives the same output on the fast path and on jsonata for "%s"',
    async (_name, order) => {
      const [a, b] = await Promise.all([
        map(order, TYPICAL_SHOPIFY_ORDER_DEFAULTS),
        map(order, TYPICAL_SHOPIFY_ORDER_DEFAULTS, reference),
      ]);
      expect(a).toEqual({ ...b, elapsedMs: a.elapsedMs });
    },
  );

  it('applies every default order value', async () => {
    const out = (
      await map(SHOPIFY_ORDER_CORPUS[0].order, {
        ...TYPICAL_SHOPIFY_ORDER_DEFAULTS,
        orderStatus: 'H',
        holdReasonCode: 'CRED',
        orderType: 'B',
      })
    ).output as Out;
    expect(out).toMatchObject({
      erp_order_type: 'B',
      erp_order_status: 'H',
      erp_hold_reason_code: 'CRED',
      erp_print_pick_sheet: 'Y',
      erp_print_sales_order: 'N',
      erp_ship_via: 'UPS GROUND',
      erp_ship_to_warehouse: '000',
      erp_sales_tax_schedule: 'NY',
      customer: {
        customer_no: 'WEBCUST',
        division_no: '01',
        salesperson_no: '0100',
        terms_code: '00',
        tax_schedule: 'NY',
      },
    });
  });

  it('maps multi-line orders with discounts at the price after all discounts, and the order totals', async () => {
    const out = (await map(SHOPIFY_ORDER_CORPUS[1].order)).output as Out;
    expect(
      out.details.map((d) => [d['sku'], d['quantity'], d['price']]),
    ).toEqual([
      ['WB-1000-BLK', 4, 21.6],
      ['WB-1000-RED', 2, 21.6],
      ['CB-220', 1, 16.2],
      ['LID-07', 6, 4.05],
      ['GIFT-BOX', 1, 7.19],
    ]);
    expect(out).toMatchObject({
      tax_total: 21.17,
      order_total: 262.37,
      shipping_total: 9.95,
      order_number: '5612345678902',
      po_number: '#1043',
    });
  });

  it('maps a guest order (customer null) from the addresses', async () => {
    const out = (await map(SHOPIFY_ORDER_CORPUS[2].order)).output as Out;
    expect(out.customer['name']).toBe('Dana Whitfield');
    expect(out.customer).not.toHaveProperty('email');
  });

  it('fits long addresses into three 30-character lines and a 20-character city', async () => {
    const out = (await map(SHOPIFY_ORDER_CORPUS[3].order)).output as Out;
    const ship = out.shipping_address;
    expect(ship['name']).toBe('Northwind Outdoor Equipment Wh');
    expect(ship['attention']).toBe('Dana Whitfield');
    expect([ship['address1'], ship['address2'], ship['address3']]).toEqual([
      '12500 North Harbor Industrial',
      'Parkway Building C',
      'Receiving Dock 14, Attention',
    ]);
    expect(ship['city']).toBe('Rancho Santa Margari');
    expect(ship['zip']).toBe('92688-1234');
    expect(out['comments']).toBe('Deliver to the loading dock');
    expect(out.customer['address2']).toBeUndefined();
  });

  it('keeps non-ASCII names and cuts by characters, not bytes', async () => {
    const out = (await map(SHOPIFY_ORDER_CORPUS[4].order)).output as Out;
    expect(out.customer['name']).toBe('Zoë Lefèvre-Ørsted');
    expect(out.shipping_address['city']).toBe('Montréal');
    expect(out.shipping_address['country_code']).toBe('CA');
    expect(out.details[0]['sku']).toBe('THÉ-01');
    expect(out.details[0]['description']).toBe(
      'Thé vert japonais — édition sp',
    );
  });

  it('reads Relay edges, drops removed lines, maps the shipping method through the ship_via table', async () => {
    const withTable: MappingDefinition = {
      ...DEFAULT_ORDER_MAPPING,
      lookupTables: DEFAULT_ORDER_MAPPING.lookupTables.map((t) =>
        t.name === 'ship_via'
          ? { ...t, rows: [{ key: 'express', value: 'FEDEX 2DAY' }] }
          : t,
      ),
    };
    const out = (
      await map(
        SHOPIFY_ORDER_CORPUS[5].order,
        { ...tenantDefaults, shipVia: 'UPS GROUND' },
        compileMapping(withTable),
      )
    ).output as Out;
    expect(out.details).toHaveLength(1);
    expect(out['erp_ship_via']).toBe('FEDEX 2DAY');
    expect(out['ship_method']).toBe('Express');
    const fallback = (
      await map(SHOPIFY_ORDER_CORPUS[5].order, {
        ...tenantDefaults,
        shipVia: 'UPS GROUND',
      })
    ).output as Out;
    expect(fallback['erp_ship_via']).toBe('UPS GROUND');
  });

  it('falls back to the shipping address for billing, and uses the PO number', async () => {
    const out = (await map(SHOPIFY_ORDER_CORPUS[6].order)).output as Out;
    expect(out.customer['address1']).toBe('350 Fifth Avenue');
    expect(out['po_number']).toBe('PO-2026-000981');
  });

  it.each(
    UNMAPPABLE_SHOPIFY_ORDERS.map((c) => [c.name, c.order, c.issues] as const),
  )(
    'reports precisely why "%s" cannot be sent',
    async (_name, order, expected) => {
      const record = await map(order);
      expect(record.ok).toBe(false);
      expect(record.error).toBeUndefined();
      expect(
        record.issues.map((i) => ({ path: i.path, rule: i.rule })),
      ).toEqual(expected);
      for (const issue of record.issues)
        expect(issue.message).toContain(issue.path);
    },
  );

  it('maps a line without SKU to the tenant default item code when there is one', async () => {
    const record = await map(UNMAPPABLE_SHOPIFY_ORDERS[0].order, {
      ...tenantDefaults,
      noSkuItemCode: '/MISC',
    });
    expect(record.issues).toEqual([]);
    expect((record.output as Out).details[1]).toEqual({
      sku: '/MISC',
      description: 'Gift wrapping',
      quantity: 1,
      price: 5,
    });
  });

  it('names the Sage 100 field, the rule and the value of wrong default values', async () => {
    const record = await map(SHOPIFY_ORDER_CORPUS[0].order, {
      customerNo: 'W'.repeat(21),
      divisionNo: 'A1',
      orderStatus: 'H',
    });
    expect(record.issues).toEqual([
      expect.objectContaining({
        path: 'erp_hold_reason_code',
        rule: 'requiredWhen',
        systemName: 'HoldReasonCode',
      }),
      expect.objectContaining({
        path: 'customer.customer_no',
        rule: 'maxLength',
        systemName: 'CustomerNo',
        value: 'W'.repeat(21),
        expected: 20,
      }),
      expect.objectContaining({
        path: 'customer.division_no',
        rule: 'pattern',
        systemName: 'ARDivisionNo',
        value: 'A1',
      }),
    ]);
    expect(record.issues[2].message).toBe(
      'customer.division_no (ARDivisionNo): "A1" must be two digits, zero-filled',
    );
  });

  it('refuses a shopify order whose shape is not an order', async () => {
    const record = await map(shopifyOrder({ lineItems: 'oops' }));
    expect(record.ok).toBe(false);
    expect(record.error ?? record.issues[0]).toBeDefined();
  });
});

describe('default mappings of the three flows', () => {
  it.each(Object.entries(DEFAULT_MAPPINGS))(
    '%s: its own test cases pass, on the fast path and on jsonata',
    async (_flow, definition) => {
      for (const fastPath of [true, false]) {
        const compiled = compileMapping(definition, { fastPath });
        const results = await runMappingTests(
          inProcessMapper(compiled, resolveTargetSchema(definition)),
          definition.testCases,
        );
        expect(results.length).toBeGreaterThan(0);
        for (const r of results)
          expect(r).toMatchObject({ passed: true, issues: [] });
        if (fastPath) expect(compiled.fastPathUnsupported).toBeNull();
      }
    },
  );
});
