import type { SiteSeed } from '../sites/site-seed';

/** Credentials of the demo site's App Authorization (documented in the README). */
export const DEMO_CREDENTIALS = { authKey: 'demo-auth-key', userName: 'demo-api', password: 'demo-password' } as const;

const ITEMS: [string, string, number][] = [
  ['WIDGET-100', 'Widget, standard', 12.5],
  ['WIDGET-200', 'Widget, heavy duty', 19.95],
  ['GADGET-1', 'Gadget, small', 7.25],
  ['GADGET-2', 'Gadget, large', 14],
  ['BOLT-M6', 'Bolt M6 x 20, box of 100', 4.8],
  ['NUT-M6', 'Nut M6, box of 100', 3.1],
  ['PAINT-RED', 'Paint, red, 1 gal', 32],
  ['PAINT-BLUE', 'Paint, blue, 1 gal', 32],
  ['BRUSH-2IN', 'Brush, 2 inch', 6.5],
  ['TAPE-BLUE', 'Painter tape, blue', 5.75],
];

/** A ready-to-use Sage 100 site for the demo and quick manual tries. */
export function demoSiteSeed(name = 'demo'): SiteSeed {
  return {
    name,
    authorizations: [{ ...DEMO_CREDENTIALS }],
    masterData: {
      customers: [
        { divisionNo: '01', customerNo: 'ABF', name: 'American Business Futures', termsCode: '01', taxSchedule: 'DEFAULT', warehouseCode: '000', shipVia: 'UPS GROUND' },
        { divisionNo: '01', customerNo: 'WEBSHOP', name: 'Web Shop Customers', termsCode: '00', taxSchedule: 'DEFAULT', warehouseCode: '000', shipVia: 'UPS GROUND' },
        { divisionNo: '02', customerNo: 'ORANGE', name: 'Orange Door & Window Co.', termsCode: '02', taxSchedule: 'NY', warehouseCode: '001', shipVia: 'FEDEX 2DAY' },
      ],
      items: ITEMS.map(([itemCode, description, price]) => ({ itemCode, description, price, unitOfMeasure: 'EACH' })),
      warehouses: [
        { code: '000', description: 'Main warehouse' },
        { code: '001', description: 'East coast warehouse' },
      ],
      shipVias: [
        { code: 'UPS GROUND', description: 'UPS Ground' },
        { code: 'FEDEX 2DAY', description: 'FedEx 2Day' },
        { code: 'USPS PRIORITY', description: 'USPS Priority Mail' },
        { code: 'PICKUP', description: 'Customer pickup' },
      ],
      termsCodes: [
        { code: '00', description: 'Prepaid' },
        { code: '01', description: 'Net 30 days' },
        { code: '02', description: '2% 10, net 30' },
      ],
      taxSchedules: [
        { code: 'DEFAULT', description: 'Default tax schedule' },
        { code: 'NY', description: 'New York' },
        { code: 'NONTAX', description: 'Non-taxable' },
      ],
    },
    stock: ITEMS.flatMap(([itemCode], i) => [
      { itemCode, warehouseCode: '000', onHand: 50 + i * 10 },
      { itemCode, warehouseCode: '001', onHand: 20 + i * 5 },
    ]),
  };
}
