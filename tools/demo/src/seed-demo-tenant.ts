import { ConnectionsResponse, LocationLinksResponse, LookupTableSummary, MeResponse } from '@ferry/contracts';
import { DEMO_CREDENTIALS, RunningCimcloudEmulator } from '@ferry/cimcloud-emulator';
import { RunningShopifyEmulator, ShopInfo } from '@ferry/shopify-emulator';
import { FerryClient } from './ferry-client';

export const DEMO_SHOP = 'demo-store';
export const DEMO_SITE = 'demo';

/**
 * Sets the "Demo Store" tenant up the way a tenant admin would, through Ferry's own API:
 * both connections (to this run's emulators), default order values, ship-via lookups,
 * a location link and 1-minute schedules. Saving the Shopify connection makes Ferry
 * register its order webhooks at the shop (FERRY_PUBLIC_URL is set by the demo).
 */
export async function seedDemoTenant(ferry: FerryClient, shopify: RunningShopifyEmulator, cimcloud: RunningCimcloudEmulator, shop: ShopInfo): Promise<string> {
  const me = await ferry.call<MeResponse>('GET', '/auth/me');
  const tenant = me.tenants.find((t) => t.tenantSlug === 'demo');
  if (!tenant) throw new Error('The Demo Store tenant is missing: delete .ferry/ to start the demo afresh.');
  ferry.tenantId = tenant.tenantId;

  await ferry.call<ConnectionsResponse>('PUT', '/connections/shopify', {
    shopDomain: shop.domain,
    authMode: 'admin_token',
    accessToken: shop.app.accessToken,
    webhookSecret: shop.app.clientSecret,
    adminBaseUrl: `${shopify.url}/shops/${shop.domain}`,
  });
  await ferry.call('PUT', '/connections/cimcloud', {
    siteName: DEMO_SITE,
    authUserName: DEMO_CREDENTIALS.userName,
    authKey: DEMO_CREDENTIALS.authKey,
    authPassword: DEMO_CREDENTIALS.password,
    baseUrl: cimcloud.url,
  });
  await ferry.call('POST', '/erp-lists/refresh');
  await ferry.call('PUT', '/order-defaults', {
    divisionNo: '01',
    customerNo: 'WEBSHOP',
    termsCode: '00',
    taxSchedule: 'DEFAULT',
    orderType: 'S',
    orderStatus: 'N',
    warehouseCode: '000',
    printPickSheet: true,
    printSalesOrder: false,
  });
  const tables = await ferry.call<LookupTableSummary[]>('GET', '/lookup-tables');
  const table = (name: string) => tables.find((t) => t.name === name) as LookupTableSummary;
  // "Overnight" is left out on purpose: those orders fail for an unmapped shipping method.
  await ferry.call('PUT', `/lookup-tables/${table('ship_via').id}`, {
    name: 'ship_via',
    rows: [
      { key: 'Standard Shipping', value: 'UPS GROUND' },
      { key: 'Express', value: 'FEDEX 2DAY' },
      { key: 'Store pickup', value: 'PICKUP' },
    ],
  });
  await ferry.call('PUT', `/lookup-tables/${table('carrier').id}`, {
    name: 'carrier',
    rows: [
      { key: 'UPS GROUND', value: 'UPS' },
      { key: 'FEDEX 2DAY', value: 'FedEx' },
      { key: 'USPS PRIORITY', value: 'USPS' },
    ],
  });
  const links = await ferry.call<LocationLinksResponse>('GET', '/location-links');
  await ferry.call('PUT', '/location-links', { links: links.links.map((l) => ({ locationId: l.locationId, warehouseCode: l.warehouseCode ?? '000' })) });
  for (const flow of ['orders', 'shipments', 'inventory']) await ferry.call('PATCH', `/schedules/${flow}`, { intervalMinutes: 1 });
  return tenant.tenantId;
}
