import { CIMCLOUD_PASSTHROUGH_ORDER_SCHEMA } from './cimcloud-passthrough-order-schema';
import { FLOW_TARGET_SCHEMA_IDS, MAPPING_FLOWS } from './mapping-flow';
import { SAGE100_FIELD_PROFILE } from './sage100-field-profile';
import type { SchemaNode } from './schema-node';
import { ERP_FIELD_PROFILES, TARGET_SCHEMAS } from './target-schema-registry';

/** Resolves `a.b[].c` in a schema tree (test-only reading of the path syntax). */
function nodeAt(root: SchemaNode, path: string): SchemaNode | undefined {
  let node: SchemaNode | undefined = root;
  for (const segment of path.split('.')) {
    const isArray = segment.endsWith('[]');
    const name = isArray ? segment.slice(0, -2) : segment;
    if (node?.type !== 'object') return undefined;
    node = Object.prototype.hasOwnProperty.call(node.fields, name)
      ? node.fields[name]
      : undefined;
    if (isArray) node = node?.type === 'array' ? node.items : undefined;
  }
  return node;
}

describe('target schemas', () => {
  it('gives every flow a registered target schema', () => {
    for (const flow of MAPPING_FLOWS)
      expect(TARGET_SCHEMAS[FLOW_TARGET_SCHEMA_IDS[flow]]).toBeDefined();
  });

  it('names only existing fields in every ERP profile rule', () => {
    for (const profile of Object.values(ERP_FIELD_PROFILES)) {
      const schema = TARGET_SCHEMAS[profile.targetSchemaId];
      expect(schema).toBeDefined();
      const missing = profile.rules
        .filter((r) => nodeAt(schema.root, r.path) === undefined)
        .map((r) => r.path);
      expect(missing).toEqual([]);
    }
  });

  it('keeps the Sage 100 rules of DESIGN §4.3', () => {
    const rule = (erpField: string) =>
      SAGE100_FIELD_PROFILE.rules.find((r) => r.erpField === erpField);
    expect(rule('ARDivisionNo')?.pattern).toBe('^\\d{2}$');
    expect(rule('CustomerNo')).toMatchObject({
      maxLength: 20,
      upperCase: true,
    });
    expect(rule('OrderType')?.allowedValues).toEqual(['S', 'B']);
    expect(rule('HoldReasonCode')).toMatchObject({
      maxLength: 5,
      requiredWhen: { equals: 'H' },
      allowedOnlyWhen: { equals: 'H' },
    });
    expect(rule('ShipToCity')?.maxLength).toBe(20);
    expect(rule('ItemCode')?.maxLength).toBe(30);
  });

  it('is plain JSON data (the API and the admin exchange it)', () => {
    const all = { TARGET_SCHEMAS, ERP_FIELD_PROFILES };
    expect(JSON.parse(JSON.stringify(all))).toEqual(all);
  });

  it('requires the documented pass-through fields', () => {
    expect(
      nodeAt(CIMCLOUD_PASSTHROUGH_ORDER_SCHEMA.root, 'order_number')?.required,
    ).toBe(true);
    for (const f of [
      'name',
      'address1',
      'city',
      'state',
      'zip',
      'country_code',
    ]) {
      expect(
        nodeAt(CIMCLOUD_PASSTHROUGH_ORDER_SCHEMA.root, `customer.${f}`)
          ?.required,
      ).toBe(true);
    }
    for (const f of ['sku', 'quantity', 'price']) {
      expect(
        nodeAt(CIMCLOUD_PASSTHROUGH_ORDER_SCHEMA.root, `details[].${f}`)
          ?.required,
      ).toBe(true);
    }
  });
});
