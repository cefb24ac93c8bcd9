import { Body, Controller, Get, Param, ParseIntPipe, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Flow, FLOWS, MappingVersionDetail, MappingVersionSummary } from '@ferry/contracts';
import { RequireScope } from '../../core/auth/access-rule';
import { CurrentTenant } from '../../core/auth/current-tenant.decorator';
import { enumParam } from '../../core/http/enum-param';
import { problems } from '../../core/http/problem';
import { TenantContext } from '../../core/tenancy/tenant-context';
import { PublishMappingDto } from './dto/publish-mapping.dto';
import { MappingVersionsService } from './mapping-versions.service';

const flowParam = (value: string): Flow => enumParam('flow', FLOWS, value);

const versionParam = new ParseIntPipe({ exceptionFactory: () => problems.badRequest('must be a version number', 'version') });

@ApiTags('mappings')
@Controller('mappings')
export class MappingsController {
  constructor(private readonly versions: MappingVersionsService) {}

  @Get(':flow')
  @RequireScope('mappings:read')
  @ApiOperation({ summary: 'The active mapping version of a flow, with its definition' })
  active(@CurrentTenant() tenant: TenantContext, @Param('flow') flow: string): Promise<MappingVersionDetail> {
    return this.versions.get(tenant, flowParam(flow));
  }

  @Get(':flow/versions')
  @RequireScope('mappings:read')
  @ApiOperation({ summary: 'Every published version of a flow, newest first' })
  list(@CurrentTenant() tenant: TenantContext, @Param('flow') flow: string): Promise<MappingVersionSummary[]> {
    return this.versions.list(tenant, flowParam(flow));
  }

  @Get(':flow/versions/:version')
  @RequireScope('mappings:read')
  @ApiOperation({ summary: 'One published version (export it as a JSON file)' })
  one(@CurrentTenant() tenant: TenantContext, @Param('flow') flow: string, @Param('version', versionParam) version: number): Promise<MappingVersionDetail> {
    return this.versions.get(tenant, flowParam(flow), version);
  }

  @Post(':flow/versions')
  @RequireScope('mappings:write')
  @ApiOperation({ summary: 'Publish a new version from a mapping definition (JSON file); every expression is compiled first' })
  publish(@CurrentTenant() tenant: TenantContext, @Param('flow') flow: string, @Body() body: PublishMappingDto): Promise<MappingVersionDetail> {
    return this.versions.publish(tenant, flowParam(flow), body.definition, body.note);
  }
}
