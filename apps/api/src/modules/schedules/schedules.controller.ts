import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { RunNowResponse, ScheduleSummary } from '@ferry/contracts';
import { RequireScope } from '../../core/auth/access-rule';
import { CurrentTenant } from '../../core/auth/current-tenant.decorator';
import { flowParam } from '../../core/http/flow-param';
import { TenantContext } from '../../core/tenancy/tenant-context';
import { BackfillDto } from './dto/backfill.dto';
import { UpdateScheduleDto } from './dto/update-schedule.dto';
import { SchedulesService } from './schedules.service';

@ApiTags('schedules')
@Controller('schedules')
export class SchedulesController {
  constructor(private readonly schedules: SchedulesService) {}

  @Get()
  @RequireScope('schedules:read')
  @ApiOperation({ summary: "The tenant's schedule of each flow, with its next and last run" })
  list(@CurrentTenant() tenant: TenantContext): Promise<ScheduleSummary[]> {
    return this.schedules.list(tenant);
  }

  @Patch(':flow')
  @RequireScope('schedules:write')
  @ApiOperation({ summary: 'Change the interval or cron of a flow, or pause/resume it' })
  update(@CurrentTenant() tenant: TenantContext, @Param('flow') flow: string, @Body() body: UpdateScheduleDto): Promise<ScheduleSummary> {
    return this.schedules.update(tenant, flowParam(flow), body);
  }

  @Post(':flow/backfill')
  @RequireScope('schedules:write')
  @HttpCode(202)
  @ApiOperation({ summary: 'Backfill: read every order updated since a date again (progress in the run)' })
  backfill(@CurrentTenant() tenant: TenantContext, @Param('flow') flow: string, @Body() body: BackfillDto): Promise<RunNowResponse> {
    return this.schedules.backfill(tenant, flowParam(flow), body.since);
  }

  @Post(':flow/run')
  @RequireScope('schedules:write')
  @HttpCode(202)
  @ApiOperation({ summary: 'Run a flow now' })
  runNow(@CurrentTenant() tenant: TenantContext, @Param('flow') flow: string): Promise<RunNowResponse> {
    return this.schedules.runNow(tenant, flowParam(flow));
  }
}
