import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Flow, FLOWS, Page, RunSummary } from '@ferry/contracts';
import { IsIn, IsOptional } from 'class-validator';
import { RequireScope } from '../../core/auth/access-rule';
import { CurrentTenant } from '../../core/auth/current-tenant.decorator';
import { PageQueryDto } from '../../core/http/cursor-page';
import { uuidParam } from '../../core/http/uuid-param';
import { TenantContext } from '../../core/tenancy/tenant-context';
import { SyncRunsService } from './sync-runs.service';

class RunsQueryDto extends PageQueryDto {
  @IsOptional()
  @IsIn(FLOWS, { message: `must be one of ${FLOWS.join(', ')}` })
  flow?: Flow;
}

@ApiTags('runs')
@Controller('runs')
export class RunsController {
  constructor(private readonly runs: SyncRunsService) {}

  @Get()
  @RequireScope('runs:read')
  @ApiOperation({ summary: 'Sync runs of the tenant, newest first' })
  list(@CurrentTenant() tenant: TenantContext, @Query() query: RunsQueryDto): Promise<Page<RunSummary>> {
    return this.runs.list(tenant, query, query.flow);
  }

  @Get(':runId')
  @RequireScope('runs:read')
  @ApiOperation({ summary: 'One sync run' })
  get(@CurrentTenant() tenant: TenantContext, @Param('runId', uuidParam('runId')) runId: string): Promise<RunSummary> {
    return this.runs.get(tenant, runId);
  }
}
