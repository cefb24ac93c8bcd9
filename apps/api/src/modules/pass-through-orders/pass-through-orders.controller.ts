import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { ERROR_CATEGORIES, ErrorCategory, Page, PASS_THROUGH_STATUSES, PassThroughOrderDetail, PassThroughOrderSummary, PassThroughStatus } from '@ferry/contracts';
import { IsIn, IsISO8601, IsOptional, IsString, MaxLength } from 'class-validator';
import { RequireScope } from '../../core/auth/access-rule';
import { CurrentTenant } from '../../core/auth/current-tenant.decorator';
import { PageQueryDto } from '../../core/http/cursor-page';
import { uuidParam } from '../../core/http/uuid-param';
import { TenantContext } from '../../core/tenancy/tenant-context';
import { PassThroughOrdersService } from './pass-through-orders.service';

class OrdersQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: PASS_THROUGH_STATUSES })
  @IsOptional()
  @IsIn(PASS_THROUGH_STATUSES, { message: `must be one of ${PASS_THROUGH_STATUSES.join(', ')}` })
  status?: PassThroughStatus;

  @ApiPropertyOptional({ description: 'Shopify order name, CIMcloud order number or SKU' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Created in Shopify at or after' })
  @IsOptional()
  @IsISO8601({}, { message: 'must be an ISO 8601 date or date-time' })
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Created in Shopify before' })
  @IsOptional()
  @IsISO8601({}, { message: 'must be an ISO 8601 date or date-time' })
  to?: string;

  @ApiPropertyOptional({ enum: ERROR_CATEGORIES })
  @IsOptional()
  @IsIn(ERROR_CATEGORIES, { message: `must be one of ${ERROR_CATEGORIES.join(', ')}` })
  category?: ErrorCategory;
}

@ApiTags('orders')
@Controller('orders')
export class PassThroughOrdersController {
  constructor(private readonly orders: PassThroughOrdersService) {}

  @Get()
  @RequireScope('orders:read')
  @ApiOperation({ summary: 'Pass Through Orders: every synced order, its ERP import status and its open error' })
  list(@CurrentTenant() tenant: TenantContext, @Query() query: OrdersQueryDto): Promise<Page<PassThroughOrderSummary>> {
    return this.orders.list(tenant, query, query);
  }

  @Get(':orderId')
  @RequireScope('orders:read')
  @ApiOperation({ summary: 'One order: source and mapped payloads, mapping version, errors' })
  get(@CurrentTenant() tenant: TenantContext, @Param('orderId', uuidParam('orderId')) orderId: string): Promise<PassThroughOrderDetail> {
    return this.orders.get(tenant, orderId);
  }
}
