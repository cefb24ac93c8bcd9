import type { MappingDefinition } from '@ferry/contracts';
import { MappingCache } from '../compile/mapping-cache';
import { DEFAULT_ORDER_MAPPING } from '../defaults/default-order-mapping';
import { TYPICAL_SHOPIFY_ORDER_DEFAULTS } from '../defaults/typical-shopify-order';
import { SHOPIFY_ORDER_CORPUS } from '../testing/shopify-order-corpus';

// The default mapping plus rules that read the run time, so crosstalk between concurrent
// evaluations (jsonata shares one $now() timestamp per compiled expression) would show.
const definition: MappingDefinition = {
  ...DEFAULT_ORDER_MAPPING,
  fieldRules: [
    ...DEFAULT_ORDER_MAPPING.fieldRules,
    { target: 'requested_date', expression: '$now()' },
    {
      target: 'lifecycle_stage',
      expression: '$runAt & "/" & $string($millis())',
    },
  ],
};

const inputs = Array.from({ length: 1000 }, (_, i) => {
  const order = JSON.parse(
    JSON.stringify(SHOPIFY_ORDER_CORPUS[i % SHOPIFY_ORDER_CORPUS.length].order),
  ) as Record<string, unknown>;
  order['legacyResourceId'] = String(900000 + i);
  return {
    order,
    context: {
      runAt: new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString(),
      defaults: { ...TYPICAL_SHOPIFY_ORDER_DEFAULTS, customerNo: `C${i}` },
    },
  };
});

// 1,000 interleaved evaluations share one event loop, so each one's wall clock spans the
// others' work: on a loaded CI machine the default 250 ms budget can run out mid-test. This
// spec is about crosstalk, not budgets (guardrails.spec covers those), so it lifts the budget.
const guardrails = { timeoutMs: 120_000 };

describe.each([true, false])(
  '1,000 concurrent evaluations of one cached mapping (fast path %s)',
  (fastPath) => {
    it('give the same results as sequential evaluations', async () => {
      const cache = new MappingCache();
      const sequential: unknown[] = [];
      for (const { order, context } of inputs) {
        const outcome = await cache
          .get(definition, { fastPath, guardrails })
          .evaluate(order, context);
        sequential.push(outcome.ok ? outcome.output : outcome.error);
      }
      const concurrent = await Promise.all(
        inputs.map(async ({ order, context }) => {
          const outcome = await cache
            .get(definition, { fastPath, guardrails })
            .evaluate(order, context);
          return outcome.ok ? outcome.output : outcome.error;
        }),
      );
      expect(cache.compileCount).toBe(1);
      expect(concurrent).toEqual(sequential);
      expect(concurrent[7]).toMatchObject({
        order_number: '900007',
        requested_date: inputs[7].context.runAt,
        customer: { customer_no: 'C7' },
      });
      expect(
        new Set(
          concurrent.map(
            (o) => (o as { requested_date: string }).requested_date,
          ),
        ).size,
      ).toBe(1000);
    });
  },
);
