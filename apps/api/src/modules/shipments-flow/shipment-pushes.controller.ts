import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Page, SHIPMENT_PUSH_STATUSES, ShipmentPushStatus, ShipmentPushSummary } from '@ferry/contracts';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { RequireScope } from '../../core/auth/access-rule';
import { CurrentTenant } from '../../core/auth/current-tenant.decorator';
import { PageQueryDto } from '../../core/http/cursor-page';
import { TenantContext } from '../../core/tenancy/tenant-context';
import { ShipmentPushesService } from './shipment-pushes.service';

class ShipmentPushesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: SHIPMENT_PUSH_STATUSES })
  @IsOptional()
  @IsIn(SHIPMENT_PUSH_STATUSES, { message: `must be one of ${SHIPMENT_PUSH_STATUSES.join(', ')}` })
  status?: ShipmentPushStatus;

  @ApiPropertyOptional({ description: 'An exact ERP order number, invoice number or tracking number' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  search?: string;
}

@ApiTags('shipments')
@Controller('shipment-pushes')
export class ShipmentPushesController {
  constructor(private readonly pushes: ShipmentPushesService) {}

  @Get()
  @RequireScope('orders:read')
  @ApiOperation({ summary: 'The shipments ledger: every ERP shipment package, its Shopify fulfillment and tracking, and what did not get through' })
  list(@CurrentTenant() tenant: TenantContext, @Query() query: ShipmentPushesQueryDto): Promise<Page<ShipmentPushSummary>> {
    return this.pushes.list(tenant, query, query);
  }
}
