import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { AddUserResponse, Page, TenantUser } from '@ferry/contracts';
import { RequireScope } from '../../core/auth/access-rule';
import { CurrentTenant } from '../../core/auth/current-tenant.decorator';
import { PageQueryDto } from '../../core/http/cursor-page';
import { uuidParam } from '../../core/http/uuid-param';
import { TenantContext } from '../../core/tenancy/tenant-context';
import { AddUserDto } from './dto/add-user.dto';
import { UpdateMembershipDto } from './dto/update-membership.dto';
import { UsersService } from './users.service';

@ApiTags('users')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @RequireScope('users:read')
  @ApiOperation({ summary: 'People of the current tenant' })
  list(@CurrentTenant() tenant: TenantContext, @Query() query: PageQueryDto): Promise<Page<TenantUser>> {
    return this.users.list(tenant, query);
  }

  @Post()
  @RequireScope('users:write')
  @ApiOperation({ summary: 'Add a person to the tenant (creates their account with a one-time password if new)' })
  add(@CurrentTenant() tenant: TenantContext, @Body() body: AddUserDto): Promise<AddUserResponse> {
    return this.users.add(tenant, body.email, body.displayName, body.role);
  }

  @Patch(':userId')
  @RequireScope('users:write')
  @ApiOperation({ summary: "Change a person's role in the tenant" })
  update(
    @CurrentTenant() tenant: TenantContext,
    @Param('userId', uuidParam('userId')) userId: string,
    @Body() body: UpdateMembershipDto,
  ): Promise<TenantUser> {
    return this.users.updateRole(tenant, userId, body.role);
  }

  @Delete(':userId')
  @RequireScope('users:write')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a person from the tenant' })
  remove(@CurrentTenant() tenant: TenantContext, @Param('userId', uuidParam('userId')) userId: string): Promise<void> {
    return this.users.remove(tenant, userId);
  }
}
