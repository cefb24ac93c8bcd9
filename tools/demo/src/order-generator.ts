import { RunningShopifyEmulator } from '@ferry/shopify-emulator';

const ITEMS: Array<[string, string, string]> = [
  ['WIDGET-100', 'Widget, standard', '12.50'],
  ['WIDGET-200', 'Widget, heavy duty', '19.95'],
  ['GADGET-1', 'Gadget, small', '7.25'],
  ['GADGET-2', 'Gadget, large', '14.00'],
  ['PAINT-RED', 'Paint, red, 1 gal', '32.00'],
  ['BRUSH-2IN', 'Brush, 2 inch', '6.50'],
];
const CUSTOMERS = [
  { firstName: 'Dana', lastName: 'Whitfield', address1: '12 Main Street', city: 'Springfield', provinceCode: 'IL', zip: '62701' },
  { firstName: 'José', lastName: 'Núñez', address1: '400 Ocean Avenue, Apt 12B', city: 'Miami', provinceCode: 'FL', zip: '33139' },
  { firstName: 'Priya', lastName: 'Raman', address1: '77 Elm Road', city: 'Columbus', provinceCode: 'OH', zip: '43215' },
];
const SHIPPING = ['Standard Shipping', 'Standard Shipping', 'Express', 'Store pickup', 'Overnight'];

/**
 * A Shopify order every few seconds: mostly good ones, some with a SKU the ERP does not
 * carry, some with a shipping method nobody mapped — so the monitors show real failures.
 */
export function startOrderGenerator(shopify: RunningShopifyEmulator, shop: string, everyMs: number): () => void {
  let n = 0;
  const createOrder = () => {
    n++;
    const customer = CUSTOMERS[n % CUSTOMERS.length];
    const lines = Array.from({ length: 1 + (n % 3) }, (_, i) => {
      const [sku, title, price] = ITEMS[(n * 7 + i * 3) % ITEMS.length];
      return { sku, title, price, quantity: 1 + ((n + i) % 4) };
    });
    if (n % 9 === 0) lines.push({ sku: 'DISCONTINUED-9', title: 'Discontinued item', price: '9.99', quantity: 1 });
    const address = { ...customer, countryCode: 'US' };
    shopify.control.createOrder(shop, {
      email: `${customer.firstName.toLowerCase()}@example.com`,
      shippingAddress: address,
      billingAddress: address,
      lineItems: lines,
      shippingLines: [{ title: SHIPPING[n % SHIPPING.length], price: '7.95' }],
    });
  };
  // The first order at once: a newcomer should not wait a whole interval to see one.
  createOrder();
  const timer = setInterval(createOrder, everyMs);
  return () => clearInterval(timer);
}
