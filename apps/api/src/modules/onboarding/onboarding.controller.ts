import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ConnectionTestResult, OnboardingStatus, OnboardingStep } from '@ferry/contracts';
import { RequireScope } from '../../core/auth/access-rule';
import { CurrentTenant } from '../../core/auth/current-tenant.decorator';
import { DbContextRunner } from '../../core/tenancy/db-context-runner';
import { TenantContext } from '../../core/tenancy/tenant-context';

@ApiTags('onboarding')
@Controller('onboarding')
export class OnboardingController {
  constructor(private readonly db: DbContextRunner) {}

  @Get()
  @RequireScope('connections:read')
  @ApiOperation({ summary: 'What is done and what is missing before syncs can run' })
  status(@CurrentTenant() tenant: TenantContext): Promise<OnboardingStatus> {
    return this.db.forTenant(tenant, async (m) => {
      const id = tenant.tenantId;
      const connections = (await m.query('select kind, last_test from connections where tenant_id = $1', [id])) as Array<{ kind: string; last_test: ConnectionTestResult | null }>;
      const settings = (await m.query('select defaults from order_settings where tenant_id = $1', [id])) as Array<{ defaults: { shipVia?: string } | null }>;
      const linked = (await m.query('select count(*)::int as n from location_links where tenant_id = $1 and warehouse_code is not null', [id])) as Array<{ n: number }>;
      const shipVia = (await m.query(
        `select count(*)::int as n from lookup_rows r join lookup_tables t on t.id = r.table_id where t.tenant_id = $1 and t.name = 'ship_via'`,
        [id],
      )) as Array<{ n: number }>;
      const connection = (kind: string, title: string, route: string): OnboardingStep => {
        const row = connections.find((c) => c.kind === kind);
        const test = row?.last_test;
        return {
          id: kind === 'shopify' ? 'shopify_connected' : 'cimcloud_connected',
          title,
          done: Boolean(test?.ok),
          detail: !row ? 'Not connected yet.' : !test ? 'Saved, not tested yet.' : test.message,
          route,
        };
      };
      const defaults = settings[0]?.defaults ?? null;
      const steps: OnboardingStep[] = [
        connection('shopify', 'Connect your Shopify store', '/connections'),
        connection('cimcloud', 'Connect CIMcloud (your ERP)', '/connections'),
        { id: 'defaults_set', title: 'Set the default order values', done: defaults !== null, detail: defaults ? 'Saved.' : 'Customer number and division are needed for every order.', route: '/defaults' },
        {
          id: 'locations_linked',
          title: 'Link Shopify locations to ERP warehouses',
          done: linked[0].n > 0,
          detail: linked[0].n > 0 ? `${linked[0].n} location${linked[0].n > 1 ? 's' : ''} linked.` : 'Stock cannot flow until at least one location is linked.',
          route: '/locations',
        },
        {
          id: 'lookup_ship_via',
          title: 'Map shipping methods to ship-via codes',
          done: shipVia[0].n > 0 || Boolean(defaults?.shipVia),
          detail:
            shipVia[0].n > 0
              ? `${shipVia[0].n} shipping method${shipVia[0].n > 1 ? 's' : ''} mapped.`
              : defaults?.shipVia
                ? `Every order uses the default ship-via ${defaults.shipVia}.`
                : 'Add rows to the ship_via table, or set a default ship-via.',
          route: '/lookup-tables',
        },
      ];
      return { steps, complete: steps.every((s) => s.done) };
    });
  }
}
