import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ERP_LIST_KINDS, ErpListEntry, ErpListKind, ErpListSummary } from '@ferry/contracts';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { RequireScope } from '../../core/auth/access-rule';
import { CurrentTenant } from '../../core/auth/current-tenant.decorator';
import { enumParam } from '../../core/http/enum-param';
import { TenantContext } from '../../core/tenancy/tenant-context';
import { ErpListsService } from './erp-lists.service';

class ErpListQueryDto {
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}

@ApiTags('erp-lists')
@Controller('erp-lists')
export class ErpListsController {
  constructor(private readonly lists: ErpListsService) {}

  @Get()
  @RequireScope('defaults:read')
  @ApiOperation({ summary: "The ERP's cached lists: size and last refresh" })
  summaries(@CurrentTenant() tenant: TenantContext): Promise<ErpListSummary[]> {
    return this.lists.summaries(tenant);
  }

  @Post('refresh')
  @RequireScope('connections:write')
  @HttpCode(200)
  @ApiOperation({ summary: "Read the ERP's lists again through CIMcloud" })
  refresh(@CurrentTenant() tenant: TenantContext): Promise<ErpListSummary[]> {
    return this.lists.refresh(tenant);
  }

  @Get(':kind')
  @RequireScope('defaults:read')
  @ApiOperation({ summary: 'Search one cached ERP list (code prefix or description)' })
  search(@CurrentTenant() tenant: TenantContext, @Param('kind') kind: string, @Query() query: ErpListQueryDto): Promise<ErpListEntry[]> {
    return this.lists.search(tenant, enumParam<ErpListKind>('kind', ERP_LIST_KINDS, kind), query.q, query.limit ?? 50);
  }
}
