import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { LookupTableDetail, LookupTableSummary } from '@ferry/contracts';
import type { Response } from 'express';
import { RequireScope } from '../../core/auth/access-rule';
import { CurrentTenant } from '../../core/auth/current-tenant.decorator';
import { uuidParam } from '../../core/http/uuid-param';
import { TenantContext } from '../../core/tenancy/tenant-context';
import { SaveLookupTableDto } from './dto/save-lookup-table.dto';
import { LookupTablesService } from './lookup-tables.service';

@ApiTags('lookup-tables')
@Controller('lookup-tables')
export class LookupTablesController {
  constructor(private readonly tables: LookupTablesService) {}

  @Get()
  @RequireScope('mappings:read')
  @ApiOperation({ summary: 'Lookup tables of the tenant' })
  list(@CurrentTenant() tenant: TenantContext): Promise<LookupTableSummary[]> {
    return this.tables.list(tenant);
  }

  @Post()
  @RequireScope('mappings:write')
  @ApiOperation({ summary: 'Create a lookup table' })
  create(@CurrentTenant() tenant: TenantContext, @Body() body: SaveLookupTableDto): Promise<LookupTableDetail> {
    return this.tables.create(tenant, body);
  }

  @Get(':tableId')
  @RequireScope('mappings:read')
  @ApiOperation({ summary: 'A lookup table with its rows' })
  get(@CurrentTenant() tenant: TenantContext, @Param('tableId', uuidParam('tableId')) tableId: string): Promise<LookupTableDetail> {
    return this.tables.get(tenant, tableId);
  }

  @Put(':tableId')
  @RequireScope('mappings:write')
  @ApiOperation({ summary: 'Replace a lookup table (name, description and all rows)' })
  update(@CurrentTenant() tenant: TenantContext, @Param('tableId', uuidParam('tableId')) tableId: string, @Body() body: SaveLookupTableDto): Promise<LookupTableDetail> {
    return this.tables.update(tenant, tableId, body);
  }

  @Delete(':tableId')
  @RequireScope('mappings:write')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a lookup table (standard tables can only be emptied)' })
  remove(@CurrentTenant() tenant: TenantContext, @Param('tableId', uuidParam('tableId')) tableId: string): Promise<void> {
    return this.tables.remove(tenant, tableId);
  }

  @Get(':tableId/csv')
  @RequireScope('mappings:read')
  @ApiProduces('text/csv')
  @ApiOperation({ summary: 'Export the rows as CSV (key,value)' })
  async exportCsv(@CurrentTenant() tenant: TenantContext, @Param('tableId', uuidParam('tableId')) tableId: string, @Res() response: Response): Promise<void> {
    const { name, csv } = await this.tables.exportCsv(tenant, tableId);
    response.set({ 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="${name}.csv"` }).send(csv);
  }

  @Put(':tableId/csv')
  @RequireScope('mappings:write')
  @ApiConsumes('text/csv')
  @ApiBody({ schema: { type: 'string', example: 'key,value\nStandard Shipping,UPS GROUND\n' } })
  @ApiOperation({ summary: 'Replace the rows from a CSV (header key,value); every problem names its line' })
  importCsv(@CurrentTenant() tenant: TenantContext, @Param('tableId', uuidParam('tableId')) tableId: string, @Body() csv: unknown): Promise<LookupTableDetail> {
    return this.tables.importCsv(tenant, tableId, csv);
  }
}
