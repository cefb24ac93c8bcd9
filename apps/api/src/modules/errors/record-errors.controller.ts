import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import {
  BulkErrorActionRequest,
  BulkErrorActionResponse,
  ERROR_CATEGORIES,
  ERROR_STATES,
  ErrorCategory,
  ErrorState,
  Flow,
  FLOWS,
  Page,
  RecordErrorSummary,
} from '@ferry/contracts';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';
import { RequireScope } from '../../core/auth/access-rule';
import { CurrentTenant } from '../../core/auth/current-tenant.decorator';
import { PageQueryDto } from '../../core/http/cursor-page';
import { uuidParam } from '../../core/http/uuid-param';
import { TenantContext } from '../../core/tenancy/tenant-context';
import { RecordErrorsService } from './record-errors.service';

class ErrorsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ERROR_STATES })
  @IsOptional()
  @IsIn(ERROR_STATES, { message: `must be one of ${ERROR_STATES.join(', ')}` })
  state?: ErrorState;

  @ApiPropertyOptional({ enum: FLOWS })
  @IsOptional()
  @IsIn(FLOWS, { message: `must be one of ${FLOWS.join(', ')}` })
  flow?: Flow;

  @ApiPropertyOptional({ enum: ERROR_CATEGORIES })
  @IsOptional()
  @IsIn(ERROR_CATEGORIES, { message: `must be one of ${ERROR_CATEGORIES.join(', ')}` })
  category?: ErrorCategory;
}

class BulkErrorActionDto implements BulkErrorActionRequest {
  @ApiPropertyOptional({ enum: FLOWS })
  @IsOptional()
  @IsIn(FLOWS, { message: `must be one of ${FLOWS.join(', ')}` })
  flow?: Flow;

  @ApiPropertyOptional({ enum: ERROR_CATEGORIES })
  @IsOptional()
  @IsIn(ERROR_CATEGORIES, { message: `must be one of ${ERROR_CATEGORIES.join(', ')}` })
  category?: ErrorCategory;

  @ApiPropertyOptional({ description: 'Only count what would change' })
  @IsOptional()
  @IsBoolean()
  dryRun?: boolean;
}

@ApiTags('errors')
@Controller('errors')
export class RecordErrorsController {
  constructor(private readonly errors: RecordErrorsService) {}

  @Get()
  @RequireScope('orders:read')
  @ApiOperation({ summary: 'The error queue: every record that did not go through, with its reason' })
  list(@CurrentTenant() tenant: TenantContext, @Query() query: ErrorsQueryDto): Promise<Page<RecordErrorSummary>> {
    return this.errors.list(tenant, { state: query.state ?? 'open', flow: query.flow, category: query.category }, query);
  }

  @Post('retry')
  @RequireScope('orders:write')
  @HttpCode(200)
  @ApiOperation({ summary: 'Retry every open error matching the filter (dryRun: count only)' })
  retryAll(@CurrentTenant() tenant: TenantContext, @Body() body: BulkErrorActionDto): Promise<BulkErrorActionResponse> {
    return this.errors.bulk(tenant, 'retry', body);
  }

  @Post('skip')
  @RequireScope('orders:write')
  @HttpCode(200)
  @ApiOperation({ summary: 'Skip every open error matching the filter (dryRun: count only)' })
  skipAll(@CurrentTenant() tenant: TenantContext, @Body() body: BulkErrorActionDto): Promise<BulkErrorActionResponse> {
    return this.errors.bulk(tenant, 'skip', body);
  }

  @Post(':errorId/retry')
  @RequireScope('orders:write')
  @HttpCode(200)
  @ApiOperation({ summary: 'Retry one record with the current mapping and defaults' })
  retry(@CurrentTenant() tenant: TenantContext, @Param('errorId', uuidParam('errorId')) errorId: string): Promise<RecordErrorSummary> {
    return this.errors.retry(tenant, errorId);
  }

  @Post(':errorId/skip')
  @RequireScope('orders:write')
  @HttpCode(200)
  @ApiOperation({ summary: 'Skip one record: it stays visible, marked as skipped' })
  skip(@CurrentTenant() tenant: TenantContext, @Param('errorId', uuidParam('errorId')) errorId: string): Promise<RecordErrorSummary> {
    return this.errors.skip(tenant, errorId);
  }
}
