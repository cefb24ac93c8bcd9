import {
  CIMCLOUD_PASSTHROUGH_ORDER_SCHEMA,
  SAGE100_FIELD_PROFILE,
  type ObjectSchemaNode,
  type TargetSchema,
} from '@ferry/contracts';
import { applyErpFieldProfile } from './apply-erp-field-profile';
import { resolveTargetSchema } from './resolve-target-schema';
import { validateTarget } from './validate-target';

const node: ObjectSchemaNode = {
  type: 'object',
  fields: {
    code: {
      type: 'string',
      required: true,
      maxLength: 3,
      minLength: 2,
      upperCase: true,
      systemName: 'Code',
    },
    digits: { type: 'string', pattern: '^\\d{2}$', patternText: 'two digits' },
    kind: { type: 'string', allowedValues: ['S', 'B'] },
    at: { type: 'string', format: 'date-time' },
    day: { type: 'string', format: 'date' },
    qty: { type: 'number', integer: true, exclusiveMinimum: 0, maximum: 100 },
    price: { type: 'number', minimum: 0, maxDecimals: 2 },
    flag: { type: 'boolean' },
    status: { type: 'string' },
    reason: {
      type: 'string',
      requiredWhen: { field: 'status', equals: 'H' },
      allowedOnlyWhen: { field: 'status', equals: 'H' },
    },
    change: { type: 'number', nullable: true, required: true },
    lines: {
      type: 'array',
      minItems: 1,
      maxItems: 2,
      items: {
        type: 'object',
        fields: { sku: { type: 'string', required: true } },
      },
    },
    nested: { type: 'object', fields: { a: { type: 'string' } } },
  },
};
const valid = { code: 'AB', change: null, lines: [{ sku: 'x' }] };
const issues = (value: Record<string, unknown>) =>
  validateTarget({ ...valid, ...value }, node).map((i) => [i.path, i.rule]);

describe('validateTarget', () => {
  it('accepts a valid document', () => {
    expect(validateTarget(valid, node)).toEqual([]);
  });

  it.each([
    ['required (missing)', { code: undefined }, [['code', 'required']]],
    [
      'required (blank counts as missing)',
      { code: '  ' },
      [['code', 'required']],
    ],
    [
      'required (null counts as missing unless nullable)',
      { code: null, change: null },
      [['code', 'required']],
    ],
    ['type string', { digits: 12 }, [['digits', 'type']]],
    ['type number', { qty: '3' }, [['qty', 'type']]],
    ['type boolean', { flag: 'Y' }, [['flag', 'type']]],
    ['type array', { lines: { sku: 'x' } }, [['lines', 'type']]],
    ['type object', { nested: 'x' }, [['nested', 'type']]],
    ['minLength', { code: 'A' }, [['code', 'minLength']]],
    ['maxLength counts characters', { code: 'ABCD' }, [['code', 'maxLength']]],
    ['pattern', { digits: '1' }, [['digits', 'pattern']]],
    ['allowedValues', { kind: 'Q' }, [['kind', 'allowedValues']]],
    ['upperCase', { code: 'Ab' }, [['code', 'upperCase']]],
    ['format date-time', { at: '2026-13-45' }, [['at', 'format']]],
    ['format date', { day: '11/02/2026' }, [['day', 'format']]],
    ['integer', { qty: 1.5 }, [['qty', 'integer']]],
    ['exclusiveMinimum', { qty: 0 }, [['qty', 'exclusiveMinimum']]],
    ['maximum', { qty: 101 }, [['qty', 'maximum']]],
    ['minimum', { price: -1 }, [['price', 'minimum']]],
    ['maxDecimals', { price: 1.005 }, [['price', 'maxDecimals']]],
    ['minItems', { lines: [] }, [['lines', 'minItems']]],
    [
      'maxItems',
      { lines: [{ sku: 'a' }, { sku: 'b' }, { sku: 'c' }] },
      [['lines', 'maxItems']],
    ],
    [
      'required inside a row',
      { lines: [{ sku: 'a' }, {}] },
      [['lines[1].sku', 'required']],
    ],
    ['requiredWhen', { status: 'H' }, [['reason', 'requiredWhen']]],
    [
      'allowedOnlyWhen',
      { status: 'N', reason: 'X' },
      [['reason', 'allowedOnlyWhen']],
    ],
    [
      'unknownField',
      { extra: 1, nested: { b: 1 } },
      [
        ['nested.b', 'unknownField'],
        ['extra', 'unknownField'],
      ],
    ],
  ] as const)('%s', (_name, value, expected) => {
    expect(issues(value as Record<string, unknown>)).toEqual(expected);
  });

  it('names the field, the system field, the rule, the value and the limit', () => {
    expect(validateTarget({ ...valid, code: 'ABCDE' }, node)).toEqual([
      {
        path: 'code',
        rule: 'maxLength',
        message: 'code (Code): "ABCDE" is longer than 3 characters (5)',
        value: 'ABCDE',
        expected: 3,
        systemName: 'Code',
      },
    ]);
  });

  it('says when a mapping produced nothing or not an object', () => {
    expect(validateTarget(null, node)).toEqual([
      expect.objectContaining({ path: '', rule: 'required' }),
    ]);
    expect(validateTarget([1], node)).toEqual([
      expect.objectContaining({ path: '', rule: 'type' }),
    ]);
  });
});

describe('ERP field profiles', () => {
  it('tighten the target schema (Sage 100 on the pass-through order)', () => {
    const schema = applyErpFieldProfile(
      CIMCLOUD_PASSTHROUGH_ORDER_SCHEMA,
      SAGE100_FIELD_PROFILE,
    );
    expect(schema.id).toBe('cimcloud.passthrough-order+sage100');
    const city = (schema.root.fields['shipping_address'] as ObjectSchemaNode)
      .fields['city'];
    expect(city).toMatchObject({
      type: 'string',
      required: true,
      maxLength: 20,
      systemName: 'ShipToCity',
    });
    expect(
      CIMCLOUD_PASSTHROUGH_ORDER_SCHEMA.root.fields['shipping_address'],
    ).not.toHaveProperty('fields.city.maxLength');
  });

  it('refuse a rule on an unknown field or a profile of another schema', () => {
    expect(() =>
      applyErpFieldProfile(CIMCLOUD_PASSTHROUGH_ORDER_SCHEMA, {
        ...SAGE100_FIELD_PROFILE,
        rules: [{ path: 'customer.nope', erpField: 'X' }],
      }),
    ).toThrow('not a field of the target schema');
    const other: TargetSchema = {
      ...CIMCLOUD_PASSTHROUGH_ORDER_SCHEMA,
      id: 'other',
    };
    expect(() => applyErpFieldProfile(other, SAGE100_FIELD_PROFILE)).toThrow(
      'applies to cimcloud.passthrough-order',
    );
  });

  it('are resolved from a mapping definition', () => {
    expect(
      resolveTargetSchema({
        targetSchemaId: 'cimcloud.passthrough-order',
        erpProfileId: 'sage100',
      }).id,
    ).toBe('cimcloud.passthrough-order+sage100');
    expect(
      resolveTargetSchema({ targetSchemaId: 'shopify.inventory-quantity' }).id,
    ).toBe('shopify.inventory-quantity');
    expect(() => resolveTargetSchema({ targetSchemaId: 'nope' })).toThrow(
      'Unknown target schema',
    );
    expect(() =>
      resolveTargetSchema({
        targetSchemaId: 'cimcloud.passthrough-order',
        erpProfileId: 'sage300',
      }),
    ).toThrow('Unknown ERP field profile');
  });
});
