import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { MappingVersionDetail, MappingVersionSummary } from '@ferry/contracts';
import { RequireScope } from '../../core/auth/access-rule';
import { CurrentTenant } from '../../core/auth/current-tenant.decorator';
import { TenantContext } from '../../core/tenancy/tenant-context';
import { PublishMappingDto } from './dto/publish-mapping.dto';
import { MappingEditorService } from './mapping-editor.service';
import { flowParam } from '../../core/http/flow-param';
import { versionParam } from './mapping-route-params';
import { MappingVersionsService } from './mapping-versions.service';

@ApiTags('mappings')
@Controller('mappings')
export class MappingsController {
  constructor(
    private readonly versions: MappingVersionsService,
    private readonly editor: MappingEditorService,
  ) {}

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
  @ApiOperation({
    summary: 'Publish a new version from a mapping definition (JSON file)',
    description: 'Every expression is compiled first (400 with rule, line and column) and every test case must pass (422 listing the failures).',
  })
  publish(@CurrentTenant() tenant: TenantContext, @Param('flow') flow: string, @Body() body: PublishMappingDto): Promise<MappingVersionDetail> {
    return this.editor.publishFile(tenant, flowParam(flow), body.definition, body.note);
  }
}
