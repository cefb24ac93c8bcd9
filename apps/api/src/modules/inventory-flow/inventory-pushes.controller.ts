import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { INVENTORY_PUSH_STATUSES, InventoryPushStatus, InventoryPushSummary, Page } from '@ferry/contracts';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { RequireScope } from '../../core/auth/access-rule';
import { CurrentTenant } from '../../core/auth/current-tenant.decorator';
import { PageQueryDto } from '../../core/http/cursor-page';
import { TenantContext } from '../../core/tenancy/tenant-context';
import { InventoryPushesService } from './inventory-pushes.service';

class InventoryPushesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: INVENTORY_PUSH_STATUSES })
  @IsOptional()
  @IsIn(INVENTORY_PUSH_STATUSES, { message: `must be one of ${INVENTORY_PUSH_STATUSES.join(', ')}` })
  status?: InventoryPushStatus;

  @ApiPropertyOptional({ description: 'Part of an item code, or a warehouse code' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}

@ApiTags('inventory')
@Controller('inventory-pushes')
export class InventoryPushesController {
  constructor(private readonly pushes: InventoryPushesService) {}

  @Get()
  @RequireScope('orders:read')
  @ApiOperation({ summary: 'The inventory ledger: every ERP stock level, what was pushed to Shopify, and what did not match' })
  list(@CurrentTenant() tenant: TenantContext, @Query() query: InventoryPushesQueryDto): Promise<Page<InventoryPushSummary>> {
    return this.pushes.list(tenant, query, query);
  }
}
