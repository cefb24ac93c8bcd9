import type { MappingDefinition, MappingFlow } from '@ferry/contracts';
import { DEFAULT_INVENTORY_MAPPING } from './default-inventory-mapping';
import { DEFAULT_ORDER_MAPPING } from './default-order-mapping';
import { DEFAULT_SHIPMENT_MAPPING } from './default-shipment-mapping';

/** The shipped mapping of each flow: what a new tenant starts with (DESIGN §5). */
export const DEFAULT_MAPPINGS: Readonly<
  Record<MappingFlow, MappingDefinition>
> = {
  orders: DEFAULT_ORDER_MAPPING,
  shipments: DEFAULT_SHIPMENT_MAPPING,
  inventory: DEFAULT_INVENTORY_MAPPING,
};
