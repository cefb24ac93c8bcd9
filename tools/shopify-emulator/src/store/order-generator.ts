import { MailingAddress, OrderRecord } from './model';
import { SeededRandom } from './seeded-random';
import { NewLineItem, ShopStore } from './shop-store';

export interface GenerateOrdersOptions {
  count: number;
  seed?: number;
  /** createdAt is spread over this many ms before now (default: all "now"). */
  spreadMs?: number;
  /** Consecutive orders sharing one timestamp, to put updated_at ties on page boundaries. */
  tieGroupSize?: number;
}

const FIRST_NAMES = [
  'Ava',
  'Liam',
  'Mia',
  'Noah',
  'Zoe',
  'Ethan',
  'Lena',
  'Omar',
  'Ines',
  'Raj',
  'Yuki',
  'Sven',
];
const LAST_NAMES = [
  'Martin',
  'Nguyen',
  'Garcia',
  'Smith',
  'Okafor',
  'Rossi',
  'Kowalski',
  'Dubois',
  'Haddad',
  'Larsen',
];
const CITIES: { city: string; province: string; code: string; zip: string }[] =
  [
    { city: 'Portland', province: 'Oregon', code: 'OR', zip: '97201' },
    { city: 'Austin', province: 'Texas', code: 'TX', zip: '73301' },
    { city: 'Columbus', province: 'Ohio', code: 'OH', zip: '43004' },
    { city: 'Denver', province: 'Colorado', code: 'CO', zip: '80014' },
    { city: 'Raleigh', province: 'North Carolina', code: 'NC', zip: '27601' },
  ];
const STREETS = [
  'Main St',
  'Oak Ave',
  'Industrial Pkwy',
  'Harbor Rd',
  'Elm St',
];
const TAGS = ['wholesale', 'vip', 'b2b', 'repeat', 'rush'];
const PRODUCTS = [
  'Steel Bracket',
  'Hex Bolt M8',
  'Cable Tie 200mm',
  'Gasket Kit',
  'Hinge Pair',
  'Caster Wheel',
];

function address(
  random: SeededRandom,
  first: string,
  last: string,
): MailingAddress {
  const place = random.pick(CITIES);
  return {
    firstName: first,
    lastName: last,
    company: random.next() < 0.4 ? `${last} Supply Co` : null,
    address1: `${random.int(1, 9999)} ${random.pick(STREETS)}`,
    address2: random.next() < 0.2 ? `Suite ${random.int(100, 999)}` : null,
    city: place.city,
    province: place.province,
    provinceCode: place.code,
    zip: place.zip,
    country: 'United States',
    countryCode: 'US',
    phone: random.next() < 0.5 ? `+1555${random.int(1000000, 9999999)}` : null,
  };
}

/** Makes sure the shop has a location and a small catalog to sell from. */
function ensureCatalog(store: ShopStore, random: SeededRandom): void {
  if (store.locations.size === 0) store.addLocation({ name: 'Main Warehouse' });
  if (store.variants.size > 0) return;
  const location = [...store.locations.values()][0];
  PRODUCTS.forEach((title, index) => {
    const { variants } = store.addProduct({
      title,
      variants: [
        { sku: `SKU-${1000 + index}`, priceCents: random.int(199, 9999) },
      ],
    });
    for (const v of variants)
      if (location)
        store.stock(v.inventoryItemId, location.id, {
          available: random.int(0, 500),
        });
  });
}

/** A seeded, realistic batch of orders (customers, addresses, shipping, tax, tags). */
export function generateOrders(
  store: ShopStore,
  options: GenerateOrdersOptions,
): OrderRecord[] {
  const random = new SeededRandom(options.seed ?? 42);
  ensureCatalog(store, random);
  const variants = [...store.variants.values()];
  const now = store.nowMs();
  const spread = options.spreadMs ?? 0;
  const tie = Math.max(1, options.tieGroupSize ?? 1);
  const orders: OrderRecord[] = [];
  let groupTime = now;
  for (let i = 0; i < options.count; i++) {
    if (i % tie === 0)
      groupTime =
        spread > 0
          ? now - spread + Math.floor((spread * i) / Math.max(1, options.count))
          : now;
    const first = random.pick(FIRST_NAMES);
    const last = random.pick(LAST_NAMES);
    const email =
      `${first}.${last}${random.int(1, 999)}@example.com`.toLowerCase();
    const customer = store.addCustomer({
      firstName: first,
      lastName: last,
      email,
    });
    const lines: NewLineItem[] = [];
    const lineCount = random.int(1, 4);
    for (let l = 0; l < lineCount; l++) {
      const variant = random.pick(variants);
      const quantity = random.int(1, 5);
      lines.push({
        variantId: variant.id,
        quantity,
        discountCents:
          random.next() < 0.2
            ? Math.round(variant.priceCents * quantity * 0.1)
            : 0,
        taxCents: Math.round(variant.priceCents * quantity * 0.08),
      });
    }
    const ship = address(random, first, last);
    orders.push(
      store.createOrder({
        email,
        phone: ship.phone,
        customerId: customer.id,
        shippingAddress: ship,
        billingAddress: ship,
        lineItems: lines,
        shippingLines: [
          {
            title: random.pick(['Standard', 'Express', 'Freight']),
            priceCents: random.int(500, 2500),
          },
        ],
        tags: random.next() < 0.5 ? [random.pick(TAGS)] : [],
        note:
          random.next() < 0.3 ? 'Please deliver to the loading dock.' : null,
        poNumber: random.next() < 0.4 ? `PO-${random.int(10000, 99999)}` : null,
        customAttributes:
          random.next() < 0.3 ? [{ key: 'delivery_window', value: 'AM' }] : [],
        createdAt:
          spread > 0 || tie > 1 ? new Date(groupTime).toISOString() : undefined,
      }),
    );
  }
  return orders;
}
