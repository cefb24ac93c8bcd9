import type {
  InventoryMappingInput,
  MappingDefinition,
  ShipmentMappingInput,
} from '@ferry/contracts';
import { compileMapping } from '../compile/compile-mapping';
import { mapRecord } from '../run/map-record';
import { resolveTargetSchema } from '../validate/resolve-target-schema';
import { DEFAULT_INVENTORY_MAPPING } from './default-inventory-mapping';
import { DEFAULT_SHIPMENT_MAPPING } from './default-shipment-mapping';

const runAt = '2026-11-02T10:00:00.000Z';
const map = (
  definition: MappingDefinition,
  input: unknown,
  defaults: Record<string, unknown> = {},
) =>
  Promise.all(
    [true, false].map((fastPath) =>
      mapRecord(
        compileMapping(definition, { fastPath }),
        input,
        { runAt, defaults },
        resolveTargetSchema(definition),
      ),
    ),
  ).then(([fast, reference]) => {
    expect({ ...fast, elapsedMs: 0 }).toEqual({ ...reference, elapsedMs: 0 });
    return fast;
  });

const fo = (
  id: number,
  lines: [number, string | null, number][],
  supportedActions = ['CREATE_FULFILLMENT'],
) => ({
  id: `gid://shopify/FulfillmentOrder/${id}`,
  status: 'OPEN',
  supportedActions,
  lineItems: lines.map(([lineId, sku, remainingQuantity]) => ({
    id: `gid://shopify/FulfillmentOrderLineItem/${lineId}`,
    sku,
    remainingQuantity,
  })),
});
const shipment = (
  lines: { item_code: string; quantity: number }[],
  shipVia = 'fedex 2day',
): ShipmentMappingInput['shipment'] => ({
  invoice_no: '0100232',
  tracking_number: '781234567890',
  ship_via: shipVia,
  lines,
});

describe('default shipments mapping', () => {
  it('matches lines by SKU across fulfillment orders, caps at what remains, maps the carrier', async () => {
    const input: ShipmentMappingInput = {
      shipment: shipment([
        { item_code: 'A', quantity: 5 },
        { item_code: 'B', quantity: 1 },
      ]),
      order: { id: 'gid://shopify/Order/1', name: '#1' },
      fulfillmentOrders: [
        fo(11, [
          [111, 'A', 3],
          [112, 'C', 1],
        ]),
        fo(12, [
          [121, 'B', 2],
          [122, null, 1],
        ]),
        fo(13, [[131, 'A', 4]], ['HOLD']),
      ],
    };
    const record = await map(DEFAULT_SHIPMENT_MAPPING, input);
    expect(record.issues).toEqual([]);
    expect(record.output).toEqual({
      notifyCustomer: false,
      trackingInfo: { company: 'FedEx', number: '781234567890' },
      lineItemsByFulfillmentOrder: [
        {
          fulfillmentOrderId: 'gid://shopify/FulfillmentOrder/11',
          fulfillmentOrderLineItems: [
            { id: 'gid://shopify/FulfillmentOrderLineItem/111', quantity: 3 },
          ],
        },
        {
          fulfillmentOrderId: 'gid://shopify/FulfillmentOrder/12',
          fulfillmentOrderLineItems: [
            { id: 'gid://shopify/FulfillmentOrderLineItem/121', quantity: 1 },
          ],
        },
      ],
    });
  });

  it('keeps an unknown ship-via as the carrier name and says when nothing can be fulfilled', async () => {
    const input: ShipmentMappingInput = {
      shipment: shipment([{ item_code: 'Z', quantity: 1 }], 'OUR TRUCK'),
      order: { id: 'gid://shopify/Order/1', name: '#1' },
      fulfillmentOrders: [fo(11, [[111, 'A', 3]])],
    };
    const record = await map(DEFAULT_SHIPMENT_MAPPING, input, {
      notifyCustomer: true,
    });
    expect(record.output).toMatchObject({
      notifyCustomer: true,
      trackingInfo: { company: 'OUR TRUCK' },
      lineItemsByFulfillmentOrder: [],
    });
    expect(record.issues.map((i) => [i.path, i.rule])).toEqual([
      ['lineItemsByFulfillmentOrder', 'minItems'],
    ]);
  });
});

describe('default inventory mapping', () => {
  const level = (
    changes: Partial<InventoryMappingInput>,
  ): InventoryMappingInput => ({
    stock: { item_code: 'A', warehouse: '000', on_hand: 10, committed: 3 },
    inventoryItemId: 'gid://shopify/InventoryItem/1',
    locationId: 'gid://shopify/Location/2',
    currentAvailable: 9,
    ...changes,
  });

  it('uses the ERP available when given, on hand − committed otherwise, and null to skip the compare', async () => {
    expect(
      (
        await map(
          DEFAULT_INVENTORY_MAPPING,
          level({
            stock: {
              item_code: 'A',
              warehouse: '000',
              on_hand: 10,
              committed: 3,
              available: 6,
            },
          }),
        )
      ).output,
    ).toMatchObject({ quantity: 6 });
    expect(
      (
        await map(
          DEFAULT_INVENTORY_MAPPING,
          level({
            stock: {
              item_code: 'A',
              warehouse: '000',
              on_hand: 2,
              committed: 5,
            },
          }),
        )
      ).output,
    ).toMatchObject({ quantity: -3 });
    const unknownCurrent = await map(
      DEFAULT_INVENTORY_MAPPING,
      level({ currentAvailable: undefined }),
    );
    expect(unknownCurrent).toMatchObject({
      ok: true,
      output: { changeFromQuantity: null },
    });
  });

  it('finds the location through the warehouse_locations table when the engine has no link', async () => {
    const withTable: MappingDefinition = {
      ...DEFAULT_INVENTORY_MAPPING,
      lookupTables: [
        {
          name: 'warehouse_locations',
          ignoreCase: true,
          rows: [{ key: '000', value: 'gid://shopify/Location/77' }],
        },
      ],
    };
    expect(
      (await map(withTable, level({ locationId: undefined }))).output,
    ).toMatchObject({ locationId: 'gid://shopify/Location/77' });
    const unmatched = await map(
      DEFAULT_INVENTORY_MAPPING,
      level({ locationId: undefined, inventoryItemId: undefined }),
    );
    expect(unmatched.issues.map((i) => [i.path, i.rule])).toEqual([
      ['inventoryItemId', 'required'],
      ['locationId', 'required'],
    ]);
  });
});
