import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  MappingDefinition,
  MappingDraft,
  MappingImpactReport,
  MappingPublishResult,
  MappingReplayCandidates,
  MappingReplayResult,
  MappingSample,
  MappingTestReport,
  MappingVersionDetail,
  MappingVersionDiff,
} from '@ferry/contracts';
import { Response } from 'express';
import { RequireScope } from '../../core/auth/access-rule';
import { CurrentTenant } from '../../core/auth/current-tenant.decorator';
import { TenantContext } from '../../core/tenancy/tenant-context';
import { MappingDefinitionDto } from './dto/mapping-definition.dto';
import { MappingImpactDto } from './dto/mapping-impact.dto';
import { MappingReplayDto } from './dto/mapping-replay.dto';
import { MappingSamplesQueryDto } from './dto/mapping-samples-query.dto';
import { PublishMappingDraftDto } from './dto/publish-mapping-draft.dto';
import { RollbackMappingDto } from './dto/rollback-mapping.dto';
import { RunMappingTestsDto } from './dto/run-mapping-tests.dto';
import { SaveMappingDraftDto } from './dto/save-mapping-draft.dto';
import { VersionDiffQueryDto } from './dto/version-diff-query.dto';
import { MappingDraftsService } from './mapping-drafts.service';
import { MappingEditorService } from './mapping-editor.service';
import { flowParam } from '../../core/http/flow-param';
import { versionParam } from './mapping-route-params';

/** The mapping editor's REST API (issue 9): what the admin's editor uses, and partners' automation. */
@ApiTags('mappings')
@Controller('mappings')
export class MappingEditorController {
  constructor(
    private readonly drafts: MappingDraftsService,
    private readonly editor: MappingEditorService,
  ) {}

  @Get(':flow/draft')
  @RequireScope('mappings:read')
  @ApiOperation({ summary: 'The draft of a flow; without one, the active version as revision 0' })
  draft(@CurrentTenant() tenant: TenantContext, @Param('flow') flow: string): Promise<MappingDraft> {
    return this.drafts.get(tenant, flowParam(flow));
  }

  @Put(':flow/draft')
  @RequireScope('mappings:write')
  @ApiOperation({ summary: 'Save (autosave) the draft; 409 when a newer revision was saved meanwhile. A draft may not compile.' })
  saveDraft(@CurrentTenant() tenant: TenantContext, @Param('flow') flow: string, @Body() body: SaveMappingDraftDto): Promise<MappingDraft> {
    return this.drafts.save(tenant, flowParam(flow), body.definition, body.revision);
  }

  @Delete(':flow/draft')
  @RequireScope('mappings:write')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Discard the draft' })
  discardDraft(@CurrentTenant() tenant: TenantContext, @Param('flow') flow: string): Promise<void> {
    return this.drafts.discard(tenant, flowParam(flow));
  }

  @Post(':flow/draft/test')
  @RequireScope('mappings:read')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: "Run the test cases of the given definition or of the saved draft; 400 with rule, line and column when it does not compile" })
  test(@CurrentTenant() tenant: TenantContext, @Param('flow') flow: string, @Body() body: RunMappingTestsDto): Promise<MappingTestReport> {
    return this.editor.test(tenant, flowParam(flow), body.definition);
  }

  @Post(':flow/draft/impact')
  @RequireScope('mappings:read')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'The draft (or the given definition) against the active version on the last N real records (default 50, at most 500)' })
  impact(@CurrentTenant() tenant: TenantContext, @Param('flow') flow: string, @Body() body: MappingImpactDto): Promise<MappingImpactReport> {
    return this.editor.impact(tenant, flowParam(flow), body.definition, body.limit);
  }

  @Post(':flow/draft/publish')
  @RequireScope('mappings:write')
  @ApiOperation({ summary: 'Publish the draft: 422 when a test case fails, 409 when records would newly break and confirmBreaking is not true' })
  publish(@CurrentTenant() tenant: TenantContext, @Param('flow') flow: string, @Body() body: PublishMappingDraftDto): Promise<MappingPublishResult> {
    return this.editor.publishDraft(tenant, flowParam(flow), body.note, body.confirmBreaking ?? false);
  }

  @Get(':flow/samples')
  @RequireScope('mappings:read')
  @ApiOperation({ summary: 'Recent real records of the flow (failed ones included) with the context to evaluate them with' })
  samples(@CurrentTenant() tenant: TenantContext, @Param('flow') flow: string, @Query() query: MappingSamplesQueryDto): Promise<MappingSample[]> {
    return this.editor.samples(tenant, flowParam(flow), query);
  }

  @Post(':flow/versions/:version/rollback')
  @RequireScope('mappings:write')
  @ApiOperation({ summary: "Publish an older version's definition again as a new version" })
  rollback(
    @CurrentTenant() tenant: TenantContext,
    @Param('flow') flow: string,
    @Param('version', versionParam) version: number,
    @Body() body: RollbackMappingDto,
  ): Promise<MappingVersionDetail> {
    return this.editor.rollback(tenant, flowParam(flow), version, body.note);
  }

  @Get(':flow/versions/:version/diff')
  @RequireScope('mappings:read')
  @ApiOperation({ summary: 'What changed in a version: against=N, default the version before' })
  diff(
    @CurrentTenant() tenant: TenantContext,
    @Param('flow') flow: string,
    @Param('version', versionParam) version: number,
    @Query() query: VersionDiffQueryDto,
  ): Promise<MappingVersionDiff> {
    return this.editor.diff(tenant, flowParam(flow), version, query.against);
  }

  @Get(':flow/export')
  @RequireScope('mappings:read')
  @ApiOperation({ summary: 'Download the active version as a mapping file (JSON)' })
  async exportFile(@CurrentTenant() tenant: TenantContext, @Param('flow') flow: string, @Res({ passthrough: true }) response: Response): Promise<MappingDefinition> {
    const file = await this.editor.exportFile(tenant, flowParam(flow));
    response.set({ 'Content-Disposition': `attachment; filename="${file.filename}"` });
    return file.definition;
  }

  @Post(':flow/import')
  @RequireScope('mappings:write')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Put a mapping file (the body) into the draft; nothing is published' })
  importFile(@CurrentTenant() tenant: TenantContext, @Param('flow') flow: string, @Body() body: MappingDefinitionDto): Promise<MappingDraft> {
    return this.drafts.save(tenant, flowParam(flow), body as MappingDefinition, undefined, '');
  }

  @Get(':flow/replay')
  @RequireScope('mappings:read')
  @ApiOperation({ summary: 'Open mapping and validation errors of the flow that the active version now maps validly' })
  replayCandidates(@CurrentTenant() tenant: TenantContext, @Param('flow') flow: string): Promise<MappingReplayCandidates> {
    return this.editor.replayCandidates(tenant, flowParam(flow));
  }

  @Post(':flow/replay')
  @RequireScope('mappings:write')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Retry exactly these errors (default: every resolvable one) with the current mapping; 400 naming ids that are not' })
  replay(@CurrentTenant() tenant: TenantContext, @Param('flow') flow: string, @Body() body: MappingReplayDto): Promise<MappingReplayResult> {
    return this.editor.replay(tenant, flowParam(flow), body.errorIds);
  }
}
