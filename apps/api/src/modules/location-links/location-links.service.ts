import { Injectable } from '@nestjs/common';
import { LocationLink, LocationLinksResponse, SaveLocationLinksRequest } from '@ferry/contracts';
import { listLocations, ShopifyLocation } from '@ferry/shopify';
import { EntityManager } from 'typeorm';
import { recordAudit } from '../../core/audit/audit-log';
import { problems } from '../../core/http/problem';
import { DbContextRunner } from '../../core/tenancy/db-context-runner';
import { TenantContext } from '../../core/tenancy/tenant-context';
import { ConnectorClients } from '../connections/connector-clients';

interface Warehouse {
  code: string;
  description: string;
}

/** The seed's rule: a location and a warehouse match when their names are the same, ignoring case and punctuation. */
export function suggestWarehouse(location: string, warehouses: Warehouse[]): Warehouse | null {
  const key = normalize(location);
  return warehouses.find((w) => normalize(w.description) === key || normalize(w.code) === key) ?? null;
}

const normalize = (name: string) => name.toLowerCase().replace(/[^a-z0-9]+/g, '');

/** Shopify location ↔ ERP warehouse: where each warehouse's stock is shown (DESIGN §2.3). */
@Injectable()
export class LocationLinksService {
  constructor(
    private readonly db: DbContextRunner,
    private readonly clients: ConnectorClients,
  ) {}

  async get(tenant: TenantContext): Promise<LocationLinksResponse> {
    const locations = await this.shopifyLocations(tenant.tenantId);
    return this.db.forTenant(tenant, (m) => this.compose(m, tenant.tenantId, locations));
  }

  async save(tenant: TenantContext, request: SaveLocationLinksRequest): Promise<LocationLinksResponse> {
    const locations = await this.shopifyLocations(tenant.tenantId);
    return this.db.forTenant(tenant, async (m) => {
      const warehouses = await this.warehouses(m, tenant.tenantId);
      const errors = request.links.flatMap((link, i) => {
        const found: Array<{ field: string; message: string }> = [];
        if (!locations.some((l) => l.id === link.locationId)) found.push({ field: `links.${i}.locationId`, message: 'is not a location of the connected Shopify store' });
        if (link.warehouseCode !== null && warehouses.length > 0 && !warehouses.some((w) => w.code === link.warehouseCode)) {
          found.push({ field: `links.${i}.warehouseCode`, message: `is not an ERP warehouse (known: ${warehouses.map((w) => w.code).join(', ')})` });
        }
        return found;
      });
      if (errors.length) throw problems.validation(errors);
      for (const link of request.links) {
        const location = locations.find((l) => l.id === link.locationId) as ShopifyLocation;
        await m.query(
          `insert into location_links (tenant_id, location_id, location_name, warehouse_code, updated_at) values ($1, $2, $3, $4, now())
           on conflict (tenant_id, location_id) do update set location_name = excluded.location_name, warehouse_code = excluded.warehouse_code, updated_at = now()`,
          [tenant.tenantId, link.locationId, location.name, link.warehouseCode],
        );
      }
      await recordAudit(m, tenant, { action: 'location_links.saved', targetType: 'location_links', targetId: null, details: { links: request.links } });
      return this.compose(m, tenant.tenantId, locations);
    });
  }

  private async shopifyLocations(tenantId: string): Promise<ShopifyLocation[]> {
    const connection = await this.clients.shopify(tenantId);
    if (!connection) throw problems.conflict('Connect Shopify first: its locations are read from the store.');
    return (await listLocations(connection.client)).filter((l) => l.isActive);
  }

  private async warehouses(m: EntityManager, tenantId: string): Promise<Warehouse[]> {
    return (await m.query(`select code, description from erp_list_entries where tenant_id = $1 and kind = 'warehouses' order by code`, [tenantId])) as Warehouse[];
  }

  private async compose(m: EntityManager, tenantId: string, locations: ShopifyLocation[]): Promise<LocationLinksResponse> {
    const warehouses = await this.warehouses(m, tenantId);
    const saved = (await m.query('select location_id, warehouse_code from location_links where tenant_id = $1', [tenantId])) as Array<{
      location_id: string;
      warehouse_code: string | null;
    }>;
    const links: LocationLink[] = locations.map((location) => {
      const stored = saved.find((s) => s.location_id === location.id);
      if (stored) return { locationId: location.id, locationName: location.name, warehouseCode: stored.warehouse_code, source: 'manual' };
      return { locationId: location.id, locationName: location.name, warehouseCode: suggestWarehouse(location.name, warehouses)?.code ?? null, source: 'suggested' };
    });
    const linkedCodes = new Set(links.map((l) => l.warehouseCode).filter((c): c is string => c !== null));
    return {
      links,
      unmatchedLocations: links.filter((l) => l.warehouseCode === null).map((l) => ({ locationId: l.locationId, locationName: l.locationName })),
      unmatchedWarehouses: warehouses.filter((w) => !linkedCodes.has(w.code)),
    };
  }
}
