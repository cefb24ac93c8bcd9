import { MappingDefinition } from '@ferry/contracts';
import { DEFAULT_ORDER_MAPPING, TYPICAL_SHOPIFY_ORDER, TYPICAL_SHOPIFY_ORDER_DEFAULTS, TYPICAL_SHOPIFY_ORDER_EXPECTED } from '@ferry/mapping';
import { computePreview, fieldFindings, fieldStatus, PreviewSample, valueAt } from './mapping-preview';
import { describeRules, ruleTargetOf, targetFields } from './target-fields';
import { resolveTargetSchema } from '@ferry/mapping';

const sample: PreviewSample = { input: TYPICAL_SHOPIFY_ORDER, context: { defaults: TYPICAL_SHOPIFY_ORDER_DEFAULTS, runAt: '2026-11-02T10:00:00Z' } };

function withRule(target: string, expression: string): MappingDefinition {
  return { ...DEFAULT_ORDER_MAPPING, fieldRules: DEFAULT_ORDER_MAPPING.fieldRules.map((r) => (r.target === target ? { ...r, expression } : r)) };
}

describe('live preview', () => {
  it('maps a typical order with the default mapping, validly, and times itself', async () => {
    await computePreview(DEFAULT_ORDER_MAPPING, sample); // the first run loads and warms up jsonata
    const preview = await computePreview(DEFAULT_ORDER_MAPPING, sample);
    expect(preview.failures).toEqual([]);
    expect(preview.issues).toEqual([]);
    expect(preview.ok).toBe(true);
    expect(preview.output).toMatchObject(TYPICAL_SHOPIFY_ORDER_EXPECTED);
    // How fast is a benchmark's business (npm run bench:mapping prints the preview's p50/p95).
    expect(preview.elapsedMs).toBeGreaterThan(0);
  });

  it('reports an over-long value as a validation issue of its field', async () => {
    const preview = await computePreview(withRule('po_number', 'name & " for the warehouse in New York"'), sample);
    expect(preview.ok).toBe(false);
    expect(fieldStatus(preview, 'po_number')).toBe('invalid');
    expect(fieldFindings(preview, 'po_number').issues).toEqual([expect.objectContaining({ path: 'po_number', rule: 'maxLength' })]);
    expect(fieldStatus(preview, 'ref_id')).toBe('valid');
  });

  it('reports a syntax error with the field, line and column, without output', async () => {
    const preview = await computePreview(withRule('po_number', 'name &\n  )'), sample);
    expect(preview.output).toBeUndefined();
    expect(preview.failures).toEqual([expect.objectContaining({ field: 'po_number', line: 2, code: 'MAPPING_SYNTAX_ERROR' })]);
    expect(fieldStatus(preview, 'po_number')).toBe('error');
  });

  it('reports an evaluation error of the rule that threw', async () => {
    const preview = await computePreview(withRule('ref_id', '$lookup("nope", name)'), sample);
    expect(preview.failures).toEqual([expect.objectContaining({ field: 'ref_id', code: 'MAPPING_EVALUATION_ERROR' })]);
    expect(fieldStatus(preview, 'ref_id')).toBe('error');
  });

  it('gives the value of each rule, one per row under an iterator', async () => {
    const preview = await computePreview(DEFAULT_ORDER_MAPPING, sample);
    expect(valueAt(preview.output, 'ref_id')).toBe('#1042');
    expect(valueAt(preview.output, 'customer.city')).toBe('New York');
    expect(valueAt(preview.output, 'details[].sku')).toEqual(['WB-1000-BLK', 'CB-220']);
    expect(valueAt(preview.output, 'details[]')).toHaveLength(2);
    expect(valueAt(preview.output, 'erp_hold_reason_code')).toBeUndefined();
    expect(fieldStatus(preview, 'erp_hold_reason_code')).toBe('empty');
  });
});

describe('target fields', () => {
  it('lists the order schema with the Sage 100 rules applied', () => {
    const fields = targetFields(resolveTargetSchema(DEFAULT_ORDER_MAPPING));
    const byTarget = new Map(fields.map((f) => [f.target, f]));
    expect(byTarget.get('po_number')).toMatchObject({ type: 'string', maxLength: 15 });
    expect(byTarget.get('details[]')).toMatchObject({ type: 'array' });
    expect(byTarget.get('details[].sku')).toMatchObject({ type: 'string', required: true });
    expect(byTarget.has('customer')).toBe(false);
    expect(describeRules({ target: 'x', type: 'string', required: true, maxLength: 1, allowedValues: ['Y', 'N'] })).toEqual([
      'required',
      'max 1',
      'one of Y, N',
    ]);
  });

  it('turns concrete output paths into rule targets', () => {
    expect(ruleTargetOf('details[2].sku')).toBe('details[].sku');
    expect(ruleTargetOf('customer.name')).toBe('customer.name');
  });
});
