import { getDirectiveValues, GraphQLError, GraphQLResolveInfo } from 'graphql';
import { parseGid, toGid } from '../../store/gid';
import { InventoryLevelRecord } from '../../store/model';
import { namedQuantity } from '../../store/shop-store';
import { versionAtLeast } from '../../versions/api-versions';
import { requireScope } from '../access-scopes';
import { GraphQLSource, RequestContext } from '../request-context';
import { inventoryItemView, locationView } from '../views/catalog-views';

interface QuantityInput {
  inventoryItemId: string;
  locationId: string;
  quantity: number;
  compareQuantity?: number | null;
  changeFromQuantity?: number | null;
}

interface SetQuantitiesInput {
  name: string;
  reason: string;
  referenceDocumentUri?: string | null;
  ignoreCompareQuantity?: boolean | null;
  quantities: QuantityInput[];
}

interface UserError {
  code: string | null;
  field: string[] | null;
  message: string;
}

/** A group of applied changes; kept so an idempotent replay returns the same group. */
interface AdjustmentGroup {
  id: number;
  createdAt: string;
  reason: string;
  referenceDocumentUri: string | null;
  changes: {
    name: string;
    delta: number;
    quantityAfterChange: number;
    itemId: number;
    locationId: number;
  }[];
}

const MAX_QUANTITIES = 250;
/** From this version changeFromQuantity and @idempotent are mandatory. */
const STRICT_VERSION = '2026-04';

const REASONS = new Set([
  'correction',
  'cycle_count_available',
  'damaged',
  'movement_created',
  'movement_updated',
  'movement_received',
  'movement_canceled',
  'other',
  'promotion',
  'quality_control',
  'received',
  'reservation_created',
  'reservation_deleted',
  'reservation_updated',
  'restock',
  'safety_stock',
  'shrinkage',
]);

function idempotencyKey(info: GraphQLResolveInfo): string | null {
  const directive = info.schema.getDirective('idempotent');
  const node = info.fieldNodes[0];
  if (!directive || !node) return null;
  const values = getDirectiveValues(directive, node, info.variableValues);
  const key = values?.['key'];
  return typeof key === 'string' ? key : null;
}

function groupView(ctx: RequestContext, group: AdjustmentGroup): GraphQLSource {
  return {
    id: toGid('InventoryAdjustmentGroup', group.id),
    createdAt: group.createdAt,
    reason: group.reason,
    referenceDocumentUri: group.referenceDocumentUri,
    changes: (args: {
      inventoryItemIds?: string[] | null;
      locationIds?: string[] | null;
      quantityNames?: string[] | null;
    }) =>
      group.changes
        .filter(
          (c) => !args.quantityNames || args.quantityNames.includes(c.name),
        )
        .filter(
          (c) =>
            !args.inventoryItemIds ||
            args.inventoryItemIds.includes(toGid('InventoryItem', c.itemId)),
        )
        .filter(
          (c) =>
            !args.locationIds ||
            args.locationIds.includes(toGid('Location', c.locationId)),
        )
        .map((c) => ({
          name: c.name,
          delta: c.delta,
          quantityAfterChange: c.quantityAfterChange,
          ledgerDocumentUri: null,
          item: () => {
            const item = ctx.store.inventoryItems.get(c.itemId);
            return item ? inventoryItemView(ctx, item) : null;
          },
          location: () => {
            const location = ctx.store.locations.get(c.locationId);
            return location ? locationView(location) : null;
          },
        })),
  };
}

