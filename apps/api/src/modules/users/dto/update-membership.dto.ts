import { ApiProperty } from '@nestjs/swagger';
import { TENANT_ROLES, TenantRole, UpdateMembershipRequest } from '@ferry/contracts';
import { IsIn } from 'class-validator';

export class UpdateMembershipDto implements UpdateMembershipRequest {
  @ApiProperty({ enum: TENANT_ROLES })
  @IsIn(TENANT_ROLES, { message: `must be one of ${TENANT_ROLES.join(', ')}` })
  role!: TenantRole;
}