function validate(
  ctx: RequestContext,
  input: SetQuantitiesInput,
): { errors: UserError[]; levels: InventoryLevelRecord[] } {
  const errors: UserError[] = [];
  const levels: InventoryLevelRecord[] = [];
  const strict = versionAtLeast(ctx.apiVersion, STRICT_VERSION);
  if (input.name !== 'available' && input.name !== 'on_hand') {
    errors.push({
      code: 'INVALID_NAME',
      field: ['input', 'name'],
      message: "The quantity name must be either 'available' or 'on_hand'.",
    });
  }
  if (!REASONS.has(input.reason)) {
    errors.push({
      code: 'INVALID_REASON',
      field: ['input', 'reason'],
      message: 'The specified reason is invalid.',
    });
  }
  if (
    input.referenceDocumentUri &&
    !/^[a-z][a-z0-9+.-]*:\/\/?\S+$/i.test(input.referenceDocumentUri)
  ) {
    errors.push({
      code: 'INVALID_REFERENCE_DOCUMENT',
      field: ['input', 'referenceDocumentUri'],
      message: 'The specified reference document is invalid.',
    });
  }
  const seen = new Set<string>();
  input.quantities.forEach((q, i) => {
    const path = (leaf: string): string[] => [
      'input',
      'quantities',
      String(i),
      leaf,
    ];
    const itemId = parseGid(q.inventoryItemId, 'InventoryItem');
    const locationId = parseGid(q.locationId, 'Location');
    if (itemId === null || !ctx.store.inventoryItems.has(itemId)) {
      errors.push({
        code: 'INVALID_INVENTORY_ITEM',
        field: path('inventoryItemId'),
        message: 'The specified inventory item could not be found.',
      });
      return;
    }
    if (locationId === null || !ctx.store.locations.has(locationId)) {
      errors.push({
        code: 'INVALID_LOCATION',
        field: path('locationId'),
        message: 'The specified location could not be found.',
      });
      return;
    }
    const pair = `${itemId}:${locationId}`;
    if (seen.has(pair)) {
      errors.push({
        code: 'NO_DUPLICATE_INVENTORY_ITEM_ID_GROUP_ID_PAIR',
        field: path('inventoryItemId'),
        message:
          'The combination of inventoryItemId and locationId must be unique.',
      });
      return;
    }
    seen.add(pair);
    const level = ctx.store.getLevel(itemId, locationId);
    if (!level) {
      errors.push({
        code: 'ITEM_NOT_STOCKED_AT_LOCATION',
        field: path('locationId'),
        message: 'The specified inventory item is not stocked at the location.',
      });
      return;
    }
    if (q.quantity > 1_000_000_000) {
      errors.push({
        code: 'INVALID_QUANTITY_TOO_HIGH',
        field: path('quantity'),
        message: "The quantity can't be higher than 1,000,000,000.",
      });
      return;
    }
    if (input.name === 'on_hand' && q.quantity < 0) {
      errors.push({
        code: 'INVALID_QUANTITY_NEGATIVE',
        field: path('quantity'),
        message: "The quantity can't be negative.",
      });
      return;
    }
    const current = namedQuantity(level, input.name) ?? 0;
    if (strict) {
      if (!('changeFromQuantity' in q)) {
        errors.push({
          code: null,
          field: path('changeFromQuantity'),
          message:
            'changeFromQuantity is required. Pass null to skip the check.',
        });
        return;
      }
      if (
        q.changeFromQuantity !== null &&
        q.changeFromQuantity !== undefined &&
        q.changeFromQuantity !== current
      ) {
        errors.push({
          code: 'CHANGE_FROM_QUANTITY_STALE',
          field: path('changeFromQuantity'),
          message:
            'The changeFromQuantity value does not match persisted value.',
        });
        return;
      }
    } else if (!input.ignoreCompareQuantity) {
      if (q.compareQuantity === null || q.compareQuantity === undefined) {
        errors.push({
          code: 'COMPARE_QUANTITY_REQUIRED',
          field: path('compareQuantity'),
          message:
            'The compareQuantity argument must be given to each quantity or ignored using ignoreCompareQuantity.',
        });
        return;
      }
      if (q.compareQuantity !== current) {
        errors.push({
          code: 'COMPARE_QUANTITY_STALE',
          field: path('compareQuantity'),
          message: 'The compareQuantity value does not match persisted value.',
        });
        return;
      }
    }
    levels.push(level);
  });
  return { errors, levels };
}

/** Stable fingerprint of the parameters an idempotency key is bound to. */
function fingerprint(input: SetQuantitiesInput): string {
  return JSON.stringify([
    input.name,
    input.reason,
    input.referenceDocumentUri ?? null,
    input.ignoreCompareQuantity ?? null,
    input.quantities.map((q) => [
      q.inventoryItemId,
      q.locationId,
      q.quantity,
      q.compareQuantity ?? null,
      q.changeFromQuantity ?? null,
    ]),
  ]);
}

export function inventorySetQuantities(
  args: { input: SetQuantitiesInput },
  ctx: RequestContext,
  info: GraphQLResolveInfo,
): GraphQLSource {
  requireScope(ctx.app.scopes, ['write_inventory'], 'inventorySetQuantities');
  const input = args.input;
  if (input.quantities.length > MAX_QUANTITIES) {
    throw new GraphQLError(
      `The input array size of ${input.quantities.length} is greater than the maximum allowed of ${MAX_QUANTITIES}.`,
      {
        extensions: { code: 'MAX_INPUT_SIZE_EXCEEDED' },
      },
    );
  }
  const key = idempotencyKey(info);
  if (key === null && versionAtLeast(ctx.apiVersion, STRICT_VERSION)) {
    throw new GraphQLError(
      'The @idempotent directive is required for this mutation.',
      {
        extensions: { code: 'BAD_REQUEST' },
      },
    );
  }
  const print = fingerprint(input);
  if (key !== null) {
    const previous = ctx.idempotency.get(`inventorySetQuantities:${key}`);
    if (previous) {
      if (previous.fingerprint !== print) {
        return {
          inventoryAdjustmentGroup: null,
          userErrors: [
            {
              code: 'IDEMPOTENCY_KEY_PARAMETER_MISMATCH',
              field: null,
              message:
                'The same idempotency key cannot be used with different operation parameters.',
            },
          ],
        };
      }
      // A replay returns the original result and changes nothing.
      return {
        inventoryAdjustmentGroup: groupView(
          ctx,
          previous.result as AdjustmentGroup,
        ),
        userErrors: [],
      };
    }
  }
  const { errors, levels } = validate(ctx, input);
  if (errors.length > 0)
    return { inventoryAdjustmentGroup: null, userErrors: errors };
  const group: AdjustmentGroup = {
    id: ctx.store.nextId(),
    createdAt: ctx.store.nowIso(),
    reason: input.reason,
    referenceDocumentUri: input.referenceDocumentUri ?? null,
    changes: [],
  };
  const name = input.name === 'on_hand' ? 'on_hand' : 'available';
  input.quantities.forEach((q, i) => {
    const level = levels[i];
    if (!level) return;
    const delta = ctx.store.setNamedQuantity(level, name, q.quantity);
    for (const changed of ['available', 'on_hand']) {
      group.changes.push({
        name: changed,
        delta,
        quantityAfterChange: namedQuantity(level, changed) ?? 0,
        itemId: level.inventoryItemId,
        locationId: level.locationId,
      });
    }
  });
  if (key !== null)
    ctx.idempotency.remember(`inventorySetQuantities:${key}`, print, group);
  return { inventoryAdjustmentGroup: groupView(ctx, group), userErrors: [] };
}
